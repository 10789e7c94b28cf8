/** Records held by the emulator's store (plain data, no behaviour). */
export type Plan = 'standard' | 'advanced' | 'plus' | 'enterprise';

export type FulfillmentOrderStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD' | 'INCOMPLETE' | 'SCHEDULED';
export type FulfillmentOrderRequestStatus =
  'UNSUBMITTED' | 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'CANCELLATION_REQUESTED' | 'CANCELLATION_ACCEPTED' | 'CANCELLATION_REJECTED' | 'CLOSED';
export type FulfillmentStatus = 'SUCCESS' | 'CANCELLED' | 'ERROR' | 'FAILURE' | 'OPEN' | 'PENDING';
export type FulfillmentDisplayStatus =
  | 'FULFILLED'
  | 'CANCELED'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'DELIVERED'
  | 'ATTEMPTED_DELIVERY'
  | 'LABEL_PURCHASED'
  | 'LABEL_PRINTED'
  | 'READY_FOR_PICKUP'
  | 'CONFIRMED'
  | 'DELAYED'
  | 'FAILURE'
  | 'CARRIER_PICKED_UP'
  | 'PICKED_UP';

export interface ShopRecord {
  name: string;
  myshopifyDomain: string;
  email: string;
  currencyCode: string;
  plan: Plan;
  accessScopes: string[];
}

export interface Address {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
}

export interface LocationRecord {
  id: number;
  name: string;
  address: Address;
  fulfillsOnlineOrders: boolean;
  isActive: boolean;
}

export interface LineItemRecord {
  id: number;
  title: string;
  variantTitle: string | null;
  sku: string;
  barcode: string;
  quantity: number;
  price: string;
  requiresShipping: boolean;
}

export interface OrderRecord {
  id: number;
  name: string;
  email: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  closed: boolean;
  note: string | null;
  tags: string[];
  currencyCode: string;
  shippingAddress: Address | null;
  shippingLineTitle: string;
  lineItems: LineItemRecord[];
  fulfillmentCount: number;
}

export interface FulfillmentOrderLineItemRecord {
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentHoldRecord {
  id: number;
  reason: string;
  reasonNotes: string | null;
}

export interface FulfillmentOrderRecord {
  id: number;
  orderId: number;
  status: FulfillmentOrderStatus;
  requestStatus: FulfillmentOrderRequestStatus;
  locationId: number;
  lineItems: FulfillmentOrderLineItemRecord[];
  deliveryMethodType: 'SHIPPING' | 'PICK_UP' | 'LOCAL' | 'NONE';
  serviceCode: string | null;
  fulfillAt: string | null;
  holds: FulfillmentHoldRecord[];
  createdAt: string;
  updatedAt: string;
  merchantMessages: { kind: string; message: string | null }[];
}

export interface TrackingInfoRecord {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentEventRecord {
  id: number;
  fulfillmentId: number;
  status: string;
  message: string | null;
  happenedAt: string;
  createdAt: string;
  estimatedDeliveryAt: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
  address1: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface FulfillmentLineItemRecord {
  id: number;
  lineItemId: number;
  quantity: number;
}

export interface FulfillmentRecord {
  id: number;
  orderId: number;
  name: string;
  status: FulfillmentStatus;
  displayStatus: FulfillmentDisplayStatus;
  trackingInfo: TrackingInfoRecord[];
  createdAt: string;
  updatedAt: string;
  locationId: number;
  fulfillmentOrderIds: number[];
  lineItems: FulfillmentLineItemRecord[];
  events: FulfillmentEventRecord[];
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  notifyCustomer: boolean;
  message: string | null;
}

/**
 * An e-mail Shopify would send the buyer about a fulfillment: a shipping confirmation when a
 * fulfillment is created with notifyCustomer, a shipping update when its tracking is updated with
 * notifyCustomer. The emulator keeps a record of them (tests read it) instead of sending mail.
 */
export interface BuyerMailRecord {
  id: number;
  kind: 'shipping_confirmation' | 'shipping_update';
  orderId: number;
  orderName: string;
  fulfillmentId: number;
  to: string;
  trackingNumbers: string[];
  sentAt: string;
}
