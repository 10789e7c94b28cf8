// Reship: a lost parcel gets a replacement order (#1001-R1) with the same buyer and items, open for
// the pick station, so the normal pick flow issues its number and label. The old parcel and the
// new order are linked in the monitor's table and on both timelines.
import type { EventDraft, OrderData } from '../../../db/event-types';
import { badInput, conflict, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf, type ServiceContext } from '../../core/context';

export interface ReshipTarget {
  exceptionId?: string;
  parcelId?: string;
}

export function reship(ctx: ServiceContext, targets: ReshipTarget[], reason: string) {
  if (!targets.length) throw badInput('Select at least one lost parcel to reship.');
  const r = ctx.store.read.monitor;
  const at = ctx.clock.now();
  const events: EventDraft[] = [];
  const out: Array<{ oldParcelId: string; oldTrackingNumber: string; newOrderId: string; newOrderName: string }> = [];
  const taken = new Map<string, number>();
  for (const t of targets) {
    const exc = t.exceptionId ? r.exception(t.exceptionId) : undefined;
    if (t.exceptionId && !exc) throw notFound(`Exception ${t.exceptionId}`, 'Reload the queue and select again.');
    if (exc && exc.status !== 'open')
      throw conflict(`The exception of ${exc.orderName} is already closed (${exc.resolution}). Reload the queue; nothing was reshipped.`);
    const parcel = ctx.store.read.parcels.get(exc?.parcelId ?? t.parcelId ?? '');
    if (!parcel) throw notFound(`Parcel ${t.parcelId ?? ''}`, 'Search it by order or tracking number.');
    const tracking = r.tracking(parcel.id);
    if (tracking?.status === 'delivered')
      throw conflict(
        `${parcel.trackingNumber} shows delivered on ${tracking.statusAt.slice(0, 10)}: ask the buyer before sending again. Nothing was reshipped.`,
      );
    const waiting = r.reshipsOf(parcel.id).find((x) => !x.newParcelId);
    if (waiting) throw conflict(`${parcel.trackingNumber} is already being reshipped as ${waiting.newOrderName}, waiting to be picked. Nothing was reshipped.`);
    const order = ctx.store.read.orders.get(parcel.orderId)!;
    const base = order.name.replace(/-R\d+$/, '');
    const n = (taken.get(base) ?? r.countReshipsOfOrder(base)) + 1;
    taken.set(base, n);
    const newOrderId = newId('ord', at);
    const newOrderName = `${base}-R${n}`;
    const items = ctx.store.read.orders.items(order.id);
    const data: OrderData = {
      id: newOrderId,
      store: order.store,
      name: newOrderName,
      status: 'open',
      lineId: parcel.lineId,
      shipTo: order.shipTo,
      email: order.email ?? undefined,
      createdAt: at.toISOString(),
      source: order.source as OrderData['source'],
      items: items.map((i) => ({ sku: i.sku, barcode: i.barcode ?? undefined, title: i.title, quantity: i.quantity })),
    };
    events.push(
      { type: 'orders.imported', subject: newOrderId, payload: { orders: [data] } },
      {
        type: 'monitor.reship_created',
        subject: parcel.id,
        payload: { exceptionId: exc?.id ?? null, oldParcelId: parcel.id, oldTrackingNumber: parcel.trackingNumber, newOrderId, newOrderName, reason },
      },
      {
        type: 'monitor.reship_opened',
        subject: newOrderId,
        payload: { oldParcelId: parcel.id, oldTrackingNumber: parcel.trackingNumber, oldOrderName: order.name, newOrderName },
      },
    );
    out.push({ oldParcelId: parcel.id, oldTrackingNumber: parcel.trackingNumber, newOrderId, newOrderName });
  }
  ctx.store.write(actorOf(ctx), at, (emit) => events.forEach((e) => emit(e)));
  return { reships: out };
}

/** After a pick: if it was a replacement, say so on the old parcel's timeline now. */
export function noteReshipsPicked(ctx: ServiceContext): number {
  const rows = ctx.store.read.monitor.reshipsPickedUnnoted();
  if (!rows.length) return 0;
  ctx.store.write('monitor', ctx.clock.now(), (emit) => {
    for (const r of rows) {
      const np = ctx.store.read.parcels.get(r.newParcelId!)!;
      emit({
        type: 'monitor.reship_picked',
        subject: r.oldParcelId,
        payload: { oldParcelId: r.oldParcelId, newParcelId: np.id, newTrackingNumber: np.trackingNumber, newOrderName: r.newOrderName },
      });
    }
  });
  return rows.length;
}
