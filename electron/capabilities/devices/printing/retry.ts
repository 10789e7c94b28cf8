import type { JobRow } from '../../../../db/outbox/reader';
import { ApiError, notFound } from '../../../core/errors';
import { actorOf, type ServiceContext } from '../../../core/context';

/** A person asks for a failed or dead job to run again now. */
export function retryJob(ctx: ServiceContext, id: string) {
  const job = ctx.store.read.jobs.get(id);
  if (!job) throw notFound(`Job ${id}`, 'Refresh the list; it may have finished.');
  if (job.status === 'done') throw new ApiError('CONFLICT', 'This job already succeeded; there is nothing to retry.');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'job.retried', subject: job.ref ?? job.id, payload: { jobId: id, ref: job.ref } }));
  return ctx.store.read.jobs.get(id)!;
}

export function jobView(job: JobRow) {
  const { payload: _p, result: _r, ...rest } = job;
  return rest;
}
