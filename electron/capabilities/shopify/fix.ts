import { ApiError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf } from '../../core/context';
import { KIND, trackingUrl } from './lanes';
import { redraft } from '../../../db/job-types';
import type { ShopifyRuntime } from './runtime';

/**
 * Fix a dead letter and send it again: a corrected tracking company (and URL from the line), or
 * the fulfillment order's current line items (after a split or move in Shopify). The dead job
 * stays in the log; a new job with the fixed payload takes its place in the same lane.
 */
export function fixDeadLetter(rt: ShopifyRuntime, input: { jobId: string; company?: string; refreshLines?: boolean }) {
  const ctx = rt.ctx;
  const job = ctx.store.read.jobs.get(input.jobId);
  if (!job || !job.kind.startsWith('shopify.')) throw notFound(`Shopify job ${input.jobId}`, 'Refresh the Sync screen.');
  if (job.status !== 'dead') throw new ApiError('CONFLICT', 'Only a dead letter can be fixed; this job is still in the queue or done.');
  const at = ctx.clock.now();
  const draft = redraft(job, newId('job', at));
  const changes: string[] = [];
  if (input.company !== undefined && (draft.kind === KIND.create || draft.kind === KIND.trackingUpdate)) {
    const t = draft.payload.tracking;
    const parcel = job.ref ? ctx.store.read.parcels.get(job.ref) : undefined;
    const line = parcel ? ctx.store.read.lines.get(parcel.lineId) : undefined;
    draft.payload.tracking = { ...t, company: input.company.trim(), url: line ? trackingUrl(line.trackingUrl, t.number) : t.url };
    changes.push(`company "${t.company}" -> "${input.company.trim()}"`);
  }
  if (input.refreshLines && draft.kind === KIND.create) {
    // An empty list asks Shopify for every remaining line item of the fulfillment order.
    draft.payload.lineItems = [];
    changes.push('all remaining line items of the fulfillment order');
  }
  if (!changes.length) changes.push('sent again unchanged');
  ctx.store.write(actorOf(ctx), at, (emit) =>
    emit({
      type: 'shopify.job_replaced',
      subject: job.ref ?? job.id,
      payload: { oldJobId: job.id, parcelId: job.ref, change: changes.join('; '), job: draft },
    }),
  );
  return { jobId: draft.id, change: changes.join('; '), parcel: job.ref ? (ctx.store.read.shopify.parcel(job.ref)?.state ?? null) : null };
}
