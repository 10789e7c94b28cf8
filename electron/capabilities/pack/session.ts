import type { OrderRow } from '../../../db/orders/reader';
import { conflict, notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import type { PickGate } from '../../core/planners';
import { rulesFor } from './rules';
import { benchCustoms, benchLines, type BenchState } from './state';

/** Parcels an order starts with: one per N items when the line says so, else one. */
function plannedParcels(itemsPerParcel: number | null, items: number): number {
  return itemsPerParcel ? Math.max(1, Math.ceil(items / itemsPerParcel)) : 1;
}

/**
 * The pick's gate to the bench: an open order of a line (or store) with pack rules opens (or resumes)
 * its bench session instead of issuing at once. Orders of lines without rules pass straight through.
 */
export const packGate: PickGate = (ctx, order, lineId) => {
  const rules = rulesFor(ctx, order.store, lineId);
  if (!rules) return null;
  const session = ctx.store.read.pack.session(order.id);
  const remaining = benchLines(ctx, order.id).reduce((n, l) => n + l.toShip, 0);
  if (!session || session.status !== 'open')
    ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
      emit({ type: 'pack.opened', subject: order.id, payload: { orderId: order.id, parcels: plannedParcels(rules.itemsPerParcel, remaining) } }),
    );
  const partly = !!session && session.status === 'issued';
  const steps = [rules.verify ? 'scan each item' : null, rules.needsWeight ? 'weigh it' : null, 'then print the labels'].filter(Boolean).join(', ');
  return {
    orderId: order.id,
    orderName: order.name,
    message: partly ? `${order.name}: the rest of a partial shipment (${remaining} items) is at the bench.` : `${order.name} is at the pack bench.`,
    next: `${steps[0].toUpperCase()}${steps.slice(1)}.`,
  };
};

/** The bench state of an order with an open session, or a clear refusal. */
export function benchState(ctx: ServiceContext, orderId: string, ship?: Array<{ idx: number; quantity: number }>): BenchState {
  const order = ctx.store.read.orders.get(orderId);
  if (!order) throw notFound(`Order ${orderId}`, 'Scan the order number from the pick slip.');
  const session = ctx.store.read.pack.session(orderId);
  if (!session || session.status !== 'open')
    throw conflict(`${order.name} is not open at the bench${session ? ': its labels were issued' : ''}. Scan the order number on the pick screen to start.`);
  const rules = rulesFor(ctx, order.store, order.lineId) ?? { scope: 'none', verify: false, itemsPerParcel: null, needsWeight: false, needsCustoms: false };
  const lines = benchLines(ctx, orderId);
  const want = new Map((ship ?? lines.map((l) => ({ idx: l.idx, quantity: l.toShip }))).map((x) => [x.idx, x.quantity]));
  const items = lines.filter((l) => (want.get(l.idx) ?? 0) > 0).map((l) => ({ sku: l.sku, title: l.title, quantity: want.get(l.idx)! }));
  return { order, rules, session, lines, customs: order.lineId ? benchCustoms(ctx, order.lineId, rules, items) : null };
}

export type { OrderRow };
