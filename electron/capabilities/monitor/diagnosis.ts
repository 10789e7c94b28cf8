// One parcel, diagnosed: its tracking lines (carrier scan time, learned time, the lag between them),
// the five gaps with their times, Shopify's side, its exceptions and its reship links.
import type { ServiceContext } from '../../core/context';
import { parcelContext, type ParcelContext } from './facts';
import { currentGap, gapsOf, type Gap } from './gaps';
import { STATUS_WORDS } from '../../../db/monitor/statuses';
import { buyerTrackingUrl } from '../shopify/tracking-page';
import { runtimeOf } from './runtime';
import { FILE_SOURCE } from './sources/registry';
import { exceptionView } from './exceptions';

const H = 3_600_000;

export function sourceName(ctx: ServiceContext, id: string): string {
  if (id === FILE_SOURCE.id) return FILE_SOURCE.name;
  return runtimeOf(ctx).sources.find((s) => s.id === id)?.name ?? id;
}

export function diagnoseParcel(ctx: ServiceContext, parcelId: string, pc: ParcelContext = parcelContext(ctx, parcelId)) {
  const r = ctx.store.read.monitor;
  const nowMs = ctx.clock.now().getTime();
  const { parcel, order, line } = pc;
  const scans = r.scans(parcel.id);
  const tracking = r.tracking(parcel.id) ?? null;
  const shopify = r.shopifyOf(parcel.id);
  const gaps: Gap[] = gapsOf(
    {
      orderCreatedAt: order.createdAt,
      pickedAt: parcel.pickedAt,
      shopify: shopify && {
        queuedAt: shopify.queuedAt,
        syncedAt: shopify.syncedAt,
        notifyCustomer: shopify.notifyCustomer,
        notifiedAt: shopify.notifiedAt,
        notifyAt: shopify.notifyAt,
      },
      pickupAt: parcel.pickupAt ?? null,
      handedOverAt: pc.handedOverAt,
      windowTo: pc.window?.to ?? null,
      firstScanAt: tracking?.firstScanAt ?? null,
      firstLearnedAt: tracking?.firstLearnedAt ?? null,
    },
    nowMs,
  );
  const reshipOf = r.reshipForOrder(order.id);
  const oldParcel = reshipOf ? ctx.store.read.parcels.get(reshipOf.oldParcelId) : undefined;
  return {
    parcel: {
      id: parcel.id,
      trackingNumber: parcel.trackingNumber,
      status: parcel.status,
      pickedAt: parcel.pickedAt,
      pickupAt: parcel.pickupAt ?? null,
      handedOverAt: pc.handedOverAt,
      trackingUrl: buyerTrackingUrl(ctx, order.id, line, parcel.trackingNumber),
    },
    order: {
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      buyer: order.shipTo.name,
      email: order.email,
      country: order.shipTo.country,
      source: order.source,
    },
    line: { id: line.id, name: line.name, carrier: line.carrier, routeType: line.routeType },
    window: pc.window,
    tracking: tracking && {
      ...tracking,
      statusWords: STATUS_WORDS[tracking.status],
      firstSourceName: tracking.firstSource ? sourceName(ctx, tracking.firstSource) : null,
    },
    scans: scans.map((s) => ({
      status: s.status,
      statusWords: STATUS_WORDS[s.status],
      scannedAt: s.scannedAt,
      learnedAt: s.learnedAt,
      lagHours: Math.round(((Date.parse(s.learnedAt) - Date.parse(s.scannedAt)) / H) * 10) / 10,
      source: sourceName(ctx, s.sourceId),
      via: s.via,
      location: s.location,
      detail: s.detail,
    })),
    gaps,
    current: currentGap(gaps),
    shopify,
    exceptions: r.exceptionsOf(parcel.id).map((e) => exceptionView(e, nowMs)),
    reshippedAs: r.reshipsOf(parcel.id).map((x) => ({
      orderName: x.newOrderName,
      orderId: x.newOrderId,
      parcelId: x.newParcelId,
      trackingNumber: x.newParcelId ? (ctx.store.read.parcels.get(x.newParcelId)?.trackingNumber ?? null) : null,
      at: x.createdAt,
      reason: x.reason,
    })),
    reshipOf: reshipOf ? { orderName: reshipOf.newOrderName, oldParcelId: reshipOf.oldParcelId, oldTrackingNumber: oldParcel?.trackingNumber ?? '' } : null,
  };
}

export type Diagnosis = ReturnType<typeof diagnoseParcel>;
