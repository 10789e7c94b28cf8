import type { CustomsSettingsData } from '../../../db/hardware/events';
import type { CustomsDeclaration, LabelModel } from '../labels/model';
import { localDate } from '../site/zone';
import { siteInfo, type ServiceContext } from '../../core/context';

/** The CN22 block of a parcel on a line that needs one: its order's items with the line's customs figures. */
export function customsFor(settings: CustomsSettingsData, items: Array<{ sku: string; title: string; quantity: number }>): CustomsDeclaration {
  return {
    category: settings.category,
    currency: settings.currency,
    items: items.map((i) => {
      const own = settings.items[i.sku] ?? {};
      const unitValue = own.value ?? settings.valuePerItem;
      const unitWeight = own.weightKg ?? settings.weightPerItemKg;
      return {
        description: own.description ?? i.title,
        quantity: i.quantity,
        value: Math.round(unitValue * i.quantity * 100) / 100,
        weightKg: Math.round(unitWeight * i.quantity * 1000) / 1000,
        ...(own.hsCode ? { hsCode: own.hsCode } : {}),
        origin: (own.origin ?? settings.originCountry).toUpperCase(),
      };
    }),
  };
}

/** Everything printed on a parcel's label, from the projections (rebuildable, so reprints match). */
export function labelModelFor(ctx: ServiceContext, parcelId: string): LabelModel | null {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) return null;
  const order = ctx.store.read.orders.get(parcel.orderId)!;
  const line = ctx.store.read.lines.get(parcel.lineId)!;
  const site = siteInfo(ctx);
  const customs = ctx.store.read.hardware.lineCustoms(line.id);
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
    ...(customs?.enabled ? { customs: customsFor(customs, ctx.store.read.orders.items(order.id)) } : {}),
  };
}
