import type { JobDraft } from '../event-types';

export interface ShopifyStoreData {
  id: string;
  shopDomain: string;
  apiVersion: string;
  /** Loopback URL of an emulated store (demo, tests); null for a real store. */
  endpoint: string | null;
  shopName: string;
  locationId: string | null;
  locationName: string | null;
  flow: 'merchant' | 'service';
  /** Shopify delivery method (presented name) -> carrier line id. */
  lineRules: Record<string, string>;
  defaultLineId: string | null;
  /** When Shopify e-mails the buyer the tracking number: at handover (default) or at pick. */
  notifyAt?: NotifyAt;
}

export type NotifyAt = 'handover' | 'pick';

export interface ShopifyOrderLink {
  orderId: string;
  foGid: string;
  orderGid: string;
  foStatus: string;
}

/** A fulfillment request as the Sync screen listed it when it was answered. */
export interface ShopifyRequestData {
  storeId: string;
  foGid: string;
  orderName: string;
  items: number;
  destination: string;
}

/** Events of the shopify capability (merged into EventMap in db/event-types.ts). */
export interface ShopifyEvents {
  'shopify.store_connected': { store: ShopifyStoreData; missingScopes: string[] };
  'shopify.store_removed': { storeId: string };
  /** Emitted with the orders.imported event of an intake: which console order is which fulfillment order. */
  'shopify.orders_linked': { storeId: string; links: ShopifyOrderLink[] };
  /** A fulfillment order changed in Shopify (hold, release, cancel, closed elsewhere). */
  'shopify.fo_changed': { storeId: string; orderId: string; foGid: string; foStatus: string };
  'shopify.intake_done': { storeId: string; imported: number; changed: number; seen: number };
  'shopify.fulfillment_created': {
    parcelId: string;
    storeId: string;
    jobId: string;
    foGid: string;
    fulfillmentGid: string;
    trackingNumber: string;
    company: string;
    /** True when a retry found the fulfillment already in Shopify instead of creating it again. */
    found: boolean;
    /** Whether it was created with notifyCustomer (Shopify e-mailed the buyer); absent in older logs = true. */
    notifyCustomer?: boolean;
    /** The fulfillment's updatedAt as Shopify answered (absent in older logs). */
    updatedAt?: string;
  };
  /** The store's setting: when Shopify e-mails the buyer (applies to parcels picked from then on). */
  'shopify.notify_set': { storeId: string; notifyAt: NotifyAt };
  /**
   * The store's branded tracking page (`{number}`, `{carrier}`, `{order}` in the template; null: the
   * carrier's page), whether the tracking URL sent to Shopify is that page, and whether the monitor's
   * milestones go to Shopify as fulfillment events.
   */
  'shopify.tracking_page_set': { storeId: string; template: string | null; useInShopify: boolean; milestones: boolean };
  /**
   * Shopify took the request to e-mail the buyer the tracking number at handover
   * (fulfillmentTrackingInfoUpdate with notifyCustomer; found: a retry saw it had already landed).
   */
  'shopify.buyer_notified': {
    parcelId: string;
    storeId: string;
    jobId: string;
    fulfillmentGid: string;
    trackingNumber: string;
    found: boolean;
    updatedAt?: string;
  };
  'shopify.tracking_updated': {
    parcelId: string;
    jobId: string;
    fulfillmentGid: string;
    trackingNumber: string;
    company: string;
    updatedAt?: string;
    notifyCustomer?: boolean;
  };
  'shopify.event_sent': { parcelId: string; jobId: string; fulfillmentGid: string; status: string; eventGid: string; found: boolean };
  /** Shopify took an answer to a fulfillment request (jobId: sent by the outbox; found: a retry saw it already answered). */
  'shopify.request_answered': { storeId: string; foGid: string; accepted: boolean; message: string; jobId?: string; found?: boolean };
  /** Accept or reject of a fulfillment request, queued as an outbox job (survives offline and restart). */
  'shopify.request_queued': { request: ShopifyRequestData; accept: boolean; message: string; job: JobDraft };
  'shopify.job_replaced': { oldJobId: string; parcelId: string | null; change: string; job: JobDraft };
}
