import type { EventDraft } from '../../db/event-types';
import type { JobRow } from '../../db/readers/jobs';

export interface JobOutcome {
  result: Record<string, unknown>;
  /** Domain events that the success implies (label.printed, ...), committed with job.succeeded. */
  events?: EventDraft[];
}

/** Thrown by a handler for a refusal that retrying cannot fix: the job goes to the dead letters. */
export class PermanentJobError extends Error {}

/** Site mode: who may run a site-wide job now (a lease from the site server). */
export interface JobGate {
  station: string;
  /** 'retry': an earlier lease lapsed, so an attempt may have reached the remote: look before acting. */
  admit(job: JobRow, leaseMs: number): Promise<'run' | 'retry' | 'skip'>;
  finished(job: JobRow, state: 'done' | 'dead'): Promise<void>;
}

export interface JobHandler {
  /** Jobs whose kind starts with this prefix. */
  kind: string;
  /** Lanes worked at once. Within a lane (target) jobs always go one at a time, in order. */
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
  canRun?(job: JobRow): boolean;
  run(job: JobRow): Promise<JobOutcome>;
}
