import type { JobDraft } from '../../../db/event-types';
import { newId } from '../../core/ids';
import type { ServiceContext } from '../../core/context';
import { KIND, laneOf } from './lanes';
import { trackingPageOf } from './tracking-page';

/**
 * At handover, for a parcel whose fulfillment went to Shopify without e-mailing the buyer (the
 * store's "e-mail the buyer at handover"): the job that has Shopify e-mail them now. None when the
 * buyer was told at pick, was already told, or a job for it is already planned.
 */
export function planBuyerNotify(ctx: ServiceContext, handed: string, at: Date): JobDraft[] {
  // A piece of a split order: its fulfillment is its last piece's (one e-mail with every number).
  const parcelId = ctx.store.read.shopify.fulfillmentParcel(handed) ?? handed;
  const row = ctx.store.read.shopify.parcel(parcelId);
  if (!row || row.notifyAtPick || row.notifiedAt || row.notifyJobId) return [];
  return [
    { id: newId('job', at), kind: KIND.buyerNotify, target: laneOf(row.storeId, row.orderId), ref: parcelId, payload: { parcelId, storeId: row.storeId } },
  ];
}

/** What Shopify hears at handover: the buyer's e-mail (when it waits for the handover), then CARRIER_PICKED_UP, in the order's lane. */
export function planHandoverShopify(ctx: ServiceContext, parcelId: string, at: Date, happenedAt: Date = at): JobDraft[] {
  return [...planBuyerNotify(ctx, parcelId, at), ...planShopifyEvent(ctx, parcelId, 'CARRIER_PICKED_UP', happenedAt)];
}

export type { ShopifyMilestone } from '../../../db/shopify/jobs';
import type { ShopifyMilestone } from '../../../db/shopify/jobs';

/**
 * The outbox jobs that tell Shopify about a parcel milestone (fulfillmentEventCreate), for parcels
 * whose order came from a connected Shopify store; none for other parcels. Callers emit the jobs
 * in their own event (as `jobs` of a projected event) in the same transaction.
 * The job runs in the order's lane, so it always follows the parcel's fulfillmentCreate.
 */
export function planShopifyEvent(
  ctx: ServiceContext,
  reported: string,
  status: ShopifyMilestone,
  happenedAt: Date,
  /** Fulfillment milestones planned by the caller but not yet committed (several parcels' scans in one batch). */
  planned?: Set<string>,
  /** `<parcelId>:<milestone>` reached by parcels earlier in the same batch, not yet committed. */
  reached?: Set<string>,
): JobDraft[] {
  // Milestones belong to the fulfillment, which a split order's parcels share: the first of its
  // parcels to reach one tells Shopify (the buyer learns the order is moving), once, never again;
  // "delivered" waits for the last of them.
  const sr = ctx.store.read.shopify;
  const parcelId = sr.fulfillmentParcel(reported) ?? reported;
  if (sr.eventPlanned(parcelId, status) || planned?.has(`${parcelId}:${status}`)) return [];
  if (status === 'DELIVERED') {
    const others = sr.fulfillmentSiblings(parcelId).filter((id) => id !== reported);
    const delivered = (id: string) => reached?.has(`${id}:DELIVERED`) || ctx.store.read.monitor.milestones(id).has('DELIVERED');
    if (!others.every(delivered)) return [];
  }
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) return [];
  const order = ctx.store.read.orders.get(parcel.orderId);
  if (order?.source !== 'shopify') return [];
  const link = ctx.store.read.shopify.link(order.id);
  if (!link || !trackingPageOf(ctx, link.storeId).milestones) return [];
  planned?.add(`${parcelId}:${status}`);
  return [
    {
      id: newId('job', happenedAt),
      kind: KIND.event,
      target: laneOf(link.storeId, order.id),
      ref: parcelId,
      payload: { parcelId, storeId: link.storeId, status, happenedAt: happenedAt.toISOString() },
    },
  ];
}
