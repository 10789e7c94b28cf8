import { readFileSync } from 'node:fs';
import type { App } from '../electron/app/create';
import { newId } from '../electron/core/ids';
import { runPass, runPassSliced } from '../electron/capabilities/monitor/pass';
import { runtimeOf } from '../electron/capabilities/monitor/runtime';
import { scan } from '../electron/capabilities/pick/scan';
import { sqliteOf } from '../db/core/handle';
import type { ScanData } from '../db/monitor/events';
import type { EventDraft } from '../db/event-types';
import { pickedEvent, syntheticStation, writeParcels } from './grown';
import { round, summarize } from './stats';
import type { Bench } from './types';

const PARCELS = Number(process.env.BENCH_MONITOR_PARCELS ?? 100_000);
/** New parcels added at once for the backlog passes (30,000 at 100,000). */
const BACKLOG = Number(process.env.BENCH_MONITOR_BACKLOG ?? Math.round(PARCELS * 0.3));
const RUNS = Number(process.env.BENCH_MONITOR_RUNS ?? 15);
/** Backlog passes run in slices as the console runs them, with scans arriving meanwhile (about 40 a pass). */
const SLICED_RUNS = Number(process.env.BENCH_MONITOR_SLICED_RUNS ?? 8);
/** A scan every this many ms while a sliced pass runs. */
const SCAN_EVERY_MS = 10;
/** Scans with no pass running (the floor): enough that its p99 is not one slow commit. */
const FLOOR_SCANS = 300;
/** The longest the loop may be held at once by a pass (a scan waits behind it): three frames. */
const HOLD_MS = 50;
/**
 * What looking at an answered parcel and queuing its next request may cost, all writes included, in the
 * floor's units (one due time written per parcel): a look writes about four rows a parcel (its due time,
 * its wait-list entry, the source's state, its share of a request). 100 µs on a faster machine than the
 * one that failed it at 117-133 µs with everything else, floors included, slower alike.
 */
const PER_PARCEL_FLOORS = 4;
/**
 * Steady passes, a minute apart (each about a millisecond): more than 15, so that their p99 is not the one
 * slowest, and all before the hour, when the hourly polls of the parcels in their first-scan window fall due.
 */
const STEADY_RUNS = 40;
/**
 * A pass over every parcel at once, in bare reads of the parcels table (no join, no rule, no write) taken
 * just before each: it reads the watch rows and three lookups a parcel, decides, and writes what changed,
 * within an order of magnitude of reading the table once. It was 1000 ms at 100k, on a faster machine than
 * one where it measured 730-1290 ms, 6-8x such a read, run to run.
 */
const FULL_PASS_READS = 10;
const H = 3_600_000;
const D = 24 * H;
const M = 60_000;
const NOW = Date.parse('2026-12-14T02:00:00Z');
const LINES = ['postal-s10', 'express-dhl', 'ups'];

const numberOf = (i: number) => `BN${String(i).padStart(9, '0')}XX`;

/** Deterministic spread of ages and states, so every rule and every poll phase is exercised. */
function rnd(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

// BENCH_STEP_LOG=1 prints each step of 40 ms or more as it ends, with its thread's CPU and run-queue time (Linux) and a
// monotonic timestamp to line it up with a kernel-side sampler: how a stall off the CPU was told from work.
let lastSched = [0, 0];
/** The few longest steps of sliced passes, with where each began and ended (which part of the pass holds the loop). */
function longestSteps(keep = 4) {
  const top: Array<[number, string]> = [];
  return {
    add(ms: number, where: string) {
      if (process.env.BENCH_STEP_LOG === '1') {
        const [cpu, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
        if (ms >= 40)
          console.error(
            `[step] ${ms.toFixed(0)} ms (since last step: cpu ${((cpu - lastSched[0]) / 1e6).toFixed(0)} ms, runqueue ${((wait - lastSched[1]) / 1e6).toFixed(0)} ms) ending at monotonic ${(Number(process.hrtime.bigint()) / 1e9).toFixed(3)} s: ${where}`,
          );
        lastSched = [cpu, wait];
      }
      top.push([ms, where]);
      top.sort((a, b) => b[0] - a[0]);
      top.length = Math.min(top.length, keep);
    },
    text: () => top.map(([ms, where]) => `${round(ms, 1)} ms (${where})`).join(', '),
  };
}

/** What the sources do in a minute: each answers its `ratePerMin` oldest queued requests (nothing new). */
function sourcesAnswerAMinute(app: App, at: number): number {
  const db = sqliteOf(app.store);
  const q = db.prepare("SELECT id, kind, ref, payload FROM jobs WHERE status = 'queued' AND target = ? ORDER BY next_at, id LIMIT ?");
  const events: EventDraft[] = [];
  for (const s of runtimeOf(app.ctx).sources) {
    if (s.delivery !== 'poll' && !s.needsRegistration) continue;
    for (const j of q.all(s.id, s.ratePerMin) as Array<{ id: string; kind: string; ref: string | null; payload: string }>) {
      const parcelIds = (JSON.parse(j.payload) as { numbers: Array<{ parcelId: string }> }).numbers.map((n) => n.parcelId);
      if (j.kind === 'monitor.register') {
        events.push({ type: 'monitor.registered', subject: null, payload: { sourceId: s.id, parcelIds, rejected: [] } });
        events.push({ type: 'job.succeeded', subject: j.ref, payload: { jobId: j.id, ref: j.ref, result: { registered: parcelIds.length, rejected: 0 } } });
      } else
        events.push({
          type: 'job.succeeded',
          subject: j.ref,
          payload: { jobId: j.id, ref: j.ref, result: { monitor: 'poll', sourceId: s.id, parcelIds, askedAt: new Date(at).toISOString() } },
        });
    }
  }
  if (events.length) app.store.write('bench', new Date(at), (emit) => events.forEach((e) => emit(e)));
  return events.length;
}

/**
 * The rules-and-schedule pass on a station of 100,000 in-flight parcels (synthetic events: orders, picks,
 * manifests, handovers, scans; bench/grown.ts), steady, then with 30,000 new parcels at once: more than the
 * tracking sources take in a pass, so most wait on the sources' wait lists while the sources answer a
 * minute's worth between passes. The passes run on the console's normal durable settings.
 */
export const monitorBench: Bench = {
  name: 'monitor',
  async run() {
    const { app, clock, dir, dispose } = await syntheticStation({ prefix: 'monitor', startAt: NOW - 25 * D, monitorTimers: false });
    const { store } = app;
    const db = sqliteOf(store);
    const r = rnd(42);
    const manifests = new Map<string, string>();
    // Open orders the bench scans while passes run (picked by the real scan path: number, parcel, label job).
    const SCAN_ORDERS = FLOOR_SCANS + 200 * SLICED_RUNS;
    const scanAt = new Date(NOW - 25 * D);
    store.write('bench', scanAt, (emit) =>
      emit({
        type: 'orders.imported',
        payload: {
          orders: Array.from({ length: SCAN_ORDERS }, (_, i) => ({
            id: newId('ord', scanAt),
            store: 'bench',
            name: `S${i}`,
            status: 'open' as const,
            lineId: LINES[i % LINES.length],
            shipTo: { name: 'Scan Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
            createdAt: scanAt.toISOString(),
            source: 'file' as const,
            items: [{ sku: `SC${i}`, title: 'Bench item', quantity: 1 }],
          })),
        },
      }),
    );
    let scanned = 0;
    /** Scans every SCAN_EVERY_MS, each timed from when it was due: a wait behind a pass's step counts. */
    const scanEvery = async (n: number, stop: () => boolean): Promise<number[]> => {
      const took: number[] = [];
      while (took.length < n && !stop()) {
        const due = performance.now() + SCAN_EVERY_MS;
        await new Promise((ok) => setTimeout(ok, SCAN_EVERY_MS));
        const r = scan(app.ctx, `S${scanned++}`);
        if (r.outcome !== 'issued') throw new Error(`monitor bench: scan S${scanned - 1}: ${r.outcome}`);
        took.push(performance.now() - due);
      }
      return took;
    };
    const setupMs = writeParcels(app, {
      count: PARCELS,
      batch: 5000,
      namePrefix: 'M',
      ordersAt: NOW - 25 * D,
      lines: LINES,
      parcel: (o, i) => {
        const pickedAt = NOW - (0.5 + r() * 13.5) * D;
        return {
          at: pickedAt,
          write(emit, parcelId) {
            emit(pickedEvent(o, parcelId, numberOf(i)));
            if (r() >= 0.98) return; // still on the floor
            const day = new Date(pickedAt).toISOString().slice(0, 10);
            const key = `${o.lineId}|${day}`;
            let m = manifests.get(key);
            if (!m) {
              m = newId('mft', new Date(pickedAt));
              manifests.set(key, m);
              emit({
                type: 'manifest.opened',
                subject: m,
                payload: { manifestId: m, lineId: o.lineId!, pickupDate: day, expectedPickupAt: new Date(pickedAt + 8 * H).toISOString() },
              });
            }
            const handed = pickedAt + 10 * H;
            emit({
              type: 'parcel.handed_over',
              subject: parcelId,
              payload: { parcelId, manifestId: m, orderId: o.id, via: 'lead_confirm', handedOverAt: new Date(handed).toISOString(), jobs: [] },
            });
            const scans: ScanData[] = [];
            if (r() < 0.97) {
              // First scan, then some transit scans; the last one 0-12 days ago.
              const first = handed + (12 + r() * 60) * H;
              if (first < NOW) {
                scans.push({
                  parcelId,
                  status: 'accepted',
                  scannedAt: new Date(first).toISOString(),
                  learnedAt: new Date(first + r() * 30 * H).toISOString(),
                  location: 'Shenzhen, CN',
                  detail: 'bench',
                });
                // Most moved in the last 4 days; a tail has been silent longer (the no-update and lost cases).
                const last = NOW - (r() < 0.95 ? r() * 4 : 4 + r() * 14) * D;
                if (last > first + H)
                  scans.push({
                    parcelId,
                    status: r() < 0.03 ? 'failed_attempt' : 'in_transit',
                    scannedAt: new Date(last).toISOString(),
                    learnedAt: new Date(Math.min(NOW, last + 6 * H)).toISOString(),
                    location: 'Hub',
                    detail: 'bench',
                  });
              }
            }
            if (scans.length)
              emit({ type: 'monitor.scans_reported', subject: parcelId, payload: { sourceId: 'aggregator', via: 'poll', scans, milestones: [] } });
          },
        };
      },
    });

    // Floors, on this disk now: reading the parcels once (no join, no rule, no write), and one small
    // durable commit (what any pass that queues a request or opens an exception pays at least).
    const floorRead: number[] = [];
    for (let i = 0; i < 5; i++) {
      const f0 = performance.now();
      db.prepare('SELECT id, line_id, tracking_number, status, picked_at, pickup_at FROM parcels').raw().all();
      floorRead.push(performance.now() - f0);
    }
    const read = summarize(floorRead);
    const floorCommit: number[] = [];
    for (let i = 0; i < 30; i++) {
      const f0 = performance.now();
      store.write('bench', new Date(NOW - D), (emit) =>
        emit({ type: 'scan.refused', subject: null, payload: { code: `X${i}`, reason: 'unknown', message: 'bench' } as never }),
      );
      floorCommit.push(performance.now() - f0);
    }
    const commit = summarize(floorCommit);

    clock.set(NOW);
    // The first pass, as a console runs it after start (in slices): every parcel, every wait list written.
    const firstSteps: number[] = [];
    const firstLongest = longestSteps();
    const c0 = performance.now();
    const wal0 = app.store.read.database.status();
    let firstWalMax = 0;
    const first = (await runPassSliced(app.ctx, {
      mode: 'full',
      onStep: (ms, where) => {
        firstSteps.push(ms);
        firstLongest.add(ms, where);
        firstWalMax = Math.max(firstWalMax, app.store.read.database.status().walBytes);
      },
    }))!;
    const firstMs = performance.now() - c0;
    const firstTruncations = app.store.read.database.status().truncations - wal0.truncations;
    // The pass before it was incremental: every watched parcel, every time (a minute apart, as the console runs it).
    // Each beside a bare read of the parcels just before it, so a slow moment of this machine slows both.
    const times: number[] = [];
    const fullRatios: number[] = [];
    const fullReads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      clock.set(NOW + (i + 1) * M);
      const r0 = performance.now();
      db.prepare('SELECT id, line_id, tracking_number, status, picked_at, pickup_at FROM parcels').raw().all();
      const readMs = performance.now() - r0;
      const s0 = performance.now();
      runPass(app.ctx, { mode: 'full' });
      times.push(performance.now() - s0);
      fullRatios.push(times[i] / readMs);
      fullReads.push(readMs);
    }
    const fullRead = summarize(fullReads);
    const fullRatio = summarize(fullRatios);
    // Steady: the incremental pass a minute after the last; the sources have room for all that is due.
    const steady = { ms: [] as number[], visited: [] as number[], read: [] as number[], write: [] as number[] };
    // What else held the thread during a slow one: a garbage collection, a truncation of the log.
    const gcs: number[] = [];
    const gcSeen = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcs.push(e.duration)));
    gcSeen.observe({ entryTypes: ['gc'] });
    const steadyWal0 = app.store.read.database.status().truncations;
    const slowSteady: string[] = [];
    for (let i = 0; i < STEADY_RUNS; i++) {
      clock.set(NOW + (RUNS + i + 1) * M);
      const s0 = performance.now();
      const x = runPass(app.ctx, { mode: 'due' });
      const ms = performance.now() - s0;
      steady.ms.push(ms);
      await new Promise((ok) => setImmediate(ok)); // the GC entries of this pass arrive
      if (ms > 5)
        slowSteady.push(
          `${round(ms, 1)} ms (visited ${x.visited}, writes ${round(x.writeMs, 1)} ms, GC ${round(
            gcs.reduce((a, b) => a + b, 0),
            1,
          )} ms)`,
        );
      gcs.length = 0;
      steady.visited.push(x.visited);
      steady.read.push(x.waitRead);
      steady.write.push(x.writeMs);
    }
    gcSeen.disconnect();
    const steadyTruncations = app.store.read.database.status().truncations - steadyWal0;
    // An hour later: the polls of the parcels in their first-scan window come due (1 h interval).
    clock.set(NOW + 2 * H);
    const h0 = performance.now();
    const hour = runPass(app.ctx, { mode: 'due' });
    const hourMs = performance.now() - h0;

    // Backlog: BACKLOG parcels picked in the last two hours, all at once: each needs its registration at the
    // aggregator and a first poll at its carrier, far more than the sources take in a pass.
    const t1 = NOW + 2 * H + 30 * M;
    clock.set(t1);
    const backlogSetupMs = writeParcels(app, {
      count: BACKLOG,
      from: PARCELS,
      batch: 5000,
      namePrefix: 'M',
      ordersAt: t1 - 3 * H,
      lines: LINES,
      parcel: (o, i) => {
        const pickedAt = t1 - r() * 2 * H;
        return {
          at: pickedAt,
          write: (emit, parcelId) => emit(pickedEvent(o, parcelId, numberOf(i))),
        };
      },
    });
    // The first look at the new parcels: each is truly due once (it is new).
    const l0 = performance.now();
    const firstLook = runPass(app.ctx, { mode: 'due' });
    const firstLookMs = performance.now() - l0;
    const waitingNow = () => db.prepare('SELECT count(*) FROM monitor_waiting').pluck().get() as number;
    const waitingAfterLook = waitingNow();
    // Then a pass a minute, the sources answering a minute's worth of requests between passes (not timed).
    const backlog = { ms: [] as number[], visited: [] as number[], read: [] as number[], write: [] as number[] };
    let answers = 0;
    for (let i = 0; i < RUNS; i++) {
      clock.set(t1 + (i + 1) * M);
      answers += sourcesAnswerAMinute(app, t1 + (i + 1) * M);
      const s0 = performance.now();
      const x = runPass(app.ctx, { mode: 'due' });
      backlog.ms.push(performance.now() - s0);
      backlog.visited.push(x.visited);
      backlog.read.push(x.waitRead);
      backlog.write.push(x.writeMs);
    }
    // The floor for a parcel's cost: the least a look writes, its due time (one row by key and its index
    // entry), for as many parcels as a backlog pass looked at, picked at random, in unsynced commits of 250.
    const perParcelFloor: number[] = [];
    const lookedPerPass = Math.round(summarize(backlog.visited).p50);
    for (let k = 0; k < 5; k++) {
      const rows = db.prepare('SELECT parcel_id, due_at FROM monitor_watch ORDER BY random() LIMIT ?').raw().all(lookedPerPass) as Array<[string, number]>;
      const f0 = performance.now();
      for (let i = 0; i < rows.length; i += 250) store.monitorDue(rows.slice(i, i + 250).map(([id, due]) => [id, due + 1, null]));
      perParcelFloor.push(((performance.now() - f0) * 1000) / Math.max(1, rows.length));
    }
    const writeFloor = summarize(perParcelFloor);
    // The floor for scans: the same scans with no pass running, just before the sliced passes.
    await new Promise((ok) => setTimeout(ok, 200)); // what the last commits set going (search, pushes) first
    const scanFloor = summarize(await scanEvery(FLOOR_SCANS, () => false));
    // Then passes as the console runs them (in slices, giving the loop back), scans arriving meanwhile:
    // the longest step, the longest the loop was held at once (other work included), each scan's wait.
    let held = 0;
    const stepMs: number[] = [];
    const backlogLongest = longestSteps();
    const during: number[] = [];
    let slicedVisited = 0;
    const backlogWal0 = app.store.read.database.status().truncations;
    for (let k = 0; k < SLICED_RUNS; k++) {
      const at = t1 + (RUNS + 1 + k) * M;
      clock.set(at);
      answers += sourcesAnswerAMinute(app, at);
      await new Promise((ok) => setTimeout(ok, 200));
      let done = false;
      let last = performance.now();
      const sliced = runPassSliced(app.ctx, { mode: 'due', onStep: (ms, where) => (stepMs.push(ms), backlogLongest.add(ms, where)) }).then(
        (x) => ((done = true), x),
      );
      const probe = new Promise<void>((ok) => {
        const tick = () => {
          const t = performance.now();
          held = Math.max(held, t - last);
          last = t;
          if (done) ok();
          else setImmediate(tick);
        };
        setImmediate(tick);
      });
      during.push(...(await scanEvery(Infinity, () => done)));
      await probe;
      slicedVisited += (await sliced)!.visited;
    }
    const scanDuring = summarize(during);
    const backlogTruncations = app.store.read.database.status().truncations - backlogWal0;
    const holdMax = Math.max(...stepMs);
    const scanBudget = scanFloor.p99 + 2 * 8;
    const waitingAfter = waitingNow();
    // The same state, looked at whole (what the pass cost before the wait lists: it visited every waiting parcel).
    clock.set(t1 + (RUNS + SLICED_RUNS + 1) * M);
    const w0 = performance.now();
    const whole = runPass(app.ctx, { mode: 'full' });
    const wholeMs = performance.now() - w0;

    const rss = process.memoryUsage().rss / 2 ** 20;
    const full = summarize(times);
    const inc = summarize(steady.ms);
    const bl = summarize(backlog.ms);
    const perParcel = summarize(backlog.ms.map((ms, i) => (ms * 1000) / Math.max(1, backlog.visited[i])));
    const p50 = (xs: number[]) => Math.round(summarize(xs).p50);
    const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2));
    await dispose(!!process.env.BENCH_MONITOR_KEEP);
    if (process.env.BENCH_MONITOR_KEEP) console.error(`kept ${dir}`);
    if (first.inFlight < PARCELS * 0.95) throw new Error(`monitor bench: only ${first.inFlight} parcels in flight`);
    const n = `${Math.round(PARCELS / 1000)}k`;
    const b = `${Math.round(BACKLOG / 1000)}k`;
    return [
      {
        key: 'monitor.pass_ms',
        value: round(inc.p50, 2),
        unit: 'ms',
        target: '<= 5',
        pass: inc.p50 <= 5 && inc.p99 <= 5,
        note: `steady incremental pass a minute after the last, ${first.inFlight} in flight: median ${round(inc.p50, 2)} / p99 ${round(inc.p99, 2)} ms looking at ${p50(steady.visited)} due parcels, ${p50(steady.read)} read from the wait lists; ${round(inc.p50 / commit.p50, 1)}x the floor (one small durable commit, p50 ${round(commit.p50, 2)} ms); the full pass over all of them ${round(full.p50, 1)} ms (ratio ${round(full.p50 / Math.max(inc.p50, 0.01), 0)}x); an hour on, ${hour.visited} due (polls in their window) took ${round(hourMs, 1)} ms in slices of 500; passes over 5 ms: ${slowSteady.join(', ') || 'none'}; the log truncated ${steadyTruncations} times meanwhile; load ${load.join(' ')}`,
      },
      {
        key: `monitor.pass_ms_backlog_${b}`,
        value: round(bl.p50, 2),
        unit: 'ms',
        target: 'info',
        note: `the total of a backlog pass: proportional to the parcels the sources answered, so it cannot be a few ms (the per-parcel cost, the longest hold and a scan's wait below are the targets). ${BACKLOG} new parcels at once on ${first.inFlight}: a pass a minute while the sources answer a minute's worth (${answers} answered requests in all): median ${round(bl.p50, 2)} / p99 ${round(bl.p99, 2)} ms (${round(bl.p50 / commit.p50, 1)}x one small durable commit), looking at ${p50(backlog.visited)} parcels (answered or just queued) and reading ${p50(backlog.read)} from the wait lists (what the sources had room for), committing ${round(summarize(backlog.write).p50, 1)} ms; waiting ${waitingAfterLook} -> ${waitingAfter}; the first look at the new parcels ${round(firstLookMs, 0)} ms (${firstLook.visited} visited, ${firstLook.registrationsQueued + firstLook.pollsQueued} requests queued); a full pass on the same backlog ${round(wholeMs, 0)} ms (${whole.visited} visited), ${round(wholeMs / Math.max(bl.p50, 0.01), 0)}x; load ${load.join(' ')}`,
      },
      {
        key: 'monitor.backlog_us_per_parcel',
        value: round(perParcel.p50, 1),
        unit: 'µs',
        target: `<= ${PER_PARCEL_FLOORS} x floor (${round(PER_PARCEL_FLOORS * writeFloor.p50, 1)})`,
        pass: perParcel.p50 <= PER_PARCEL_FLOORS * writeFloor.p50,
        note: `a backlog pass's time per parcel it looked at (the answered ones, plus those it queued from the wait lists), all writes and commits included: median ${round(perParcel.p50, 1)} / p99 ${round(perParcel.p99, 1)} µs over ${perParcel.n} passes; the floor, one due time written per parcel (${lookedPerPass} at random, commits of 250, unsynced, median of 5): ${round(writeFloor.p50, 1)} µs, ratio ${round(perParcel.p50 / writeFloor.p50, 1)}x; load ${load.join(' ')}`,
      },
      {
        key: 'monitor.backlog_hold_max_ms',
        value: round(holdMax, 1),
        unit: 'ms',
        target: `<= ${HOLD_MS}`,
        pass: holdMax <= HOLD_MS,
        note: `the longest single step of ${SLICED_RUNS} backlog passes run in slices as the console runs them (${stepMs.length} steps, p50 ${round(summarize(stepMs).p50, 1)} ms; ${slicedVisited} parcels looked at; longest: ${backlogLongest.text()}); the loop was held at most ${round(held, 1)} ms at a time, scans and other work included; the WAL truncated ${backlogTruncations} times meanwhile; load ${load.join(' ')}`,
      },
      {
        key: 'monitor.backlog_scan_p99_ms',
        value: round(scanDuring.p99, 1),
        unit: 'ms',
        target: `<= floor p99 + 16 (${round(scanBudget, 1)})`,
        pass: scanDuring.p99 <= scanBudget,
        note: `a scan every ${SCAN_EVERY_MS} ms while those passes ran, timed from when it was due (its wait behind a step counts): p50 ${round(scanDuring.p50, 1)} / p99 ${round(scanDuring.p99, 1)} / max ${round(scanDuring.max, 1)} ms over ${scanDuring.n}; the floor, the same scans with no pass running just before: p50 ${round(scanFloor.p50, 1)} / p99 ${round(scanFloor.p99, 1)} ms over ${scanFloor.n}; load ${load.join(' ')}`,
      },
      {
        key: `monitor.first_pass_hold_max_ms_${n}`,
        value: round(Math.max(...firstSteps), 1),
        unit: 'ms',
        target: `<= ${HOLD_MS}`,
        pass: Math.max(...firstSteps) <= HOLD_MS,
        note: `the first pass after start (full: every parcel, every wait list written, as after migrating to 0024), in slices: longest step of ${firstSteps.length} (p50 ${round(summarize(firstSteps).p50, 1)} ms; longest: ${firstLongest.text()}), ${round(firstMs / 1000, 1)} s in all; the WAL at most ${round(firstWalMax / 2 ** 20, 1)} MB, truncated ${firstTruncations} times meanwhile; load ${load.join(' ')}`,
      },
      {
        key: `monitor.full_pass_ms_${n}`,
        value: round(full.p50, 1),
        unit: 'ms',
        target: `<= ${FULL_PASS_READS} x a bare read just before (${round(FULL_PASS_READS * fullRead.p50, 1)})`,
        pass: fullRatio.p50 <= FULL_PASS_READS,
        note: `a pass over every one of ${first.inFlight} in flight at once (the reference a due pass is compared with; a console runs it only as its first pass, in slices), median of ${full.n}: p50 ${round(full.p50, 1)} / p99 ${round(full.p99, 1)} ms; the first pass after start, in slices: ${round(firstMs, 1)} ms from first step to last, ${round(
          firstSteps.reduce((a, b) => a + b, 0),
          1,
        )} ms of it holding the loop (opened ${first.opened} exceptions, queued ${first.registrationsQueued} registrations + ${first.pollsQueued} polls; its longest step is monitor.first_pass_hold_max_ms); the pass at once = ${round(fullRatio.p50, 1)}x a bare read of the parcels table just before it (median of the ratios; p99 ${round(fullRatio.p99, 1)}x; the read alone ${round(read.p50, 1)} ms before the passes); set-up ${round(setupMs / 1000, 1)} s + ${round(backlogSetupMs / 1000, 1)} s for the backlog`,
      },
      { key: 'monitor.rss_mb', value: round(rss, 1), unit: 'MB', target: 'info', note: 'main-process RSS after the passes' },
    ];
  },
};
