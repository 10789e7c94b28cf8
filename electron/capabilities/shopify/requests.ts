import type { ShopifyRequestData } from '../../../db/shopify/events';
import type { ShopifyRequestRow } from '../../../db/shopify/reader';
import { ApiError, badInput, conflict } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf } from '../../core/context';
import { ASSIGNED_FULFILLMENT_ORDERS } from './documents';
import type { FoNode } from './intake';
import { KIND, requestLaneOf } from './lanes';
import type { RequestAnswerPayload } from './request-job';
import type { ShopifyRuntime } from './runtime';

export type RequestState = 'pending' | ShopifyRequestRow['state'];

export interface RequestView extends ShopifyRequestData {
  state: RequestState;
  accept: boolean | null;
  message: string;
  error: string | null;
  jobId: string | null;
  queuedAt: string | null;
  answeredAt: string | null;
}

const ORDER: Record<RequestState, number> = { pending: 0, refused: 1, queued: 2, accepted: 3, rejected: 3 };

function storeOf(rt: ShopifyRuntime, storeId: string) {
  const store = rt.ctx.store.read.shopify.store(storeId);
  if (!store) throw new ApiError('NOT_FOUND', `Store ${storeId} is not connected. Connect it in Sync first.`);
  return store;
}

const fromRow = (r: ShopifyRequestRow): RequestView => ({
  storeId: r.storeId,
  foGid: r.foGid,
  orderName: r.orderName,
  items: r.items,
  destination: r.destination,
  state: r.state,
  accept: r.accept,
  message: r.message,
  error: r.error,
  jobId: r.jobId,
  queuedAt: r.queuedAt,
  answeredAt: r.answeredAt,
});

/**
 * Fulfillment-service flow: the requests Shopify sent to this site's location and waits on, with
 * the answers given here (queued, accepted, rejected, refused by Shopify). Shopify is asked live;
 * when it cannot be reached the answers kept here are still shown, with the reason.
 */
export async function pendingRequests(rt: ShopifyRuntime, storeId: string): Promise<{ requests: RequestView[]; error: string | null }> {
  const store = storeOf(rt, storeId);
  const answered = rt.ctx.store.read.shopify.requests(storeId);
  const known = new Set(answered.map((r) => r.foGid));
  const live: RequestView[] = [];
  let error: string | null = null;
  try {
    const r = await rt
      .client(storeId)
      .request<{ assignedFulfillmentOrders: { nodes: FoNode[] } }>(
        'AssignedFulfillmentOrders',
        ASSIGNED_FULFILLMENT_ORDERS,
        { first: 50, locationIds: store.locationId ? [store.locationId] : null, assignmentStatus: 'FULFILLMENT_REQUESTED' },
        { maxGateWaitMs: 0 },
      );
    for (const fo of r.assignedFulfillmentOrders.nodes) {
      const info: ShopifyRequestData = {
        storeId,
        foGid: fo.id,
        orderName: fo.orderName,
        items: fo.lineItems.nodes.reduce((n, li) => n + li.remainingQuantity, 0),
        destination: fo.destination ? [fo.destination.city, fo.destination.countryCode].filter(Boolean).join(', ') : '',
      };
      rt.requests.set(`${storeId}|${fo.id}`, info);
      if (!known.has(fo.id)) live.push({ ...info, state: 'pending', accept: null, message: '', error: null, jobId: null, queuedAt: null, answeredAt: null });
    }
  } catch (e) {
    error = `Shopify could not be asked for new requests (${(e as Error).message}). Answers given here are kept and sent when it is back.`;
  }
  const requests = [...live, ...answered.map(fromRow)].sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || String(b.queuedAt ?? '').localeCompare(String(a.queuedAt ?? '')),
  );
  return { requests, error };
}

/**
 * Accept (the order then comes in with the next intake) or reject (with a reason) a request. The
 * answer is an event that queues an outbox job, so it survives offline and restart; the Sync
 * screen shows it queued, then accepted / rejected, or refused with Shopify's message.
 */
export function answerRequest(rt: ShopifyRuntime, input: { storeId: string; foGid: string; accept: boolean; message: string }) {
  const ctx = rt.ctx;
  storeOf(rt, input.storeId);
  const message = input.message.trim();
  if (!input.accept && message.length < 3)
    throw badInput('Say why the request is rejected: the merchant sees the reason in Shopify.', [{ path: 'message', message: 'at least 3 characters' }]);
  const before = ctx.store.read.shopify.request(input.storeId, input.foGid);
  if (before && before.state !== 'refused')
    throw conflict(`${before.orderName} was already ${before.state === 'queued' ? 'answered (queued to Shopify)' : before.state}. Refresh the requests.`);
  const request: ShopifyRequestData = rt.requests.get(`${input.storeId}|${input.foGid}`) ??
    (before && { storeId: before.storeId, foGid: before.foGid, orderName: before.orderName, items: before.items, destination: before.destination }) ?? {
      storeId: input.storeId,
      foGid: input.foGid,
      orderName: `request ${input.foGid.split('/').pop()}`,
      items: 0,
      destination: '',
    };
  const at = ctx.clock.now();
  const payload: RequestAnswerPayload = { storeId: input.storeId, foGid: input.foGid, accept: input.accept, message };
  const job = {
    id: newId('job', at),
    kind: KIND.requestAnswer,
    target: requestLaneOf(input.storeId, input.foGid),
    ref: null,
    payload,
  };
  ctx.store.write(actorOf(ctx), at, (emit) =>
    emit({ type: 'shopify.request_queued', subject: input.foGid, payload: { request, accept: input.accept, message, job } }),
  );
  return { foGid: input.foGid, orderName: request.orderName, state: 'queued' as const, jobId: job.id };
}
