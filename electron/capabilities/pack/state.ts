import type { PackRulesData } from '../../../db/pack/events';
import { type PackLineRow, type PackSessionRow } from '../../../db/pack/reader';
import type { OrderRow } from '../../../db/orders/reader';
import { declare, type Declared } from '../lines/customs/declare';
import type { ServiceContext } from '../../core/context';

export interface BenchLine extends PackLineRow {
  /** Still to ship: ordered less what left in earlier parcels. */
  toShip: number;
}

/** Everything the bench decides from: the order, its rules, its session, its lines and its customs. */
export interface BenchState {
  order: OrderRow;
  rules: PackRulesData;
  session: PackSessionRow;
  lines: BenchLine[];
  customs: Declared | null;
}

export function benchLines(ctx: ServiceContext, orderId: string): BenchLine[] {
  return ctx.store.read.pack.lines(orderId).map((l) => ({ ...l, toShip: Math.max(0, l.ordered - l.shipped) }));
}

/** Customs of what ships now, when the line carries a declaration or its rule needs one. */
export function benchCustoms(
  ctx: ServiceContext,
  lineId: string,
  rules: PackRulesData,
  items: Array<{ sku: string; title: string; quantity: number }>,
): Declared | null {
  const enabled = rules.needsCustoms || !!ctx.store.read.devices.lineCustoms(lineId)?.enabled;
  return enabled ? declare(ctx, lineId, items, rules.needsCustoms) : null;
}

/**
 * What still stands between the bench and the labels, in the order a picker deals with it; empty
 * when the labels may be issued. `ship` is what leaves now (a partial shipment's lines), default all.
 */
export function blockers(
  s: BenchState,
  ship?: Array<{ idx: number; quantity: number }>,
  /** A supervisor overrides: counts and weights no longer stop the labels (customs always does). */
  overridden = false,
): Array<{ code: 'count' | 'weight' | 'customs'; message: string; next: string }> {
  const out: Array<{ code: 'count' | 'weight' | 'customs'; message: string; next: string }> = [];
  const want = new Map((ship ?? s.lines.map((l) => ({ idx: l.idx, quantity: l.toShip }))).map((x) => [x.idx, x.quantity]));
  if (s.rules.verify && !s.session.overrideBy && !overridden) {
    const short = s.lines.filter((l) => l.counted !== (want.get(l.idx) ?? 0));
    if (short.length) {
      const first = short[0];
      const need = want.get(first.idx) ?? 0;
      out.push({
        code: 'count',
        message:
          first.counted < need
            ? `${short.length === 1 ? '' : `${short.length} lines are short. `}${first.sku} ${first.title}: ${first.counted} of ${need} scanned.`
            : `${first.sku}: ${first.counted} scanned but ${need} ship now.`,
        next: 'Scan every item into the parcel, or ask a supervisor to sign in at the bench and override with a reason.',
      });
    }
  }
  if (s.rules.needsWeight && !overridden && s.session.weights.length < s.session.parcels)
    out.push({
      code: 'weight',
      message: `This line needs a weight: parcel ${s.session.weights.length + 1} of ${s.session.parcels} is not weighed.`,
      next: 'Put the parcel on the scale, wait for it to settle, and scan PACK-WEIGH (or press Weigh).',
    });
  if (s.customs && s.customs.missing.length)
    out.push({
      code: 'customs',
      message: `Customs data is missing: ${s.customs.missing[0]}`,
      next:
        s.customs.missing.length > 1
          ? `${s.customs.missing.length - 1} more field(s) missing. Fill them in the customs table, then issue.`
          : 'Fill it in the customs table (Setup → Customs per SKU), then print.',
    });
  return out;
}
