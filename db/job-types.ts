import type { DevicesJobs } from './devices/jobs';
import type { ShopifyJobs } from './shopify/jobs';
import type { DispatchJobs } from './dispatch/jobs';
import type { MonitorJobs } from './monitor/jobs';
import type { OperatorsJobs } from './operators/jobs';
import type { RetentionJobs } from './retention/jobs';

/**
 * Every outbox job of the console, by kind, with its payload: beside the event map (event-types.ts),
 * composed from each capability's db/<capability>/jobs.ts. A kind has exactly one handler
 * (electron/core/outbox/types.ts), registered by the exact kind.
 */
export interface JobPayloads extends DevicesJobs, ShopifyJobs, DispatchJobs, MonitorJobs, OperatorsJobs, RetentionJobs {}

export type JobKind = keyof JobPayloads;

/** A job as an event queues it: `JobDraft` is the union of every kind, `JobDraft<K>` one kind's. */
export type JobDraft<K extends JobKind = JobKind> = {
  [P in K]: {
    id: string;
    kind: P;
    /** The lane: jobs of one target run one at a time, in order. */
    target: string;
    ref: string | null;
    payload: JobPayloads[P];
  };
}[K];

/** A copy of a job under a new id, with the same kind, lane, ref and payload (to fix and queue again). */
export function redraft<K extends JobKind>(job: JobDraft<K>, id: string): JobDraft<K> {
  return structuredClone({ id, kind: job.kind, target: job.target, ref: job.ref, payload: job.payload }) as JobDraft<K>;
}
