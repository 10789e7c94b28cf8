import { shopifyReader } from '../../../db/shopify/reader';
import { ApiError } from '../../core/errors';
import { actorOf } from '../site/context';
import { ShopifyRequestError } from './client';
import { ACCEPT_REQUEST, ASSIGNED_FULFILLMENT_ORDERS, REJECT_REQUEST } from './documents';
import type { FoNode } from './intake';
import type { ShopifyRuntime } from './runtime';

/** Fulfillment-service flow: fulfillment requests Shopify sent to this site's location, waiting for an answer. */
export async function pendingRequests(rt: ShopifyRuntime, storeId: string) {
  const store = shopifyReader(rt.ctx.store.db).store(storeId);
  if (!store) throw new ApiError('NOT_FOUND', `Store ${storeId} is not connected.`);
  const r = await rt.client(storeId).request<{ assignedFulfillmentOrders: { nodes: FoNode[] } }>('AssignedFulfillmentOrders', ASSIGNED_FULFILLMENT_ORDERS, {
    first: 50,
    locationIds: store.locationId ? [store.locationId] : null,
    assignmentStatus: 'FULFILLMENT_REQUESTED',
  });
  return r.assignedFulfillmentOrders.nodes.map((fo) => ({
    foGid: fo.id,
    orderName: fo.orderName,
    items: fo.lineItems.nodes.reduce((n, li) => n + li.remainingQuantity, 0),
    destination: fo.destination ? [fo.destination.city, fo.destination.countryCode].filter(Boolean).join(', ') : '',
  }));
}

/**
 * Accept (the orders then come in with the next intake) or reject a request. Answered at once
 * because the person at the screen waits for Shopify's verdict; recorded as an event.
 */
export async function answerRequest(rt: ShopifyRuntime, input: { storeId: string; foGid: string; accept: boolean; message: string }) {
  const ctx = rt.ctx;
  type Payload = { fulfillmentOrder: { id: string; requestStatus: string } | null; userErrors: Array<{ message: string }> };
  let out: Payload;
  try {
    const r = await rt.client(input.storeId).request<Record<string, Payload>>(input.accept ? 'AcceptFulfillmentRequest' : 'RejectFulfillmentRequest', input.accept ? ACCEPT_REQUEST : REJECT_REQUEST, {
      id: input.foGid,
      message: input.message || null,
    });
    out = input.accept ? r.fulfillmentOrderAcceptFulfillmentRequest : r.fulfillmentOrderRejectFulfillmentRequest;
  } catch (e) {
    if (e instanceof ShopifyRequestError) throw new ApiError(e.kind === 'refused' ? 'CONFLICT' : 'UNAVAILABLE', `${e.message}. Refresh the list and try again.`);
    throw e;
  }
  if (out.userErrors.length) throw new ApiError('CONFLICT', `Shopify refused: ${out.userErrors.map((u) => u.message).join('; ')}`);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'shopify.request_answered', subject: null, payload: { storeId: input.storeId, foGid: input.foGid, accepted: input.accept, message: input.message } }),
  );
  return { foGid: input.foGid, requestStatus: out.fulfillmentOrder?.requestStatus ?? (input.accept ? 'ACCEPTED' : 'REJECTED') };
}
