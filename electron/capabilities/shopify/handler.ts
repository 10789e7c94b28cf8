import type { JobRow } from '../../../db/outbox/reader';
import { jobHandler, PermanentJobError, type AnyJobHandler, type JobOutcome } from '../../core/outbox/types';
import type { ShopifyClient } from './client';
import { clientFor, send, userErrorText, type UserError } from './send';
import { EVENTS_OF_FULFILLMENT, EVENT_CREATE, FULFILLMENTS_OF_ORDER, FULFILLMENT_CREATE, FULFILLMENT_UPDATED, TRACKING_UPDATE } from './documents';
import { answerRequestJob } from './request-job';
import { KIND } from './lanes';
import { trackingFor } from './planner';
import { shopifyTrackingUrl } from './tracking-page';
import type { ShopifyRuntime } from './runtime';

interface FoState {
  fulfillmentOrder: {
    id: string;
    status: string;
    order: { cancelledAt: string | null } | null;
    fulfillments: { nodes: Array<{ id: string; status: string; updatedAt?: string; trackingInfo: Array<{ number: string | null }> }> };
  } | null;
}

async function readFo(client: ShopifyClient, rt: ShopifyRuntime, foGid: string): Promise<FoState['fulfillmentOrder']> {
  return (await send<FoState>(client, rt, 'FulfillmentsOfFulfillmentOrder', FULFILLMENTS_OF_ORDER, { id: foGid })).fulfillmentOrder;
}

/** The parcel's fulfillment in Shopify, by any number it was sent with (the current one first), and that number. */
function ours(fo: NonNullable<FoState['fulfillmentOrder']>, numbers: string[]): { id: string; number: string; updatedAt?: string } | undefined {
  for (const n of numbers) {
    const f = fo.fulfillments.nodes.find((x) => x.status !== 'CANCELLED' && x.trackingInfo.some((t) => t.number === n));
    if (f) return { id: f.id, number: n, updatedAt: f.updatedAt };
  }
  return undefined;
}

async function createFulfillment(rt: ShopifyRuntime, job: JobRow<typeof KIND.create>): Promise<JobOutcome> {
  const p = job.payload;
  const client = clientFor(rt, p.storeId);
  const numbers = [p.tracking.number, ...(p.previousNumbers ?? [])];
  // trackingNumber: what Shopify holds; an older number of a re-linked parcel is followed by an update.
  const done = (fulfillmentGid: string, found: boolean, trackingNumber = p.tracking.number, updatedAt?: string): JobOutcome => ({
    result: { fulfillmentGid, found },
    events: [
      {
        type: 'shopify.fulfillment_created',
        subject: p.parcelId,
        payload: {
          parcelId: p.parcelId,
          storeId: p.storeId,
          jobId: job.id,
          foGid: p.foGid,
          fulfillmentGid,
          trackingNumber,
          company: p.tracking.company,
          found,
          notifyCustomer: p.notifyCustomer,
          ...(updatedAt ? { updatedAt } : {}),
        },
      },
    ],
  });
  // Never twice: Shopify has no idempotency key, so a job that may already have reached Shopify
  // (an earlier attempt, or a run that crashed holding it) first looks for its own number there.
  if (rt.mayHaveRun(job)) {
    const fo = await readFo(client, rt, p.foGid);
    const hit = fo && ours(fo, numbers);
    if (hit) return done(hit.id, true, hit.number, hit.updatedAt);
  }
  const r = await send<{ fulfillmentCreate: { fulfillment: { id: string; updatedAt?: string } | null; userErrors: UserError[] } }>(
    client,
    rt,
    'FulfillmentCreate',
    FULFILLMENT_CREATE,
    {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: p.foGid, fulfillmentOrderLineItems: p.lineItems.length ? p.lineItems : undefined }],
        trackingInfo: p.tracking.numbers ? { company: p.tracking.company, numbers: p.tracking.numbers, urls: p.tracking.urls } : p.tracking,
        notifyCustomer: p.notifyCustomer,
      },
    },
  );
  const created = r.fulfillmentCreate;
  if (created.fulfillment && created.userErrors.length === 0) return done(created.fulfillment.id, false, p.tracking.number, created.fulfillment.updatedAt);
  const shopifySays = userErrorText(created.userErrors);
  // Refused: tell a conflict (someone else fulfilled, cancelled, on hold) from a plain refusal.
  const fo = await readFo(client, rt, p.foGid);
  const hit = fo && ours(fo, numbers);
  if (hit) return done(hit.id, true, hit.number, hit.updatedAt);
  if (fo?.order?.cancelledAt || fo?.status === 'CANCELLED')
    throw new PermanentJobError(`Conflict: the order was cancelled in Shopify. Do not ship it; void the parcel. Shopify said: ${shopifySays}`);
  if (fo?.status === 'CLOSED' && fo.fulfillments.nodes.some((f) => f.status !== 'CANCELLED'))
    throw new PermanentJobError(
      `Conflict: the order was already fulfilled in Shopify with another tracking number. Check who shipped it before sending this parcel. Shopify said: ${shopifySays}`,
    );
  if (fo?.status === 'ON_HOLD')
    throw new PermanentJobError(`Conflict: the order is on hold in Shopify. Release the hold in Shopify, then Retry. Shopify said: ${shopifySays}`);
  throw new PermanentJobError(`Shopify refused: ${shopifySays}`);
}

/**
 * Shopify's updatedAt of the fulfillment when it moved since the console's last known write to it (an
 * earlier attempt of this update landed), else null.
 */
async function changedSinceKnown(rt: ShopifyRuntime, client: ShopifyClient, parcelId: string, fulfillmentId: string): Promise<string | null> {
  const known = rt.ctx.store.read.shopify.lastKnownUpdate(parcelId);
  const f = (
    await send<{ fulfillment: { id: string; updatedAt: string } | null }>(client, rt, 'FulfillmentUpdated', FULFILLMENT_UPDATED, { id: fulfillmentId })
  ).fulfillment;
  return f && known && Date.parse(f.updatedAt) > Date.parse(known) ? f.updatedAt : null;
}

function fulfillmentOrWait(rt: ShopifyRuntime, parcelId: string): string {
  const gid = rt.ctx.store.read.shopify.fulfillmentOf(parcelId);
  if (gid) return gid;
  const row = rt.ctx.store.read.shopify.parcel(parcelId);
  if (!row) throw new PermanentJobError(`Parcel ${parcelId} has no Shopify fulfillment job; nothing to update.`);
  throw new Error(
    row.state === 'queued'
      ? "Waiting for the parcel's fulfillment to reach Shopify first."
      : `The parcel's fulfillment did not reach Shopify (${row.state}: ${row.error ?? ''}). Fix it under Dead letters in Sync; this job follows.`,
  );
}

async function updateTracking(rt: ShopifyRuntime, job: JobRow<typeof KIND.trackingUpdate>): Promise<JobOutcome> {
  const p = job.payload;
  // A reship's parcel updates the fulfillment of the parcel it replaces.
  const fulfillmentId = rt.ctx.store.read.shopify.fulfillmentOf(p.parcelId) ?? fulfillmentOrWait(rt, p.replacesParcelId ?? p.parcelId);
  const client = clientFor(rt, p.storeId);
  const done = (updatedAt: string | undefined, found: boolean): JobOutcome => ({
    result: { fulfillmentGid: fulfillmentId, ...(found ? { found } : {}) },
    events: [
      {
        type: 'shopify.tracking_updated',
        subject: p.parcelId,
        payload: {
          parcelId: p.parcelId,
          jobId: job.id,
          fulfillmentGid: fulfillmentId,
          trackingNumber: p.tracking.number,
          company: p.tracking.company,
          ...(updatedAt ? { updatedAt } : {}),
          ...(p.notifyCustomer ? { notifyCustomer: true } : {}),
        },
      },
    ],
  });
  // Setting tracking is idempotent, but an update that e-mails the buyer must not e-mail twice: a retry (or a
  // restored station) first looks whether the fulfillment changed since the console's last known write.
  if (p.notifyCustomer && rt.mayHaveRun(job)) {
    const changed = await changedSinceKnown(rt, client, p.parcelId, fulfillmentId);
    if (changed) return done(changed, true);
  }
  const r = await send<{ fulfillmentTrackingInfoUpdate: { fulfillment: { id: string; updatedAt?: string } | null; userErrors: UserError[] } }>(
    client,
    rt,
    'TrackingUpdate',
    TRACKING_UPDATE,
    {
      fulfillmentId,
      trackingInfoInput: p.tracking,
      notifyCustomer: p.notifyCustomer,
    },
  );
  if (r.fulfillmentTrackingInfoUpdate.userErrors.length)
    throw new PermanentJobError(`Shopify refused: ${userErrorText(r.fulfillmentTrackingInfoUpdate.userErrors)}`);
  return done(r.fulfillmentTrackingInfoUpdate.fulfillment?.updatedAt, false);
}

/**
 * At handover: Shopify e-mails the buyer the tracking it already holds (fulfillmentTrackingInfoUpdate
 * with the same tracking and notifyCustomer true). Never twice: a parcel already notified is done,
 * and a retry whose earlier attempt may have landed first looks whether the fulfillment changed
 * since the console's last known write (the update moves its updatedAt). Never lost: the job stays
 * in the outbox until Shopify answers.
 */
async function notifyBuyer(rt: ShopifyRuntime, job: JobRow<typeof KIND.buyerNotify>): Promise<JobOutcome> {
  const p = job.payload;
  const reader = rt.ctx.store.read.shopify;
  const fulfillmentId = fulfillmentOrWait(rt, p.parcelId);
  const row = reader.parcel(p.parcelId)!;
  const parcel = rt.ctx.store.read.parcels.get(p.parcelId);
  const line = parcel && rt.ctx.store.read.lines.get(parcel.lineId);
  if (!parcel || !line) throw new PermanentJobError(`Parcel ${p.parcelId} or its carrier line is gone; nothing to tell the buyer.`);
  const orderName = rt.ctx.store.read.orders.get(parcel.orderId)?.name ?? '';
  const tracking = trackingFor(line, parcel.trackingNumber, shopifyTrackingUrl(rt.ctx, p.storeId, orderName, line, parcel.trackingNumber));
  const client = clientFor(rt, p.storeId);
  const done = (found: boolean, updatedAt?: string): JobOutcome => ({
    result: { fulfillmentGid: fulfillmentId, found },
    events: [
      {
        type: 'shopify.buyer_notified',
        subject: p.parcelId,
        payload: {
          parcelId: p.parcelId,
          storeId: p.storeId,
          jobId: job.id,
          fulfillmentGid: fulfillmentId,
          trackingNumber: tracking.number,
          found,
          ...(updatedAt ? { updatedAt } : {}),
        },
      },
    ],
  });
  if (row.notifiedAt) return done(true);
  if (rt.mayHaveRun(job)) {
    const changed = await changedSinceKnown(rt, client, p.parcelId, fulfillmentId);
    if (changed) return done(true, changed);
  }
  const r = await send<{ fulfillmentTrackingInfoUpdate: { fulfillment: { id: string; updatedAt?: string } | null; userErrors: UserError[] } }>(
    client,
    rt,
    'TrackingUpdate',
    TRACKING_UPDATE,
    {
      fulfillmentId,
      trackingInfoInput: tracking,
      notifyCustomer: true,
    },
  );
  if (r.fulfillmentTrackingInfoUpdate.userErrors.length)
    throw new PermanentJobError(`Shopify refused: ${userErrorText(r.fulfillmentTrackingInfoUpdate.userErrors)}`);
  return done(false, r.fulfillmentTrackingInfoUpdate.fulfillment?.updatedAt);
}

const sameInstant = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) < 1000;

async function createEvent(rt: ShopifyRuntime, job: JobRow<typeof KIND.event>): Promise<JobOutcome> {
  const p = job.payload;
  const fulfillmentId = fulfillmentOrWait(rt, p.parcelId);
  const client = clientFor(rt, p.storeId);
  const done = (eventGid: string, found: boolean): JobOutcome => ({
    result: { eventGid, found },
    events: [
      {
        type: 'shopify.event_sent',
        subject: p.parcelId,
        payload: { parcelId: p.parcelId, jobId: job.id, fulfillmentGid: fulfillmentId, status: p.status, eventGid, found },
      },
    ],
  });
  if (rt.mayHaveRun(job)) {
    const r = await send<{ fulfillment: { events: { nodes: Array<{ id: string; status: string; happenedAt: string }> } } | null }>(
      client,
      rt,
      'FulfillmentEvents',
      EVENTS_OF_FULFILLMENT,
      { id: fulfillmentId },
    );
    const hit = r.fulfillment?.events.nodes.find((e) => e.status === p.status && sameInstant(e.happenedAt, p.happenedAt));
    if (hit) return done(hit.id, true);
  }
  const r = await send<{ fulfillmentEventCreate: { fulfillmentEvent: { id: string } | null; userErrors: UserError[] } }>(
    client,
    rt,
    'FulfillmentEventCreate',
    EVENT_CREATE,
    {
      fulfillmentEvent: { fulfillmentId, status: p.status, happenedAt: p.happenedAt },
    },
  );
  const ev = r.fulfillmentEventCreate;
  if (!ev.fulfillmentEvent || ev.userErrors.length) throw new PermanentJobError(`Shopify refused: ${userErrorText(ev.userErrors)}`);
  return done(ev.fulfillmentEvent.id, false);
}

/** Runs every `shopify.*` outbox job; pacing and online/offline live in the store's client. */
export function shopifyJobHandler(rt: ShopifyRuntime): AnyJobHandler {
  return jobHandler({
    get concurrency() {
      return rt.settings.concurrency;
    },
    get backoff() {
      return rt.settings.backoff;
    },
    maxAttempts: Infinity,
    canRun(job) {
      try {
        rt.client(job.target.split(':')[1]);
        return true;
      } catch {
        return false;
      }
    },
    runs: {
      [KIND.create]: (job) => createFulfillment(rt, job),
      [KIND.trackingUpdate]: (job) => updateTracking(rt, job),
      [KIND.event]: (job) => createEvent(rt, job),
      [KIND.requestAnswer]: (job) => answerRequestJob(rt, job),
      [KIND.buyerNotify]: (job) => notifyBuyer(rt, job),
    },
    after(job) {
      rt.uncertain.delete(job.id);
    },
  });
}
