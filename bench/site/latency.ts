import { setTimeout as sleep } from 'node:timers/promises';
import { pick, type Station } from './stations';

export interface LatencyRun {
  /** Commit at the origin -> applied at a receiver, one per (event, receiver), ms. */
  samples: number[];
  /** Events the stations committed during the run (picks and the replicators' block leases). */
  events: number;
  picks: number;
  /** Pairs never seen at their receiver before the wait ran out. */
  missing: number;
  seconds: number;
}

/**
 * Every station picks `perSecond` orders a second (staggered) for `seconds`, while the replicators run
 * on their own timers. Both ends are timed with store.onCommit in this one process: the origin's own
 * commit, and the receiver's announce of the pulled event after its apply committed.
 */
export async function measureReplication(
  stations: Station[],
  opts: { seconds: number; perSecond: number; code: (station: number, k: number) => string; senders?: number },
): Promise<LatencyRun> {
  const committed = new Map<string, number>();
  const samples: number[] = [];
  let recording = true;
  const offs = stations.map((s) =>
    s.app.store.onCommit((events) => {
      const t = performance.now();
      for (const e of events) {
        if (e.station === s.app.store.station) {
          if (recording) committed.set(e.id, t);
        } else {
          const t0 = committed.get(e.id);
          if (t0 !== undefined) samples.push(t - t0);
        }
      }
    }),
  );
  const period = 1000 / opts.perSecond;
  // The first `senders` stations pick (all of them by default); the others only receive, idle.
  const n = Math.min(stations.length, opts.senders ?? stations.length);
  const k = stations.slice(0, n).map(() => 0);
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  let picks = 0;
  for (;;) {
    let i = 0;
    for (let j = 1; j < n; j++) if (k[j] * period + (j * period) / n < k[i] * period + (i * period) / n) i = j;
    const due = start + k[i] * period + (i * period) / n;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pick(stations[i], opts.code(i, k[i]));
    k[i]++;
    picks++;
  }
  recording = false;
  const seconds = (performance.now() - start) / 1000;
  const expected = committed.size * (stations.length - 1);
  const deadline = performance.now() + 15_000;
  while (samples.length < expected && performance.now() < deadline) await sleep(50);
  for (const off of offs) off();
  return { samples, events: committed.size, picks, missing: expected - samples.length, seconds };
}
