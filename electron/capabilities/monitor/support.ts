// The support helper: an order or tracking number in, the parcel's gaps and Table 2's walk out.
import { notFound } from '../../core/errors';
import { siteInfo, type ServiceContext } from '../../core/context';
import { diagnoseParcel } from './diagnosis';
import { walkTree, type Symptom } from './failure-tree';
import { rulesOf, thresholdsFor } from './settings';

const D = 86_400_000;

/** Share of a line's parcels (last 30 days) first scanned after their window: does gap 3 repeat here? */
function lineLateShare(ctx: ServiceContext, lineId: string, nowMs: number): number {
  const rows = ctx.store.read.monitor
    .parcelsPickedBetween(new Date(nowMs - 30 * D).toISOString(), new Date(nowMs).toISOString())
    .filter((p) => p.lineId === lineId && p.handedOverAt && p.expectedTo);
  if (!rows.length) return 0;
  const late = rows.filter((p) => (p.firstScanAt ? p.firstScanAt > p.expectedTo! : nowMs > Date.parse(p.expectedTo!)));
  return late.length / rows.length;
}

export function lookup(ctx: ServiceContext, input: { query: string; symptom?: Symptom }) {
  const q = input.query.trim();
  const nowMs = ctx.clock.now().getTime();
  const zone = siteInfo(ctx).zone;
  const byNumber = ctx.store.read.parcels.byTracking(q.toUpperCase()) ?? ctx.store.read.parcels.byTracking(q);
  const orders = byNumber ? [] : ctx.store.read.orders.byName(q);
  const parcels = byNumber ? [byNumber] : orders.flatMap((o) => ctx.store.read.parcels.forOrder(o.id));
  if (!parcels.length && !orders.length)
    throw notFound(`No order or tracking number "${q}"`, 'Check it with the buyer (order numbers look like #1001), or search in Parcels.');
  const rules = rulesOf(ctx);
  const results = parcels.map((p) => {
    const d = diagnoseParcel(ctx, p.id);
    const line = ctx.store.read.lines.get(p.lineId)!;
    return {
      diagnosis: d,
      tree: walkTree(d, nowMs, zone, {
        symptom: input.symptom,
        lineLateShare: lineLateShare(ctx, p.lineId, nowMs),
        lostDays: thresholdsFor(rules, line).lostDays,
      }),
    };
  });
  // An order without a parcel: nothing was picked, so the buyer has no number at all (gap 1).
  const waiting = orders
    .filter((o) => !ctx.store.read.parcels.forOrder(o.id).length)
    .map((o) => ({
      orderName: o.name,
      status: o.status,
      createdAt: o.createdAt,
      hoursWaiting: Math.round(((nowMs - Date.parse(o.createdAt)) / 3_600_000) * 10) / 10,
      rootCause:
        o.status === 'open'
          ? 'Not picked yet: the number is issued at pick (gap 1 is still open).'
          : `The order is ${o.status.replace('_', ' ')}${o.statusNote ? `: ${o.statusNote}` : ''}.`,
      fix: { n: 5, text: 'Pick it now: the number reaches Shopify within minutes of the pick.' },
      reply: `Hi ${o.shipTo.name.split(/\s+/)[0]},\n\nthank you for your patience: your order ${o.name} is being prepared. You will receive its tracking number by e-mail as soon as it is packed.\n\nBest regards,\nCustomer care`,
    }));
  return { query: q, results, waiting };
}
