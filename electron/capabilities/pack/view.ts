import type { ServiceContext } from '../../core/context';
import { parcelView, shipToLine } from '../pick/view';
import { benchState } from './session';
import { blockers } from './state';

/** What the bench screen shows: the counts, the parcels, the weights, the customs form and what is still missing. */
export function packView(ctx: ServiceContext, orderId: string) {
  const s = benchState(ctx, orderId);
  const line = s.order.lineId ? ctx.store.read.lines.get(s.order.lineId) : undefined;
  const total = (f: (l: (typeof s.lines)[number]) => number) => s.lines.reduce((n, l) => n + f(l), 0);
  const customsValue = s.customs ? s.customs.declaration.items.reduce((n, i) => n + i.value, 0) : 0;
  return {
    orderId: s.order.id,
    orderName: s.order.name,
    shipTo: shipToLine(ctx, s.order.id),
    lineName: line?.name ?? '',
    carrier: line?.carrier ?? '',
    rules: { verify: s.rules.verify, itemsPerParcel: s.rules.itemsPerParcel, needsWeight: s.rules.needsWeight, needsCustoms: s.rules.needsCustoms },
    lines: s.lines.map((l) => ({
      idx: l.idx,
      sku: l.sku,
      title: l.title,
      barcode: l.barcode,
      ordered: l.ordered,
      shipped: l.shipped,
      toShip: l.toShip,
      counted: l.counted,
    })),
    counted: total((l) => l.counted),
    toShip: total((l) => l.toShip),
    extras: s.session.extras,
    parcels: s.session.parcels,
    weights: s.session.weights,
    override: s.session.overrideBy ? { supervisor: s.session.overrideBy, reason: s.session.overrideReason ?? '' } : null,
    customs: s.customs
      ? {
          form: s.customs.declaration.form,
          value: Math.round(customsValue * 100) / 100,
          currency: s.customs.declaration.currency,
          missing: s.customs.missing,
        }
      : null,
    earlier: ctx.store.read.parcels.forOrder(s.order.id).map(parcelView),
    blockers: blockers(s),
  };
}
