import type { LabelModel } from '../labels/model';
import { localDate } from '../site/zone';
import { siteInfo, type ServiceContext } from '../site/context';

/** Everything printed on a parcel's label, from the projections (rebuildable, so reprints match). */
export function labelModelFor(ctx: ServiceContext, parcelId: string): LabelModel | null {
  const parcel = ctx.store.parcels.get(parcelId);
  if (!parcel) return null;
  const order = ctx.store.orders.get(parcel.orderId)!;
  const line = ctx.store.lines.get(parcel.lineId)!;
  const site = siteInfo(ctx);
  return {
    trackingNumber: parcel.trackingNumber,
    carrierName: line.carrier,
    lineName: line.name,
    service: line.service,
    orderName: order.name,
    parcelId: parcel.id,
    shipDate: localDate(new Date(parcel.pickedAt), site.zone),
    shipTo: order.shipTo,
    shipFrom: site.shipFrom,
  };
}
