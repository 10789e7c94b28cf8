import type { Store } from '../../../db/store';
import type { JobRow } from '../../../db/outbox/reader';
import type { Clock } from '../clock';
import { backoffMs } from './backoff';
import { JobStopped, PermanentJobError, type AnyJobHandler, type JobGate } from './types';

type Outcome = (emit: Parameters<Parameters<Store['write']>[2]>[0], now: Date) => void;

/**
 * At most this many events in one group commit (an outcome is never split): four polls' answers of
 * 40 parcels each projected in one transaction held the loop 100-400 ms on a 100k station.
 */
export const GROUP_EVENTS = 48;

export interface RunnerOptions {
  pollMs?: number;
  leaseMs?: number;
  actor?: string;
  /** A pass that failed (a full disk refusing a lease): reported, and the runner tries again next time. */
  onError?: (err: unknown) => void;
}

/**
 * The outbox runner: picks due lane heads, leases them, runs their handler and records the outcome
 * as an event. A crash mid-job leaves a lease that expires, so the job runs again: handlers must be
 * idempotent (a printer reprint, a Shopify lookup before a retry).
 */
export class OutboxRunner {
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Map<string, Promise<void>>();
  private inFlightKinds = new Map<string, string>();
  private pending: Array<{ write: Outcome; events: number; unsynced: boolean; done: () => void }> = [];
  private flushing = false;
  private stopped = true;
  /** Aborted by stop(): handlers still waiting to act give up (JobStopped) instead of holding the stop. */
  private stopping = new AbortController();
  private pollMs: number;
  private leaseMs: number;
  private actor: string;
  private onError: (err: unknown) => void;
  /** Set in site mode: site-wide jobs run only under a lease from the site server. */
  gate: JobGate | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly handlers: AnyJobHandler[],
    opts: RunnerOptions = {},
  ) {
    const owner = new Map<string, number>();
    handlers.forEach((h, i) =>
      h.kinds.forEach((k) => {
        if (owner.has(k)) throw new Error(`Job kind ${k} has two handlers: each kind is run by exactly one.`);
        owner.set(k, i);
      }),
    );
    this.pollMs = opts.pollMs ?? 500;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.actor = opts.actor ?? 'outbox';
    this.onError = opts.onError ?? ((err) => console.error('outbox: a pass failed; trying again', err));
  }

  /** Every job kind this runner has a handler for. */
  get kinds(): string[] {
    return this.handlers.flatMap((h) => h.kinds);
  }

  start(): void {
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    this.stopped = false;
    this.schedule(0);
  }

  /** Run a pass soon (after a commit that queued jobs). */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** The kinds of the jobs under way, one entry a job ("print.label", "shopify.fulfill", ...). */
  running(): string[] {
    return [...this.inFlightKinds.values()];
  }

  /** Wait until nothing is running (tests, bench). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.pass();
      } catch (err) {
        this.onError(err);
      }
      if (!this.stopped) this.schedule(this.pollMs);
    }, ms);
  }

  /** One pass: start every due job the handlers have room for. Returns how many started. */
  pass(): number {
    let started = 0;
    const now = this.clock.now();
    const nowIso = now.toISOString();
    for (const [i, h] of this.handlers.entries()) {
      const running = [...this.inFlight.keys()].filter((k) => k.startsWith(`${i}|`)).length;
      const room = h.concurrency - running;
      if (room <= 0) continue;
      const origin = this.gate && h.scope === 'station' ? this.gate.station : null;
      for (const job of this.store.read.jobs.dueHeads(h.kinds, nowIso, room, origin)) {
        if (this.inFlight.has(`${i}|${job.id}`)) continue;
        const until = new Date(now.getTime() + this.leaseMs).toISOString();
        if (!this.store.jobs.lease(job.id, until, nowIso)) continue;
        const key = `${i}|${job.id}`;
        this.inFlightKinds.set(key, job.kind);
        this.inFlight.set(
          key,
          this.execute(h, job).finally(() => (this.inFlight.delete(key), this.inFlightKinds.delete(key))),
        );
        started++;
      }
    }
    return started;
  }

  private async execute(h: AnyJobHandler, job: JobRow): Promise<void> {
    let attempt = job.attempts + 1;
    const gate = h.scope === 'station' ? null : this.gate;
    // A station that cannot run it (no token for that store here) leaves it to one that can.
    if (gate && h.canRun && !h.canRun(job)) return;
    try {
      // Another station holds it or finished it: its outcome arrives with its events.
      const admitted = gate ? await gate.admit(job, this.leaseMs) : 'run';
      if (admitted === 'skip') return;
      // Another station (or this one before a crash) may have sent it: handlers look first on a retry.
      if (admitted === 'retry' && job.attempts === 0) ((job = { ...job, attempts: 1 }), (attempt = 2));
    } catch {
      return; // site server unreachable: the local lease expires and the job is tried again
    }
    try {
      const outcome = await h.run(job, this.stopping.signal);
      await this.record(
        (emit) => {
          emit({ type: 'job.succeeded', subject: job.ref ?? job.id, payload: { jobId: job.id, ref: job.ref, result: outcome.result } });
          for (const e of outcome.events ?? []) emit(e);
        },
        1 + (outcome.events?.length ?? 0),
        h.unsynced?.includes(job.kind) === true,
      );
      await gate?.finished(job, 'done').catch(() => undefined);
      this.wake();
    } catch (err) {
      // Nothing was sent: the local lease is let go (a site lease lapses by itself).
      if (err instanceof JobStopped) return this.store.jobs.release(job.id);
      const message = err instanceof Error ? err.message : String(err);
      const dead = err instanceof PermanentJobError || attempt >= h.maxAttempts;
      await this.record((emit, now) => {
        if (dead) emit({ type: 'job.dead', subject: job.ref ?? job.id, payload: { jobId: job.id, ref: job.ref, attempt, error: message } });
        else {
          const nextAt = new Date(now.getTime() + backoffMs(attempt, h.backoff.baseMs, h.backoff.maxMs)).toISOString();
          emit({ type: 'job.failed', subject: job.ref ?? job.id, payload: { jobId: job.id, ref: job.ref, attempt, error: message, nextAt } });
        }
      });
      if (dead) await gate?.finished(job, 'dead').catch(() => undefined);
    }
  }

  /**
   * Group commit: outcomes that finish in the same turn of the event loop share one transaction
   * (one fsync), so a fast lane drains at the remote's rate, not the disk's. A crash before the
   * commit only means those jobs run again — handlers are idempotent by contract. A group holds at
   * most GROUP_EVENTS events; the rest commit in the next turns, with the loop given back between.
   */
  private record(write: Outcome, events = 1, unsynced = false): Promise<void> {
    return new Promise<void>((done) => {
      this.pending.push({ write, events, unsynced, done });
      if (this.flushing) return;
      this.flushing = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    // A group is all durable or all unsynced (the handler's `unsynced`), in the order they finished.
    const { unsynced } = this.pending[0];
    let take = 1;
    for (let n = this.pending[0].events; take < this.pending.length; take++) {
      const next = this.pending[take];
      if (next.unsynced !== unsynced || n + next.events > GROUP_EVENTS) break;
      n += next.events;
    }
    const batch = this.pending.splice(0, take);
    const now = this.clock.now();
    const write = (fn: Outcome) => {
      const commit = () => this.store.write(this.actor, now, (emit) => fn(emit, now));
      return unsynced ? this.store.unsynced(commit) : commit();
    };
    try {
      write((emit) => batch.forEach((b) => b.write(emit, now)));
    } catch (err) {
      // One bad outcome must not hold back the others: fall back to one transaction each.
      for (const b of batch)
        try {
          write(b.write);
        } catch (e) {
          console.error('outbox: could not record a job outcome; the job will run again', e, err);
        }
    }
    batch.forEach((b) => b.done());
    if (this.pending.length) setImmediate(() => this.flush());
    else this.flushing = false;
  }
}
