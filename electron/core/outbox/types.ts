import type { EventDraft } from '../../../db/event-types';
import type { JobKind } from '../../../db/job-types';
import type { JobRow } from '../../../db/outbox/reader';

export interface JobOutcome {
  result: Record<string, unknown>;
  /** Domain events that the success implies (label.printed, ...), committed with job.succeeded. */
  events?: EventDraft[];
}

/** Thrown by a handler for a refusal that retrying cannot fix: the job goes to the dead letters. */
export class PermanentJobError extends Error {}

/**
 * Thrown by a handler that gave up because the runner is stopping: while waiting (its pace, a token)
 * before it sent anything, or between the steps of a long run whose done steps stand on their own (a
 * retention run's batches). No outcome is recorded, the lease is let go and the job runs at the next start.
 */
export class JobStopped extends Error {
  constructor() {
    super('The console is stopping: the job runs at the next start.');
  }
}

/** Site mode: who may run a site-wide job now (a lease from the site server). */
export interface JobGate {
  station: string;
  /** 'retry': an earlier lease lapsed, so an attempt may have reached the remote: look before acting. */
  admit(job: JobRow, leaseMs: number): Promise<'run' | 'retry' | 'skip'>;
  finished(job: JobRow, state: 'done' | 'dead'): Promise<void>;
}

/**
 * How each kind a handler takes is run: one function per exact kind, given that kind's row and the
 * runner's stop (a handler waiting to act may give up on it with JobStopped).
 */
export type JobRuns<K extends JobKind> = { [P in K]: (job: JobRow<P>, stopping: AbortSignal) => Promise<JobOutcome> };

/**
 * One capability's jobs: the kinds it runs (`runs`, by exact kind) and how its lanes are worked.
 * Every job kind (db/job-types.ts) has exactly one handler across the app.
 */
export interface JobHandler<K extends JobKind = JobKind> {
  runs: JobRuns<K>;
  /** Lanes worked at once across these kinds. Within a lane (target) jobs always go one at a time, in order. */
  concurrency: number;
  backoff: { baseMs: number; maxMs: number };
  /** Give up after this many attempts (Infinity: keep retrying a transient failure, visibly). */
  maxAttempts: number;
  /**
   * 'station': only the station whose event queued the job runs it (its printer). 'site' (default):
   * in site mode one station of the site runs it, under a lease from the site server.
   */
  scope?: 'station' | 'site';
  /** Site mode: can this station run the job at all (it holds the store's token)? If not, others will. */
  canRun?(job: JobRow<K>): boolean;
  /** Around every run of these kinds (a capability's bookkeeping). */
  after?(job: JobRow<K>): void;
  /**
   * These kinds' outcomes commit without waiting for the disk (synchronous = NORMAL; the next durable commit or
   * checkpoint flushes them). A power cut may lose the last few, and those jobs run again: only for
   * kinds where that is harmless (a tracking poll asks again). A flood of them at start otherwise
   * held the loop in fsync.
   */
  unsynced?: ReadonlyArray<NoInfer<K>>;
}

/** A handler as the runner holds it, whatever its kinds. */
export interface AnyJobHandler extends Omit<JobHandler, 'runs' | 'canRun' | 'after' | 'unsynced'> {
  unsynced?: readonly JobKind[];
  kinds: JobKind[];
  run(job: JobRow, stopping: AbortSignal): Promise<JobOutcome>;
  canRun?(job: JobRow): boolean;
}

/** Register a capability's handler: its kinds are the keys of `runs`. */
export function jobHandler<K extends JobKind>(h: JobHandler<K>): AnyJobHandler {
  const own = (job: JobRow) => job as JobRow<K>;
  const runOf = (kind: K) => h.runs[kind] as (job: JobRow<K>, stopping: AbortSignal) => Promise<JobOutcome>;
  return {
    kinds: Object.keys(h.runs) as K[],
    get concurrency() {
      return h.concurrency;
    },
    get backoff() {
      return h.backoff;
    },
    maxAttempts: h.maxAttempts,
    scope: h.scope,
    unsynced: h.unsynced,
    canRun: h.canRun && ((job) => h.canRun!(own(job))),
    async run(job, stopping) {
      try {
        return await runOf(job.kind as K)(own(job), stopping);
      } finally {
        h.after?.(own(job));
      }
    },
  };
}
