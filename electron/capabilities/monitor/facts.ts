// Everything the monitor's screens and messages need to know about one parcel, gathered once.
import type { ParcelRow } from '../../../db/pick/reader';
import type { LineData } from '../../../db/event-types';
import type { OrderRow } from '../../../db/orders/reader';
import { notFound } from '../../core/errors';
import { siteInfo, type ServiceContext } from '../../core/context';
import { STATUS_WORDS } from '../../../db/monitor/statuses';
import type { TemplateFacts } from './templates';
import { buyerTrackingUrl } from '../shopify/tracking-page';
import { firstScanWindow, type Window } from './windows';

export interface ParcelContext {
  parcel: ParcelRow;
  order: OrderRow;
  line: LineData;
  handedOverAt: string | null;
  window: Window | null;
  zone: string;
}

export function parcelContext(ctx: ServiceContext, parcelId: string): ParcelContext {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) throw notFound(`Parcel ${parcelId}`, 'Search it by order or tracking number.');
  const order = ctx.store.read.orders.get(parcel.orderId)!;
  const line = ctx.store.read.lines.get(parcel.lineId)!;
  const handedOverAt = ctx.store.read.monitor.handedOverAt(parcel.id);
  const window = firstScanWindow(
    {
      expectedFrom: parcel.expectedFirstScanFrom ?? null,
      expectedTo: parcel.expectedFirstScanBy ?? null,
      handedOverAt,
      pickupAt: parcel.pickupAt ?? null,
      pickedAt: parcel.pickedAt,
    },
    line.routeType,
  );
  return { parcel, order, line, handedOverAt, window, zone: siteInfo(ctx).zone };
}

export function templateFacts(ctx: ServiceContext, pc: ParcelContext): TemplateFacts {
  const scans = ctx.store.read.monitor.scans(pc.parcel.id);
  const last = scans[scans.length - 1];
  return {
    buyerName: pc.order.shipTo.name,
    orderName: pc.order.name,
    trackingNumber: pc.parcel.trackingNumber,
    trackingUrl: buyerTrackingUrl(ctx, pc.order.id, pc.line, pc.parcel.trackingNumber),
    carrier: pc.line.carrier,
    routeType: pc.line.routeType,
    zone: pc.zone,
    windowTo: pc.window?.to ?? null,
    pickupAt: pc.parcel.pickupAt ?? null,
    lastScan: last ? { status: STATUS_WORDS[last.status].toLowerCase(), at: last.scannedAt, location: last.location } : null,
    now: ctx.clock.now().toISOString(),
  };
}
