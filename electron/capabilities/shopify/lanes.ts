/**
 * Outbox lanes of Shopify jobs: one lane per order of a store. Jobs of one order (create, tracking
 * update, milestone events) stay in order; different orders are independent in Shopify, so their
 * lanes run concurrently and one store-wide pacer keeps them within the store's rate limit. (One
 * lane per store would serialise every request behind the previous answer: about 1/latency jobs
 * per second, far below what a plan's bucket allows.)
 */
export const laneOf = (storeId: string, orderId: string) => `shopify:${storeId}:${orderId}`;
export const storeLanePrefix = (storeId: string) => `shopify:${storeId}:`;

export const KIND = {
  create: 'shopify.fulfillment_create',
  trackingUpdate: 'shopify.tracking_update',
  event: 'shopify.fulfillment_event',
  requestAnswer: 'shopify.request_answer',
  buyerNotify: 'shopify.buyer_notify',
} as const;

/** A fulfillment request's answer has its own lane: no console order exists for it yet. */
export const requestLaneOf = (storeId: string, foGid: string) => `shopify:${storeId}:request-${foGid.split('/').pop()}`;

export function trackingUrl(template: string, number: string): string {
  return template.replace('{number}', encodeURIComponent(number));
}
