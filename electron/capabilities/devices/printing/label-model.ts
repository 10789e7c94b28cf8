import type { LabelModel } from '../labels/model';
import { localDate } from '../../station/zone';
import { siteInfo, type ServiceContext } from '../../../core/context';
import { declare } from '../../lines/customs/declare';

/** Everything printed on a parcel's label, from the projections (rebuildable, so reprints match). */
export function labelModelFor(ctx: ServiceContext, parcelId: string): LabelModel | null {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) return null;
  const order = ctx.store.read.orders.get(parcel.orderId)!;
  const line = ctx.store.read.lines.get(parcel.lineId)!;
  const site = siteInfo(ctx);
  const customs = ctx.store.read.devices.lineCustoms(line.id);
  return {
    trackingNumber: parcel.trackingNumber,
    carrierName: line.carrier,
    lineName: line.name,
    service: line.service,
    orderName: order.name,
    parcelId: parcel.id,
    // The day it leaves with the carrier (the line's pickup it makes, fixed at pick), not the pick day.
    shipDate: localDate(new Date(parcel.pickupAt ?? parcel.pickedAt), site.zone),
    shipTo: order.shipTo,
    shipFrom: site.shipFrom,
    ...(parcel.weightG !== null ? { weightKg: parcel.weightG / 1000 } : {}),
    ...(parcel.piece && parcel.pieces ? { piece: { index: parcel.piece, count: parcel.pieces } } : {}),
    ...(customs?.enabled || ctx.store.read.pack.rules(`line:${line.id}`)?.needsCustoms
      ? { customs: declare(ctx, line.id, shippedItems(ctx, order.id, parcel.shipLines), false).declaration }
      : {}),
  };
}

/** The items a parcel carries: its partial shipment's lines, or the whole order. */
export function shippedItems(ctx: ServiceContext, orderId: string, lines: Array<{ idx: number; quantity: number }> | null) {
  const items = ctx.store.read.orders.items(orderId);
  if (!lines) return items;
  return lines.flatMap((l) => {
    const item = items.find((i) => i.idx === l.idx);
    return item && l.quantity > 0 ? [{ ...item, quantity: l.quantity }] : [];
  });
}
