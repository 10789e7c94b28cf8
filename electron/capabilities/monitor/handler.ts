// The monitor's outbox jobs: `monitor.register` (aggregator batches), `monitor.poll` (one request to a
// source, paced under its rate limit) and `monitor.buyer_email`. Polls are idempotent: asking again
// only finds scans already known, which are dropped.
import { jobHandler, PermanentJobError, type AnyJobHandler, type JobOutcome } from '../../core/outbox/types';
import type { JobRow } from '../../../db/outbox/reader';
import type { ServiceContext } from '../../core/context';
import { ingestScansInTurns } from './ingest';
import { bucketFor, runtimeOf } from './runtime';

/** One request to a source about these numbers: `register` for aggregators, `poll` for every source. */
async function ask(ctx: ServiceContext, job: JobRow<'monitor.register' | 'monitor.poll'>, stopping: AbortSignal): Promise<JobOutcome> {
  const rt = runtimeOf(ctx);
  const p = job.payload;
  const source = rt.sources.find((s) => s.id === p.sourceId);
  if (!source) throw new PermanentJobError(`Tracking source "${p.sourceId}" is not set up on this console any more: nothing to ask.`);
  const byNumber = new Map(p.numbers.map((n) => [n.trackingNumber, n.parcelId]));
  await bucketFor(rt, source).take(stopping);
  if (job.kind === 'monitor.register') {
    if (!source.register) throw new PermanentJobError(`${source.name} does not take registrations.`);
    const r = await source.register(p.numbers.map((n) => n.trackingNumber));
    const parcelIds = r.accepted.map((n) => byNumber.get(n)).filter((x): x is string => !!x);
    const rejected = r.rejected.map((x) => ({ parcelId: byNumber.get(x.trackingNumber) ?? x.trackingNumber, reason: x.reason }));
    return {
      result: { registered: parcelIds.length, rejected: rejected.length },
      events: [{ type: 'monitor.registered', subject: null, payload: { sourceId: source.id, parcelIds, rejected } }],
    };
  }
  const answer = await source.poll(p.numbers.map((n) => n.trackingNumber));
  const askedAt = ctx.clock.now();
  const ing = await ingestScansInTurns(ctx, source.id, 'poll', answer.scans, askedAt, byNumber);
  return {
    result: {
      monitor: 'poll',
      sourceId: source.id,
      parcelIds: p.numbers.map((n) => n.parcelId),
      askedAt: askedAt.toISOString(),
      fresh: ing.fresh,
      repeated: ing.repeated,
      unknown: answer.unknown,
      skipped: answer.skipped,
    },
    events: ing.events,
  };
}

export function monitorJobHandler(ctx: ServiceContext): AnyJobHandler {
  return jobHandler({
    concurrency: 4,
    backoff: { baseMs: 5_000, maxMs: 10 * 60_000 },
    maxAttempts: 12,
    // Asking a source again is harmless (known scans are dropped; registering twice is accepted); mailing a buyer twice is not.
    unsynced: ['monitor.register', 'monitor.poll'],
    runs: {
      'monitor.register': (job, stopping) => ask(ctx, job, stopping),
      'monitor.poll': (job, stopping) => ask(ctx, job, stopping),
      async 'monitor.buyer_email'(job) {
        const rt = runtimeOf(ctx);
        if (!rt.mail)
          throw new PermanentJobError(
            'No mail transport is set up on this console: contact the buyer by hand with the message in the exception, then retry or resolve.',
          );
        const sent = await rt.mail.send({ ...job.payload, ref: job.ref ?? '' }, job.id);
        return { result: { sentVia: rt.mail.name, id: sent.id } };
      },
    },
  });
}
