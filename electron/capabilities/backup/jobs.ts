import type { JobRow } from '../../../db/outbox/reader';
import type { JobKind } from '../../../db/job-types';
import type { ServiceContext } from '../../core/context';

/**
 * What a job the restored copy still held queued does at the first start, when it may have run between
 * the backup and the restore:
 * - `run`: it only reads, or doing it twice changes nothing;
 * - `look_first`: counted as an attempt, so its handler looks at the outside world for what it did before
 *   it does it (Shopify: its own fulfillment by the tracking number, its event, the update's time);
 * - `printed?`: a label or form set aside for the person at the printer (it printed / print it again);
 * - `ask`: it reaches a person and nothing can be asked whether it went: set aside for a supervisor
 *   (it went, don't send / send it again), never sent twice unasked;
 * - `look_or_ask`: look first where the other side can be asked by our reference, otherwise `ask`.
 * Typed over every job kind: a new kind does not compile until it is decided here.
 */
export type AfterRestore = 'run' | 'look_first' | 'printed?' | 'ask' | 'look_or_ask';

export const AFTER_RESTORE: Record<JobKind, { rule: AfterRestore; why: string }> = {
  'monitor.register': { rule: 'run', why: 'registering a number again with a tracking source changes nothing' },
  'monitor.poll': { rule: 'run', why: 'a poll only reads; scans already known are dropped' },
  'retention.archive': { rule: 'run', why: 'each batch takes what is left to archive' },
  'shopify.fulfillment_create': { rule: 'look_first', why: 'finds its own fulfillment by the tracking number it sent' },
  'shopify.tracking_update': { rule: 'look_first', why: 'finds the number already on the fulfillment (an update may e-mail the buyer)' },
  'shopify.fulfillment_event': { rule: 'look_first', why: 'finds its own milestone by status and time' },
  'shopify.request_answer': { rule: 'look_first', why: 'reads the fulfillment request before answering it' },
  'shopify.buyer_notify': { rule: 'look_first', why: 'sees whether the fulfillment changed since the last known write' },
  'print.label': { rule: 'printed?', why: 'a label may have printed: the person at the printer answers' },
  'print.customs_form': { rule: 'printed?', why: 'a CN23 may have printed: the person at the printer answers' },
  'print.testsheet': { rule: 'printed?', why: 'a test sheet may have printed' },
  'monitor.buyer_email': { rule: 'ask', why: 'an e-mail to a buyer cannot be called back or looked up' },
  'notify.webhook': { rule: 'ask', why: 'the receiver cannot be asked what it got' },
  'carrier.manifest': { rule: 'look_or_ask', why: "the carrier's system is asked for the manifest by its number where it can be" },
};

/**
 * Whether the carrier of a line can be asked for a manifest by its number (dispatch's carrier API has
 * `find`): the app passes dispatch's answer (electron/app/create.ts), so backup needs no import of dispatch.
 */
export type CarrierCanLook = (lineId: string) => boolean;

/** The rule for one queued job (a carrier whose API cannot be asked makes the manifest `ask`). */
export function ruleFor(job: JobRow, carrierCanLook: CarrierCanLook): Exclude<AfterRestore, 'look_or_ask'> {
  const rule = AFTER_RESTORE[job.kind]?.rule ?? 'ask';
  if (rule !== 'look_or_ask') return rule;
  return job.kind === 'carrier.manifest' && carrierCanLook(job.payload.lineId) ? 'look_first' : 'ask';
}

export interface HeldJobs {
  run: string[];
  lookFirst: string[];
  setAside: string[];
  askSupervisor: string[];
}

/**
 * The first start on a restored copy, before the outbox runs: every job the copy holds queued is dealt
 * with by its kind's rule (AFTER_RESTORE). `jobs` narrows the check to some jobs (site mode: this
 * station's own jobs that came back from the server).
 */
export function holdRestoredJobs(ctx: ServiceContext, carrierCanLook: CarrierCanLook, opts: { jobs?: JobRow[]; file?: string } = {}): HeldJobs | null {
  const flagged = ctx.store.read.meta.get('restore_jobs_unchecked') === '1';
  if (!opts.jobs && !flagged) return null;
  const queued = (opts.jobs ?? ctx.store.read.jobs.list({ status: 'queued', limit: 1_000_000 }).reverse()).filter((j) => !j.target.endsWith(':aside'));
  const held: HeldJobs = { run: [], lookFirst: [], setAside: [], askSupervisor: [] };
  const byRule = { run: held.run, look_first: held.lookFirst, 'printed?': held.setAside, ask: held.askSupervisor };
  for (const j of queued) byRule[ruleFor(j, carrierCanLook)].push(j.id);
  const file = opts.file ?? ctx.store.read.backup.restorePending()?.file ?? 'a backup';
  return ctx.store.write('restore', ctx.clock.now(), (emit) => {
    const setAside = new Set(held.setAside);
    for (const j of queued.filter((q) => setAside.has(q.id))) {
      emit({
        type: 'print.unconfirmed',
        subject: j.ref ?? j.id,
        payload: {
          jobId: j.id,
          printerId: j.target.replace(/^printer:/, ''),
          aside: true,
          error: `Restored from a backup: this ${j.kind === 'print.customs_form' ? 'CN23 form' : 'label'} may have printed after the backup. Look for it at the printer, then answer: it printed, or print it again.`,
        },
      });
    }
    if (queued.length) emit({ type: 'backup.jobs_held', subject: null, payload: { stationId: ctx.stationId, file, ...held } });
    if (flagged) ctx.store.backup.clearJobsUnchecked();
    return held;
  });
}
