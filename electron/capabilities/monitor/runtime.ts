// What one console's monitor holds in memory: its sources, their request pacing, the demo's script
// book and the buyer-mail transport. Keyed by the service context (several consoles share a test process).
import type { ServiceContext } from '../../core/context';
import { TokenBucket } from './sources/rate-limit';
import type { ScriptBook } from './sources/emulator-base';
import type { AggregatorEmulator } from './sources/aggregator-emulator';
import type { TrackingSource } from './sources/types';
import type { MailTransport } from './mail';

export interface MonitorRuntime {
  sources: TrackingSource[];
  script: ScriptBook | null;
  aggregator: AggregatorEmulator | null;
  mail: MailTransport | null;
  buckets: Map<string, TokenBucket>;
  /** Real monotonic time for rate limits (tests replace it; the business clock may jump days). */
  realNowMs: () => number;
  /** Last pass, for the screens. */
  lastPass: PassSummary | null;
  /** The next pass looks at every watched parcel (a new console, or its sources changed). */
  fullNext: boolean;
  /**
   * The slice sizes the last sliced pass ended with, per kind of step (parcels looked at, numbers queued,
   * exceptions cleared): the next one starts there, not at the largest. A queued number costs several
   * times a look, so one size for both held the loop 54 ms in a first pass's queue step.
   */
  slice: SliceSizes | null;
}

export interface SliceSizes {
  look: number;
  queue: number;
  clear: number;
}

export interface PassSummary {
  at: string;
  /** 'due': only the parcels whose due time had come; 'full': every watched parcel. */
  mode: 'due' | 'full';
  inFlight: number;
  /** Parcels the pass looked at. */
  visited: number;
  /** Requests it read from the heads of the sources' wait lists (a due pass; a full pass collects them). */
  waitRead: number;
  opened: number;
  changed: number;
  cleared: number;
  registrationsQueued: number;
  pollsQueued: number;
  ms: number;
  /** Of which spent committing (the write lock held), in slices. */
  writeMs: number;
}

const runtimes = new WeakMap<ServiceContext, MonitorRuntime>();

export function setRuntime(ctx: ServiceContext, rt: Omit<MonitorRuntime, 'buckets' | 'lastPass' | 'realNowMs' | 'fullNext' | 'slice'>): MonitorRuntime {
  const full: MonitorRuntime = { ...rt, buckets: new Map(), lastPass: null, realNowMs: () => performance.now(), fullNext: true, slice: null };
  runtimes.set(ctx, full);
  return full;
}

/** A console whose monitor was never set up has no live sources (file import still works). */
export function runtimeOf(ctx: ServiceContext): MonitorRuntime {
  let rt = runtimes.get(ctx);
  if (!rt)
    runtimes.set(
      ctx,
      (rt = {
        sources: [],
        script: null,
        aggregator: null,
        mail: null,
        buckets: new Map(),
        lastPass: null,
        realNowMs: () => performance.now(),
        fullNext: true,
        slice: null,
      }),
    );
  return rt;
}

export function bucketFor(rt: MonitorRuntime, s: TrackingSource): TokenBucket {
  let b = rt.buckets.get(s.id);
  // Our pacing stays just under the source's limit, so the source never has to refuse us.
  if (!b) rt.buckets.set(s.id, (b = new TokenBucket(Math.max(1, s.ratePerMin - 1), undefined, () => rt.realNowMs())));
  return b;
}
