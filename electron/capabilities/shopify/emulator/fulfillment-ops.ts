/**
 * Business rules of the fulfillment mutations, with the preconditions, order of checks and
 * messages observed in the captured conformance pairs.
 */
import type { GraphQLSchema } from 'graphql';
import type { FulfillmentDisplayStatus, FulfillmentEventRecord, FulfillmentOrderRecord, FulfillmentRecord, TrackingInfoRecord } from './model';
import type { EmulatorState } from './state';
import { parseGid } from './gid';
import { buildTrackingUrl } from './tracking';

export interface UserError {
  field: string[] | null;
  message: string;
}

export type OpResult<T> = { ok: T; userErrors: [] } | { ok: null; userErrors: UserError[] };

/** Raised for ids that do not resolve where Shopify answers with a top-level RESOURCE_NOT_FOUND error. */
export class ResourceNotFound extends Error {
  constructor(public readonly id: string) {
    super(`Invalid id: ${id}`);
  }
}

export interface TrackingInput {
  company?: string | null;
  number?: string | null;
  numbers?: string[] | null;
  url?: string | null;
  urls?: string[] | null;
}

export interface FulfillmentCreateInput {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[];
  trackingInfo?: TrackingInput | null;
  notifyCustomer?: boolean | null;
  originAddress?: unknown;
}

const fail = <T>(field: string[] | null, message: string): OpResult<T> => ({ ok: null, userErrors: [{ field, message }] });

export function normaliseTracking(schema: GraphQLSchema, input: TrackingInput | null | undefined): TrackingInfoRecord[] {
  if (!input) return [];
  const company = input.company?.trim() || null;
  const numbers = input.numbers?.length ? input.numbers : input.number ? [input.number] : [];
  const urls = input.urls?.length ? input.urls : input.url ? [input.url] : [];
  if (numbers.length === 0) {
    if (!company && urls.length === 0) return [];
    return [{ company, number: null, url: urls[0] ?? null }];
  }
  // A given url is kept as is; a recognised company without url gets Shopify's built url.
  return numbers.map((number, i) => ({ company, number, url: urls[i] ?? buildTrackingUrl(schema, company, number) }));
}

const UNFULFILLABLE = new Set(['CLOSED', 'CANCELLED', 'ON_HOLD', 'INCOMPLETE', 'SCHEDULED']);

export function fulfillmentCreate(
  state: EmulatorState,
  schema: GraphQLSchema,
  input: FulfillmentCreateInput,
  message: string | null,
): OpResult<FulfillmentRecord> {
  const groups = input.lineItemsByFulfillmentOrder ?? [];
  // 1. quantities first, across every group (even before unknown ids)
  for (let i = 0; i < groups.length; i++) {
    const lines = groups[i].fulfillmentOrderLineItems ?? [];
    for (let j = 0; j < lines.length; j++) {
      if (!(lines[j].quantity > 0)) {
        return fail(
          ['fulfillment', 'lineItemsByFulfillmentOrder', String(i), 'fulfillmentOrderLineItems', String(j), 'quantity'],
          'Quantity must be greater than 0',
        );
      }
    }
  }
  if (groups.length === 0) return fail(['fulfillment'], 'Fulfillment order does not exist.');
  // 2. every fulfillment order exists
  const fos: FulfillmentOrderRecord[] = [];
  for (const g of groups) {
    const fo = state.fulfillmentOrder(g.fulfillmentOrderId);
    if (!fo) return fail(['fulfillment'], 'Fulfillment order does not exist.');
    fos.push(fo);
  }
  // 3. one order, 4. one location
  const orderIds = [...new Set(fos.map((fo) => fo.orderId))];
  if (orderIds.length > 1)
    return fail(['fulfillment'], `All fulfillment orders must belong to the same order. Multiple orders with ids [${orderIds.join(', ')}] were found.`);
  const locationIds = [...new Set(fos.map((fo) => fo.locationId))];
  if (locationIds.length > 1)
    return fail(
      ['fulfillment'],
      `All fulfillment orders must be assigned to a single location. Multiple locations with ids [${locationIds.join(', ')}] were found.`,
    );
  // 5. fulfillable status
  for (const fo of fos) {
    if (UNFULFILLABLE.has(fo.status)) return fail(['fulfillment'], `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`);
  }
  // 6. line items exist, 7. quantities available
  const take: { fo: FulfillmentOrderRecord; lineId: number; qty: number }[] = [];
  for (let i = 0; i < groups.length; i++) {
    const fo = fos[i];
    const lines = groups[i].fulfillmentOrderLineItems;
    if (!lines || lines.length === 0) {
      for (const li of fo.lineItems) if (li.remainingQuantity > 0) take.push({ fo, lineId: li.id, qty: li.remainingQuantity });
      continue;
    }
    for (const l of lines) {
      const id = parseGid(l.id, 'FulfillmentOrderLineItem');
      const li = id === null ? undefined : fo.lineItems.find((x) => x.id === id);
      if (!li) return fail(['fulfillment'], 'Fulfillment order line item does not exist.');
      take.push({ fo, lineId: li.id, qty: l.quantity });
    }
  }
  const wanted = new Map<number, number>();
  for (const t of take) wanted.set(t.lineId, (wanted.get(t.lineId) ?? 0) + t.qty);
  for (const t of take) {
    const li = t.fo.lineItems.find((x) => x.id === t.lineId)!;
    if ((wanted.get(t.lineId) ?? 0) > li.remainingQuantity) return fail(['fulfillment'], 'Invalid fulfillment order line item quantity requested.');
  }
  if (take.length === 0) return fail(['fulfillment'], 'Invalid fulfillment order line item quantity requested.');

  // apply
  const order = state.orders.get(orderIds[0])!;
  const now = state.isoNow();
  const byLineItem = new Map<number, number>();
  for (const t of take) {
    const li = t.fo.lineItems.find((x) => x.id === t.lineId)!;
    li.remainingQuantity -= t.qty;
    byLineItem.set(li.lineItemId, (byLineItem.get(li.lineItemId) ?? 0) + t.qty);
  }
  for (const fo of fos) {
    fo.status = fo.lineItems.every((li) => li.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    if (fo.status === 'CLOSED' && fo.requestStatus !== 'UNSUBMITTED') fo.requestStatus = 'CLOSED';
    fo.updatedAt = now;
  }
  order.fulfillmentCount += 1;
  order.updatedAt = now;
  const f: FulfillmentRecord = {
    id: state.nextId('Fulfillment'),
    orderId: order.id,
    name: `${order.name}-F${order.fulfillmentCount}`,
    status: 'SUCCESS',
    displayStatus: 'FULFILLED',
    trackingInfo: normaliseTracking(schema, input.trackingInfo),
    createdAt: now,
    updatedAt: now,
    locationId: fos[0].locationId,
    fulfillmentOrderIds: fos.map((fo) => fo.id),
    lineItems: [...byLineItem.entries()].map(([lineItemId, quantity]) => ({ id: state.nextId('FulfillmentLineItem'), lineItemId, quantity })),
    events: [],
    inTransitAt: null,
    deliveredAt: null,
    estimatedDeliveryAt: null,
    notifyCustomer: Boolean(input.notifyCustomer),
    message,
  };
  state.fulfillments.set(f.id, f);
  if (f.notifyCustomer) state.recordMail('shipping_confirmation', f);
  return { ok: f, userErrors: [] };
}

export function fulfillmentTrackingInfoUpdate(
  state: EmulatorState,
  schema: GraphQLSchema,
  fulfillmentId: string,
  tracking: TrackingInput,
  notifyCustomer: boolean | null,
): OpResult<FulfillmentRecord> {
  const f = state.fulfillment(fulfillmentId);
  if (!f) return fail(['fulfillmentId'], 'Fulfillment does not exist.');
  // Shopify accepts the update even on a cancelled fulfillment (captured pair).
  f.trackingInfo = normaliseTracking(schema, tracking);
  f.notifyCustomer = Boolean(notifyCustomer);
  // A write always moves updatedAt forward (Shopify keeps seconds; a frozen test clock must not hide it).
  const now = state.isoNow();
  f.updatedAt = now > f.updatedAt ? now : new Date(Date.parse(f.updatedAt) + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // "Whether the customer will be notified of this update": a shipping update e-mail, each time.
  if (f.notifyCustomer) state.recordMail('shipping_update', f);
  return { ok: f, userErrors: [] };
}

export interface FulfillmentEventInput {
  fulfillmentId: string;
  status: string;
  message?: string | null;
  happenedAt?: string | null;
  estimatedDeliveryAt?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  zip?: string | null;
  address1?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

const EVENT_DISPLAY: Record<string, FulfillmentDisplayStatus> = {
  LABEL_PURCHASED: 'LABEL_PURCHASED',
  LABEL_PRINTED: 'LABEL_PRINTED',
  READY_FOR_PICKUP: 'READY_FOR_PICKUP',
  CONFIRMED: 'CONFIRMED',
  IN_TRANSIT: 'IN_TRANSIT',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  ATTEMPTED_DELIVERY: 'ATTEMPTED_DELIVERY',
  DELAYED: 'DELAYED',
  DELIVERED: 'DELIVERED',
  FAILURE: 'FAILURE',
  CARRIER_PICKED_UP: 'CARRIER_PICKED_UP',
};

export function fulfillmentEventCreate(state: EmulatorState, input: FulfillmentEventInput): OpResult<FulfillmentEventRecord> {
  const f = state.fulfillment(input.fulfillmentId);
  if (!f) return fail(['fulfillmentEvent', 'fulfillmentId'], 'Fulfillment does not exist.');
  const now = state.isoNow();
  const happenedAt = input.happenedAt ?? now;
  const ev: FulfillmentEventRecord = {
    id: state.nextId('FulfillmentEvent'),
    fulfillmentId: f.id,
    status: input.status,
    message: input.message ?? null,
    happenedAt,
    createdAt: now,
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
    city: input.city ?? null,
    province: input.province ?? null,
    country: input.country ?? null,
    zip: input.zip ?? null,
    address1: input.address1 ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
  f.events.push(ev);
  if (f.status !== 'CANCELLED') f.displayStatus = EVENT_DISPLAY[input.status] ?? f.displayStatus;
  if (input.status === 'IN_TRANSIT') f.inTransitAt = happenedAt;
  if (input.status === 'DELIVERED') f.deliveredAt = happenedAt;
  if (input.estimatedDeliveryAt) f.estimatedDeliveryAt = input.estimatedDeliveryAt;
  f.updatedAt = now;
  return { ok: ev, userErrors: [] };
}

export function fulfillmentCancel(state: EmulatorState, id: string): OpResult<FulfillmentRecord> {
  const f = state.fulfillment(id);
  if (!f) return fail(['id'], 'Fulfillment not found.');
  if (f.status === 'CANCELLED') return { ok: f, userErrors: [] }; // idempotent (captured pair)
  const now = state.isoNow();
  f.status = 'CANCELLED';
  f.displayStatus = 'CANCELED';
  f.updatedAt = now;
  for (const fl of f.lineItems) {
    let give = fl.quantity;
    for (const foId of f.fulfillmentOrderIds) {
      const fo = state.fulfillmentOrders.get(foId);
      if (!fo) continue;
      for (const li of fo.lineItems) {
        if (give === 0 || li.lineItemId !== fl.lineItemId) continue;
        const room = li.totalQuantity - li.remainingQuantity;
        const back = Math.min(room, give);
        li.remainingQuantity += back;
        give -= back;
      }
    }
  }
  for (const foId of f.fulfillmentOrderIds) {
    const fo = state.fulfillmentOrders.get(foId);
    if (fo && fo.status === 'CLOSED' && !state.orders.get(fo.orderId)?.cancelledAt) {
      fo.status = 'OPEN';
      fo.updatedAt = now;
    }
  }
  return { ok: f, userErrors: [] };
}

export function acceptFulfillmentRequest(state: EmulatorState, id: string, message: string | null): OpResult<FulfillmentOrderRecord> {
  const fo = state.fulfillmentOrder(id);
  if (!fo) throw new ResourceNotFound(id);
  if (fo.requestStatus !== 'SUBMITTED')
    return fail(null, `Cannot accept a fulfillment request for a fulfillment order with request status ${fo.requestStatus.toLowerCase()}.`);
  fo.requestStatus = 'ACCEPTED';
  if (fo.status === 'OPEN') fo.status = 'IN_PROGRESS';
  fo.merchantMessages.push({ kind: 'FULFILLMENT_REQUEST_ACCEPTED', message });
  fo.updatedAt = state.isoNow();
  return { ok: fo, userErrors: [] };
}

export function rejectFulfillmentRequest(state: EmulatorState, id: string, message: string | null): OpResult<FulfillmentOrderRecord> {
  const fo = state.fulfillmentOrder(id);
  if (!fo) throw new ResourceNotFound(id);
  if (fo.requestStatus !== 'SUBMITTED')
    return fail(null, `Cannot reject a fulfillment request for a fulfillment order with request status ${fo.requestStatus.toLowerCase()}.`);
  fo.requestStatus = 'REJECTED';
  fo.merchantMessages.push({ kind: 'FULFILLMENT_REQUEST_REJECTED', message });
  fo.updatedAt = state.isoNow();
  return { ok: fo, userErrors: [] };
}
