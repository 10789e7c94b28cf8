/**
 * Every GraphQL document the console sends to Shopify, in one place: a test validates each one
 * against the Admin schema (test/electron/capabilities/shopify/documents.test.ts).
 */

export const SHOP_INFO = `query ShopInfo {
  shop { name myshopifyDomain plan { displayName shopifyPlus } }
  currentAppInstallation { accessScopes { handle } }
  locations(first: 50) { nodes { id name isActive } }
}`;

const FO_FIELDS = `
  id status requestStatus orderId orderName orderProcessedAt updatedAt
  assignedLocation { location { id } }
  deliveryMethod { methodType presentedName serviceCode }
  destination { firstName lastName company address1 address2 city province zip countryCode phone email }
  fulfillmentHolds { reason reasonNotes }
  lineItems(first: 50) { nodes { id remainingQuantity totalQuantity sku productTitle variantTitle lineItem { variant { barcode } } } }`;

/** Open fulfillment orders of the merchant's own locations, a page at a time. */
export const FULFILLMENT_ORDERS = `query FulfillmentOrders($first: Int!, $after: String, $query: String) {
  fulfillmentOrders(first: $first, after: $after, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes { ${FO_FIELDS} }
  }
}`;

/** The fulfillment-service flow: orders Shopify assigned to the app's location. */
export const ASSIGNED_FULFILLMENT_ORDERS = `query AssignedFulfillmentOrders($first: Int!, $after: String, $locationIds: [ID!], $assignmentStatus: FulfillmentOrderAssignmentStatus) {
  assignedFulfillmentOrders(first: $first, after: $after, locationIds: $locationIds, assignmentStatus: $assignmentStatus) {
    pageInfo { hasNextPage endCursor }
    nodes { ${FO_FIELDS} }
  }
}`;

/** Fulfillment orders that left the open list: cancelled, closed elsewhere, moved. */
export const FULFILLMENT_ORDER_STATES = `query FulfillmentOrderStates($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on FulfillmentOrder { id status order { cancelledAt cancelReason } fulfillmentHolds { reason reasonNotes } }
  }
}`;

export const FULFILLMENT_CREATE = `mutation FulfillmentCreate($fulfillment: FulfillmentInput!, $message: String) {
  fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
    fulfillment { id status updatedAt trackingInfo(first: 1) { number company url } }
    userErrors { field message }
  }
}`;

/** Before retrying a create whose outcome is unknown: is our tracking number already there? */
export const FULFILLMENTS_OF_ORDER = `query FulfillmentsOfFulfillmentOrder($id: ID!) {
  fulfillmentOrder(id: $id) {
    id status
    order { cancelledAt }
    fulfillments(first: 20) { nodes { id status updatedAt trackingInfo(first: 5) { number } } }
  }
}`;

export const TRACKING_UPDATE = `mutation TrackingUpdate($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {
  fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput, notifyCustomer: $notifyCustomer) {
    fulfillment { id updatedAt trackingInfo(first: 1) { number company } }
    userErrors { field message }
  }
}`;

/**
 * Before retrying the buyer's e-mail at handover whose outcome is unknown: Shopify keeps no record
 * of notifications an app can read, but the update that asks for the e-mail moves the
 * fulfillment's updatedAt past the last write the console knows of.
 */
export const FULFILLMENT_UPDATED = `query FulfillmentUpdated($id: ID!) {
  fulfillment(id: $id) { id updatedAt }
}`;

export const EVENT_CREATE = `mutation FulfillmentEventCreate($fulfillmentEvent: FulfillmentEventInput!) {
  fulfillmentEventCreate(fulfillmentEvent: $fulfillmentEvent) {
    fulfillmentEvent { id status happenedAt }
    userErrors { field message }
  }
}`;

export const EVENTS_OF_FULFILLMENT = `query FulfillmentEvents($id: ID!) {
  fulfillment(id: $id) { id events(first: 50) { nodes { id status happenedAt } } }
}`;

export const ACCEPT_REQUEST = `mutation AcceptFulfillmentRequest($id: ID!, $message: String) {
  fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: $message) {
    fulfillmentOrder { id status requestStatus }
    userErrors { field message }
  }
}`;

export const REJECT_REQUEST = `mutation RejectFulfillmentRequest($id: ID!, $message: String) {
  fulfillmentOrderRejectFulfillmentRequest(id: $id, message: $message) {
    fulfillmentOrder { id status requestStatus }
    userErrors { field message }
  }
}`;

/** Before retrying an answer to a fulfillment request whose outcome is unknown: was it already answered? */
export const FULFILLMENT_REQUEST_STATE = `query FulfillmentRequestState($id: ID!) {
  fulfillmentOrder(id: $id) { id status requestStatus }
}`;

/** After a restore: every tracking number Shopify holds for the store's orders changed since the backup. */
export const TRACKING_SINCE = `query TrackingSince($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query) {
    nodes { id name displayFulfillmentStatus fulfillments(first: 20) { status trackingInfo(first: 5) { number } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ALL_DOCUMENTS: Record<string, string> = {
  TRACKING_SINCE,
  SHOP_INFO,
  FULFILLMENT_ORDERS,
  ASSIGNED_FULFILLMENT_ORDERS,
  FULFILLMENT_ORDER_STATES,
  FULFILLMENT_CREATE,
  FULFILLMENTS_OF_ORDER,
  TRACKING_UPDATE,
  FULFILLMENT_UPDATED,
  EVENT_CREATE,
  EVENTS_OF_FULFILLMENT,
  ACCEPT_REQUEST,
  REJECT_REQUEST,
  FULFILLMENT_REQUEST_STATE,
};
