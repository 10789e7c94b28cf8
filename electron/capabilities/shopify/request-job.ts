import type { JobRow } from '../../../db/outbox/reader';
import { PermanentJobError, type JobOutcome } from '../../core/outbox/types';
import { ACCEPT_REQUEST, FULFILLMENT_REQUEST_STATE, REJECT_REQUEST } from './documents';
import { clientFor, send, userErrorText, type UserError } from './send';
import type { ShopifyRuntime } from './runtime';

export type { RequestAnswerPayload } from '../../../db/shopify/jobs';

type Answer = { fulfillmentOrder: { id: string; requestStatus: string } | null; userErrors: UserError[] };

/**
 * The outbox job that accepts or rejects a fulfillment request. Shopify has no idempotency key:
 * before retrying an answer whose outcome is unknown, read the request status and stop if it is
 * already the answer we wanted.
 */
export async function answerRequestJob(rt: ShopifyRuntime, job: JobRow<'shopify.request_answer'>): Promise<JobOutcome> {
  const p = job.payload;
  const client = clientFor(rt, p.storeId);
  const want = p.accept ? 'ACCEPTED' : 'REJECTED';
  const done = (found: boolean): JobOutcome => ({
    result: { requestStatus: want, found },
    events: [
      {
        type: 'shopify.request_answered',
        subject: null,
        payload: { storeId: p.storeId, foGid: p.foGid, accepted: p.accept, message: p.message, jobId: job.id, found },
      },
    ],
  });
  if (rt.mayHaveRun(job)) {
    const r = await send<{ fulfillmentOrder: { id: string; status: string; requestStatus: string } | null }>(
      client,
      rt,
      'FulfillmentRequestState',
      FULFILLMENT_REQUEST_STATE,
      { id: p.foGid },
    );
    const fo = r.fulfillmentOrder;
    if (!fo) throw new PermanentJobError(`Shopify no longer has this fulfillment order (${p.foGid}): the merchant withdrew it. Nothing to answer.`);
    if (fo.requestStatus === want) return done(true);
    if (fo.requestStatus !== 'SUBMITTED')
      throw new PermanentJobError(
        `Conflict: the request is ${fo.requestStatus.toLowerCase().replace(/_/g, ' ')} in Shopify, not waiting for an answer. Check with the merchant.`,
      );
  }
  const r = await send<Record<string, Answer>>(
    client,
    rt,
    p.accept ? 'AcceptFulfillmentRequest' : 'RejectFulfillmentRequest',
    p.accept ? ACCEPT_REQUEST : REJECT_REQUEST,
    {
      id: p.foGid,
      message: p.message || null,
    },
  );
  const out = p.accept ? r.fulfillmentOrderAcceptFulfillmentRequest : r.fulfillmentOrderRejectFulfillmentRequest;
  if (out.userErrors.length) throw new PermanentJobError(`Shopify refused: ${userErrorText(out.userErrors)}`);
  return done(false);
}
