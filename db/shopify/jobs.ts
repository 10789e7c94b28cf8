/** Outbox jobs of the Shopify capability (one lane per order of a store; db/shopify is their data). */
export interface ShopifyTracking {
  company: string;
  number: string;
  url: string;
}

export interface CreatePayload {
  parcelId: string;
  storeId: string;
  orderId: string;
  foGid: string;
  lineItems: Array<{ id: string; quantity: number }>;
  /** `numbers`/`urls`: an order packed in several parcels goes to Shopify as one fulfillment with every number. */
  tracking: ShopifyTracking & { numbers?: string[]; urls?: string[] };
  notifyCustomer: boolean;
  /** Numbers the parcel had before a re-link: an attempt may have sent one of them. */
  previousNumbers?: string[];
}

export interface TrackingUpdatePayload {
  parcelId: string;
  storeId: string;
  tracking: ShopifyTracking;
  notifyCustomer: boolean;
  /** A reship's parcel updates the fulfillment of the parcel it replaces. */
  replacesParcelId?: string;
}

export type ShopifyMilestone = 'CARRIER_PICKED_UP' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'ATTEMPTED_DELIVERY' | 'DELAYED' | 'FAILURE';

export interface RequestAnswerPayload {
  storeId: string;
  foGid: string;
  accept: boolean;
  message: string;
}

export interface ShopifyJobs {
  'shopify.fulfillment_create': CreatePayload;
  'shopify.tracking_update': TrackingUpdatePayload;
  'shopify.fulfillment_event': { parcelId: string; storeId: string; status: ShopifyMilestone; happenedAt: string };
  'shopify.request_answer': RequestAnswerPayload;
  'shopify.buyer_notify': { parcelId: string; storeId: string };
}
