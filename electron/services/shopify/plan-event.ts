import type { JobDraft } from '../../../db/event-types';
import type { ServiceContext } from '../site/context';

export type ShopifyMilestone = 'CARRIER_PICKED_UP' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'ATTEMPTED_DELIVERY' | 'FAILURE';

/**
 * The outbox jobs that tell Shopify about a parcel milestone (fulfillmentEventCreate), for parcels
 * whose order came from a connected Shopify store; none for other parcels. Callers emit the jobs
 * in their own event (as `jobs` of a projected event) in the same transaction.
 * Implemented by the Shopify capability.
 */
export function planShopifyEvent(_ctx: ServiceContext, _parcelId: string, _status: ShopifyMilestone, _happenedAt: Date): JobDraft[] {
  return [];
}
