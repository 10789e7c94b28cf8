import type { JobDraft, LineData } from '../../../db/event-types';
import { newId } from '../../core/ids';
import type { JobPlanner } from '../../core/planners';
import type { ServiceContext } from '../../core/context';
import { KIND, laneOf, trackingUrl } from './lanes';
import { shopifyTrackingUrl } from './tracking-page';

import type { CreatePayload } from '../../../db/shopify/jobs';

export type { CreatePayload };

/**
 * At pick, in the pick transaction: tell Shopify the parcel's number with the line's exact company
 * name and URL, for the fulfillment order's line items. Only orders that came from Shopify.
 */
export const shopifyPickPlanner: JobPlanner = (ctx, parcel, at) => {
  if (parcel.order.source !== 'shopify') return [];
  // The parcels of an order packed together make one fulfillment: the last one issued carries every number.
  if (parcel.pack && parcel.pack.piece < parcel.pack.pieces) return [];
  const link = ctx.store.read.shopify.link(parcel.order.id);
  if (!link) return planReplacement(ctx, parcel, at);
  const line = ctx.store.read.lines.get(parcel.lineId);
  if (!line) return [];
  const store = ctx.store.read.shopify.store(link.storeId);
  const payload: CreatePayload = {
    parcelId: parcel.parcelId,
    storeId: link.storeId,
    orderId: parcel.order.id,
    foGid: link.foGid,
    lineItems: parcel.pack?.lines ? shipLines(ctx, parcel.order.id, parcel.pack.lines) : ctx.store.read.shopify.foLines(parcel.order.id),
    tracking: trackingFor(line, parcel.trackingNumber, shopifyTrackingUrl(ctx, link.storeId, parcel.order.name, line, parcel.trackingNumber)),
    // The store's setting: Shopify e-mails the buyer now, or only once the carrier has the parcel.
    notifyCustomer: store?.notifyAt === 'pick',
  };
  const numbers = parcel.pack && parcel.pack.pieces > 1 ? parcel.pack.numbers : null;
  if (numbers) Object.assign(payload.tracking, { numbers, urls: numbers.map((n) => shopifyTrackingUrl(ctx, link.storeId, parcel.order.name, line, n)) });
  return [
    {
      id: newId('job', at),
      kind: KIND.create,
      target: laneOf(link.storeId, parcel.order.id),
      ref: parcel.parcelId,
      payload,
    },
  ];
};

/** A partial shipment: the fulfillment order's line items for the order lines (idx) and quantities that leave now. */
function shipLines(ctx: ServiceContext, orderId: string, lines: Array<{ idx: number; quantity: number }>): Array<{ id: string; quantity: number }> {
  const byIdx = new Map(ctx.store.read.shopify.foLinesByIdx(orderId).map((l) => [l.idx, l.id]));
  return lines.flatMap((l) => {
    const id = byIdx.get(l.idx);
    return id && l.quantity > 0 ? [{ id, quantity: l.quantity }] : [];
  });
}

/**
 * A replacement (reship) of a Shopify order: its number goes to the original fulfillment as a
 * tracking update in the same order's lane, e-mailing the buyer now or at its handover per the
 * store's setting. The old parcel's row gives the store, the Shopify order and the fulfillment.
 */
const planReplacement: JobPlanner = (ctx, parcel, at) => {
  const old = ctx.store.read.shopify.replacedParcel(parcel.order.id);
  const line = ctx.store.read.lines.get(parcel.lineId);
  if (!old || !line) return [];
  const store = ctx.store.read.shopify.store(old.storeId);
  return [
    {
      id: newId('job', at),
      kind: KIND.trackingUpdate,
      target: laneOf(old.storeId, old.orderId),
      ref: parcel.parcelId,
      payload: {
        parcelId: parcel.parcelId,
        storeId: old.storeId,
        orderId: parcel.order.id,
        foGid: old.foGid,
        replacesParcelId: old.parcelId,
        tracking: trackingFor(line, parcel.trackingNumber, shopifyTrackingUrl(ctx, old.storeId, parcel.order.name, line, parcel.trackingNumber)),
        notifyCustomer: store?.notifyAt === 'pick',
      },
    },
  ];
};

/** What Shopify gets for a number on a line: its exact company name and a working tracking URL (the store's branded page where it chose so). */
export const trackingFor = (line: LineData, number: string, url: string = trackingUrl(line.trackingUrl, number)): CreatePayload['tracking'] => ({
  company: line.shopifyCompany,
  number,
  url,
});

/**
 * A parcel whose number changed (re-link) after its fulfillment reached Shopify: update the
 * fulfillment's tracking. `lineId` is the parcel's line after the change (default: its line now).
 * Callers emit the jobs in their own event, in the same transaction.
 */
export function planTrackingUpdate(ctx: ServiceContext, parcelId: string, number: string, at: Date, lineId?: string): JobDraft[] {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) return [];
  const order = ctx.store.read.orders.get(parcel.orderId);
  const link = order?.source === 'shopify' ? ctx.store.read.shopify.link(order.id) : undefined;
  const line = ctx.store.read.lines.get(lineId ?? parcel.lineId);
  if (!link || !line) return [];
  // Tell the buyer of the new number only when Shopify already e-mailed them the old one.
  const s = ctx.store.read.shopify.parcel(parcelId);
  const notify = !s || s.notifyAtPick || !!s.notifiedAt;
  return [
    {
      id: newId('job', at),
      kind: KIND.trackingUpdate,
      target: laneOf(link.storeId, parcel.orderId),
      ref: parcelId,
      payload: {
        parcelId,
        storeId: link.storeId,
        tracking: trackingFor(line, number, shopifyTrackingUrl(ctx, link.storeId, order!.name, line, number)),
        notifyCustomer: notify,
      },
    },
  ];
}
