// Retention, the archive horizon: delivered parcels older than the site's horizon have their bulky rows
// (carrier scans, poll state, finished outbox jobs) moved from the hot database into the archive file beside
// it, batch by batch, by one durable outbox job per run; their open exceptions close first. The events stay.
import type { JobOutcome } from '../../core/outbox/types';
import { jobHandler, type AnyJobHandler } from '../../core/outbox/types';
import type { JobRow } from '../../../db/outbox/reader';
import { actorOf, type ServiceContext } from '../../core/context';
import { newId } from '../../core/ids';
import { badInput } from '../../core/errors';
import { DEFAULT_HORIZON_DAYS } from '../../../db/retention/reader';

const D = 86_400_000;
/**
 * Parcels per batch: sized so that each of a batch's steps on the console's thread (its reads; its hot
 * write with the commit) holds it about STEP_MS, from how long the last batch's took (bench:
 * retention.batch_ms). The commit counts: the pages a batch deletes are written and flushed with it (at
 * 20k parcels on a loaded disk, 19 parcels a batch held the thread 16 ms at the median, 10 held it 10 ms).
 * The archive copy runs on its own thread (db/retention/copier.ts).
 */
export const FIRST_BATCH = 10;
export const MIN_BATCH = 5;
export const MAX_BATCH = 50;
const STEP_MS = 6;
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

/** How long each step of a batch took (ms): the reads and the hot write hold the console's thread; the copy does not. */
export interface BatchTimes {
  parcels: number;
  /** The batch's reads (which parcels, their rows' count and size, their open exceptions). */
  readMs: number;
  /** The archive copy, committed on the copier's thread (awaited, not holding the console's). */
  copyMs: number;
  /** The hot write: its events and projections, then the commit. */
  writeMs: number;
  /** Of which the events and projections, before the commit. */
  workMs: number;
}

/** The next batch's size: the last one's scaled to hold the console's thread about STEP_MS a step. */
export function nextBatch(size: number, t: Pick<BatchTimes, 'readMs' | 'writeMs'>): number {
  const work = Math.max(t.readMs, t.writeMs, 0.5);
  return Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.round((size * STEP_MS) / work)));
}

/** One run: batches until nothing older than the cutoff is left. Killed at any point, the retry takes what is left. */
export async function archiveRun(
  ctx: ServiceContext,
  job: JobRow<'retention.archive'>,
  opts: { batch?: number; onBatch?: (t: BatchTimes) => void } = {},
): Promise<JobOutcome> {
  const { runId, cutoff } = job.payload;
  const r = ctx.store.read.retention;
  if (!r.attached())
    throw new Error('The archive file beside the database could not be opened (disk full or read-only folder): nothing was archived; it will be tried again.');
  // A size given by the caller stays fixed (the crash test counts batches).
  let size = opts.batch ?? FIRST_BATCH;
  for (;;) {
    const t0 = performance.now();
    const ids = r.toArchive(cutoff, size);
    if (!ids.length) break;
    const now = ctx.clock.now();
    const at = now.toISOString();
    const bulk = r.bulkOf(ids);
    const exceptions = r.openExceptionsOf(ids);
    const t1 = performance.now();
    await ctx.store.archiveCopy(ids, at);
    const t2 = performance.now();
    let workMs = 0;
    ctx.store.write('retention', now, (emit) => {
      const w0 = performance.now();
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
      workMs = performance.now() - w0;
    });
    const times = { parcels: ids.length, readMs: t1 - t0, copyMs: t2 - t1, writeMs: performance.now() - t2, workMs };
    opts.onBatch?.(times);
    if (opts.batch === undefined) size = nextBatch(size, times);
    await breathe();
  }
  await ctx.store.archiveSettle();
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
    runs: { 'retention.archive': (job) => archiveRun(ctx, job) },
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
