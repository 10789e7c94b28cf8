import type { HeldJob } from '../../../db/backup/reader';
import type { JobRow } from '../../../db/outbox/reader';
import { actorOf, type ServiceContext } from '../../core/context';
import { conflict } from '../../core/errors';
import { AFTER_RESTORE } from './jobs';

/** A job set aside after a restore, as the supervisor sees it: what it says and to whom. */
export interface HeldJobView {
  jobId: string;
  kind: string;
  /** one line: what it is and where it goes */
  what: string;
  /** the message itself, as it would go out */
  message: string;
  why: string;
  createdAt: string;
  heldAt: string;
}

function describe(job: JobRow, lineName: (id: string) => string): { what: string; message: string } {
  switch (job.kind) {
    case 'monitor.buyer_email':
      return { what: `E-mail to ${job.payload.to}: “${job.payload.subject}”`, message: job.payload.body };
    case 'notify.webhook':
      return { what: `Webhook to ${job.payload.url}: ${job.payload.title}`, message: job.payload.body };
    case 'carrier.manifest':
      return {
        what: `Manifest ${job.payload.number} to the carrier of ${lineName(job.payload.lineId)} (${job.payload.trackingNumbers.length} parcels)`,
        message: job.payload.trackingNumbers.join(', '),
      };
    default:
      return { what: `${job.kind} (${job.ref ?? job.id})`, message: JSON.stringify(job.payload).slice(0, 400) };
  }
}

export function heldJobViews(ctx: ServiceContext): HeldJobView[] {
  const lineName = (id: string) => ctx.store.read.lines.get(id)?.name ?? id;
  return ctx.store.read.backup.heldJobs().map(({ job, heldAt }: HeldJob) => ({
    jobId: job.id,
    kind: job.kind,
    ...describe(job, lineName),
    why: AFTER_RESTORE[job.kind]?.why ?? '',
    createdAt: job.createdAt,
    heldAt,
  }));
}

/** The supervisor's answer on a job set aside after a restore: it went (never sent again), or send it again (once). */
export function answerHeldJob(ctx: ServiceContext, jobId: string, decision: 'went' | 'send_again', note: string): { jobId: string; status: string } {
  const held = ctx.store.read.backup.heldJobs().find((h) => h.job.id === jobId);
  if (!held) throw conflict('This job is not waiting for an answer after a restore (answered already, or never set aside): nothing to do.');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'backup.job_answered', subject: held.job.ref ?? jobId, payload: { jobId, kind: held.job.kind, decision, note } }),
  );
  return { jobId, status: ctx.store.read.jobs.get(jobId)?.status ?? 'unknown' };
}
