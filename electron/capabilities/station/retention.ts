// Retention, the archive horizon: delivered parcels older than the site's horizon have their bulky rows
// (carrier scans, poll state, finished outbox jobs) moved from the hot database into the archive file beside
// it, batch by batch, by one durable outbox job per run; their open exceptions close first. The events stay.
import type { JobOutcome } from '../../core/outbox/types';
import { jobHandler, JobStopped, type AnyJobHandler } from '../../core/outbox/types';
import type { JobRow } from '../../../db/outbox/reader';
import { actorOf, type ServiceContext } from '../../core/context';
import { newId } from '../../core/ids';
import { badInput } from '../../core/errors';
import { DEFAULT_HORIZON_DAYS } from '../../../db/retention/reader';
import { sizedToBudget } from '../../../db/core/budget';
import { giveBack } from '../../core/give-back';

const D = 86_400_000;
/**
 * Parcels per batch: sized so that each of a batch's three steps on the console's thread (its reads; the
 * archive copy with its commit; the hot write with its commit), with the loop given back between them,
 * holds it about STEP_MS, from how long the last batch's took (bench: retention.batch_ms). The commits
 * count: the pages a batch moves are written and flushed with them.
 */
export const FIRST_BATCH = 10;
export const MIN_BATCH = 5;
export const MAX_BATCH = 50;
const STEP_MS = 3;
export const MIN_DAYS = 7;
export const MAX_DAYS = 3650;

export function retentionView(ctx: ServiceContext) {
  const r = ctx.store.read.retention;
  const archive = r.archive();
  return {
    horizonDays: r.horizonDays(),
    defaultDays: DEFAULT_HORIZON_DAYS,
    archive: { file: archive.file, bytes: archive.bytes, parcels: archive.parcels, rows: archive.rows },
    hot: r.usedBytes(),
    runs: r.runs(8),
  };
}

export function saveHorizon(ctx: ServiceContext, horizonDays: number) {
  if (!Number.isInteger(horizonDays) || horizonDays < MIN_DAYS || horizonDays > MAX_DAYS)
    throw badInput(
      `The archive horizon must be a whole number of days from ${MIN_DAYS} to ${MAX_DAYS} (you gave ${horizonDays}). Delivered parcels stay searchable either way.`,
    );
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'retention.settings_saved', subject: null, payload: { horizonDays } }));
  return retentionView(ctx);
}

/** A run not finished yet (its job still in the outbox), started within the last day. */
function unfinished(ctx: ServiceContext) {
  const since = ctx.clock.now().getTime() - D;
  return ctx.store.read.retention.runs(5).find((r) => !r.finishedAt && Date.parse(r.startedAt) > since);
}

/** Queue an archive run (one at a time: a run under way is returned instead). */
export function startRun(ctx: ServiceContext, trigger: 'schedule' | 'console' | 'cli', actor = actorOf(ctx)): { runId: string; started: boolean } {
  const running = unfinished(ctx);
  if (running) return { runId: running.runId, started: false };
  const now = ctx.clock.now();
  const horizonDays = ctx.store.read.retention.horizonDays();
  const cutoff = new Date(now.getTime() - horizonDays * D).toISOString();
  const runId = newId('ret', now);
  const file = ctx.store.read.retention.attached() ?? '(no archive file)';
  ctx.store.write(actor, now, (emit) =>
    emit({
      type: 'retention.started',
      subject: runId,
      payload: {
        runId,
        stationId: ctx.stationId,
        horizonDays,
        cutoff,
        file: file.split(/[\\/]/).pop()!,
        trigger,
        jobs: [{ id: newId('job', now), kind: 'retention.archive', target: `retention:${ctx.stationId}`, ref: null, payload: { runId, cutoff } }],
      },
    }),
  );
  return { runId, started: true };
}

/** Between batches: scans and screens go first. */
const breathe = () => new Promise<void>((ok) => setTimeout(ok, 2));

/** How long each of a batch's steps held the console's thread (ms); the loop is given back between them. */
export interface BatchTimes {
  parcels: number;
  /** The batch's reads: which parcels, their rows' count and size, their open exceptions. */
  readMs: number;
  /** The archive copy, with its commit. */
  copyMs: number;
  /** The hot write (the events, their projections deleting the rows), with its commit. */
  writeMs: number;
}

/** The next batch's size: the last one's scaled so that its longest step holds the thread about STEP_MS. */
export function nextBatch(size: number, t: Pick<BatchTimes, 'readMs' | 'copyMs' | 'writeMs'>): number {
  return sizedToBudget(size, Math.max(t.readMs, t.copyMs, t.writeMs), STEP_MS, MIN_BATCH, MAX_BATCH);
}

/** One run: batches until nothing older than the cutoff is left. Killed at any point, the retry takes what is left. */
export async function archiveRun(
  ctx: ServiceContext,
  job: JobRow<'retention.archive'>,
  opts: { batch?: number; onBatch?: (t: BatchTimes) => void; stopping?: AbortSignal } = {},
): Promise<JobOutcome> {
  const { runId, cutoff } = job.payload;
  const r = ctx.store.read.retention;
  if (!r.attached())
    throw new Error('The archive file beside the database could not be opened (disk full or read-only folder): nothing was archived; it will be tried again.');
  // A size given by the caller stays fixed (the crash test counts batches).
  let size = opts.batch ?? FIRST_BATCH;
  for (;;) {
    // A run over a big backlog takes minutes: a stop does not wait for it. The batches done are durable
    // with the run's next write; the run goes on from there at the next start.
    if (opts.stopping?.aborted) throw new JobStopped();
    const t0 = performance.now();
    const ids = r.toArchive(cutoff, size);
    if (!ids.length) break;
    const now = ctx.clock.now();
    const at = now.toISOString();
    const bulk = r.bulkOf(ids);
    const exceptions = r.openExceptionsOf(ids);
    const readMs = performance.now() - t0;
    await giveBack();
    const t1 = performance.now();
    ctx.store.archiveCopy(ids, at);
    const copyMs = performance.now() - t1;
    await ctx.store.archiveFlush();
    if (!ctx.store.isOpen()) throw new Error('The station is closing: the archive run goes on at the next start.');
    const t2 = performance.now();
    // Without its own fsync: the copy above is durable already (flushed), so a crash that loses this write leaves the
    // rows in both files, and the retry (the job is not finished until its durable last write) copies what
    // is there (never twice) and deletes again. The run's last write makes every batch's durable.
    ctx.store.unsynced(() =>
      ctx.store.write('retention', now, (emit) => {
        for (const x of exceptions)
          emit({
            type: 'monitor.exception_cleared',
            subject: x.parcelId,
            payload: { exceptionId: x.id, parcelId: x.parcelId, reason: 'the carrier delivered the parcel (closed when it was archived)' },
          });
        emit({
          type: 'retention.archived',
          subject: runId,
          payload: { runId, parcelIds: ids, rows: bulk.rows, bytes: bulk.bytes, exceptionsClosed: exceptions.length },
        });
      }),
    );
    const times = { parcels: ids.length, readMs, copyMs, writeMs: performance.now() - t2 };
    opts.onBatch?.(times);
    if (opts.batch === undefined) size = nextBatch(size, times);
    await breathe();
    await ctx.store.logRoom();
  }
  ctx.store.archiveSettle();
  const run = r.run(runId);
  const totals = { parcels: run?.parcels ?? 0, rows: run?.rows ?? 0, bytes: run?.bytes ?? 0, batches: run?.batches ?? 0 };
  return { result: { retention: runId, ...totals }, events: [{ type: 'retention.finished', subject: runId, payload: { runId, ...totals } }] };
}

export function retentionJobHandler(ctx: ServiceContext): AnyJobHandler {
  return jobHandler({
    concurrency: 1,
    backoff: { baseMs: 60_000, maxMs: 60 * 60_000 },
    maxAttempts: Infinity,
    // Each station archives into its own file; the rows go at every station with the events.
    scope: 'station',
    runs: { 'retention.archive': (job, stopping) => archiveRun(ctx, job, { stopping }) },
  });
}

/** Once a day (looked at every hour), the station on duty starts a run. */
export function startRetentionSchedule(ctx: ServiceContext, onDuty: () => boolean): () => void {
  const look = () => {
    try {
      if (!onDuty() || !ctx.store.isOpen()) return;
      const last = ctx.store.read.retention.runs(1)[0];
      if (last && ctx.clock.now().getTime() - Date.parse(last.startedAt) < 20 * 3_600_000) return;
      startRun(ctx, 'schedule', 'retention');
    } catch (e) {
      console.error('[retention]', e);
    }
  };
  const first = setTimeout(look, 5 * 60_000);
  const every = setInterval(look, 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
