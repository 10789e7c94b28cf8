import type { JobRow } from '../../../db/outbox/reader';
import { asideLane } from '../../../db/devices/projector';
import type { ServiceContext } from '../../core/context';

const PRINTS = new Set(['print.label', 'print.testsheet']);

export interface HeldJobs {
  lookFirst: string[];
  setAside: string[];
}

/**
 * The first start on a restored copy, before the outbox runs: every job the copy holds queued may
 * have run between the backup and the restore. Labels are set aside for a person ("printed?": it
 * printed / print it again), never sent again unasked; every other job counts as an attempt, so the
 * next run looks at the outside world first (the Shopify handler finds its own fulfillment by the
 * tracking number it sent, or the event it created) and never does it twice. `jobs` narrows the check
 * to some jobs (site mode: this station's own jobs that came back from the server).
 */
export function holdRestoredJobs(ctx: ServiceContext, opts: { jobs?: JobRow[]; file?: string } = {}): HeldJobs | null {
  const flagged = ctx.store.read.meta.get('restore_jobs_unchecked') === '1';
  if (!opts.jobs && !flagged) return null;
  const queued = opts.jobs ?? ctx.store.read.jobs.list({ status: 'queued', limit: 1_000_000 }).reverse();
  const prints = queued.filter((j) => PRINTS.has(j.kind) && !j.target.endsWith(':aside'));
  const others = queued.filter((j) => !PRINTS.has(j.kind));
  const file = opts.file ?? ctx.store.read.backup.restorePending()?.file ?? 'a backup';
  return ctx.store.write('restore', ctx.clock.now(), (emit) => {
    for (const j of prints) {
      const printerId = j.target.replace(/^printer:/, '');
      emit({
        type: 'print.unconfirmed',
        subject: j.ref ?? j.id,
        payload: {
          jobId: j.id,
          printerId,
          aside: true,
          error:
            'Restored from a backup: this label may have printed after the backup. Look for it at the printer, then answer: it printed, or print it again.',
        },
      });
    }
    const held = { lookFirst: others.map((j) => j.id), setAside: prints.map((j) => j.id) };
    if (held.lookFirst.length || held.setAside.length) emit({ type: 'backup.jobs_held', subject: null, payload: { stationId: ctx.stationId, file, ...held } });
    if (flagged) ctx.store.backup.clearJobsUnchecked();
    return held;
  });
}
