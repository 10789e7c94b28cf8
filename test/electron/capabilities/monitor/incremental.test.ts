import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, rmSync } from 'node:fs';
import { api, demoApp, tempDir } from '../../../support/app';
import { SettableClock } from '../../../../electron/core/clock';
import { runPass, runPassSliced } from '../../../../electron/capabilities/monitor/pass';
import { runtimeOf } from '../../../../electron/capabilities/monitor/runtime';
import { nextPollAt, phaseEndsAt, pollDueAt, pollPhase, type PollFacts } from '../../../../electron/capabilities/monitor/schedule';
import { evaluate, nextRuleChangeAt, type ParcelFacts } from '../../../../electron/capabilities/monitor/rules';
import { DEFAULT_RULES } from '../../../../electron/capabilities/monitor/settings';
import { sqliteOf } from '../../../../db/core/handle';
import type { TrackingStatus } from '../../../../db/monitor/events';
import { D, H, T0, drain, handOver, monitorApp, pick, type TestApp } from './helpers';

function rnd(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const STATUSES: Array<TrackingStatus | null> = [null, 'info_received', 'accepted', 'in_transit', 'out_for_delivery', 'failed_attempt', 'exception'];
const M = 60_000;

describe('the due time of a parcel: never later than its verdict or its next poll can change', () => {
  it('pollDueAt: the first instant nextPollAt allows, over every phase', () => {
    const r = rnd(7);
    for (let i = 0; i < 400; i++) {
      const handed = r() < 0.2 ? null : T0 + Math.floor(r() * 48) * H;
      const scanned = handed !== null && r() < 0.5;
      const f: PollFacts = {
        handedOverAt: handed,
        windowFrom: handed !== null && r() < 0.7 ? handed + Math.floor(r() * 72) * H : null,
        windowTo: null,
        trackStatus: scanned ? STATUSES[2 + Math.floor(r() * 5)] : null,
        firstScanAt: scanned ? handed! + 20 * H : null,
        lastScanAt: scanned ? handed! + Math.floor(20 + r() * 200) * H : null,
      };
      if (f.windowFrom !== null) f.windowTo = f.windowFrom + Math.floor(r() * 96) * H;
      const last = T0 + Math.floor(r() * 400) * 10 * M;
      const due = pollDueAt(f, last)!;
      // Not a minute before it: never due; at it: due.
      for (let t = last; t < due; t += 10 * M) expect(nextPollAt(f, last, t)! > t, `case ${i} at ${t}`).toBe(true);
      expect(nextPollAt(f, last, due)! <= due, `case ${i}`).toBe(true);
    }
  });

  it('phaseEndsAt: the polling phase stays the same until then, and changes at it', () => {
    const r = rnd(13);
    for (let i = 0; i < 200; i++) {
      const handed = r() < 0.2 ? null : T0 + Math.floor(r() * 48) * H;
      const scanned = handed !== null && r() < 0.5;
      const f: PollFacts = {
        handedOverAt: handed,
        windowFrom: handed !== null && r() < 0.7 ? handed + Math.floor(r() * 72) * H : null,
        windowTo: null,
        trackStatus: scanned ? STATUSES[2 + Math.floor(r() * 5)] : null,
        firstScanAt: scanned ? handed! + 20 * H : null,
        lastScanAt: scanned ? handed! + Math.floor(20 + r() * 200) * H : null,
      };
      if (f.windowFrom !== null) f.windowTo = f.windowFrom + Math.floor(r() * 96) * H;
      const now = T0 + Math.floor(r() * 300) * 20 * M;
      const end = phaseEndsAt(f, now);
      const here = pollPhase(f, now);
      for (let t = now; t < (end ?? now + 20 * D); t += 30 * M) if (pollPhase(f, t) !== here) expect.fail(`case ${i}: ${pollPhase(f, t)} at ${t}`);
      if (end !== null) {
        expect(end > now, `case ${i}`).toBe(true);
        expect(pollPhase(f, end), `case ${i}`).not.toBe(here);
        expect(pollPhase(f, end - 1), `case ${i}`).toBe(here);
      }
    }
  });

  it('nextRuleChangeAt: the finding stays the same until then', () => {
    const r = rnd(11);
    const t = { noFirstScanHours: 72, noUpdateDays: 5, lostDays: 15 };
    for (let i = 0; i < 200; i++) {
      const picked = T0;
      const handed = r() < 0.3 ? null : picked + Math.floor(r() * 30) * H;
      const scanned = handed !== null && r() < 0.6;
      const f: ParcelFacts = {
        pickedAt: picked,
        pickupAt: r() < 0.5 ? picked + 8 * H : null,
        handedOverAt: handed,
        trackStatus: scanned ? STATUSES[2 + Math.floor(r() * 5)] : null,
        firstScanAt: scanned ? handed! + 30 * H : null,
        lastScanAt: scanned ? handed! + Math.floor(30 + r() * 100) * H : null,
      };
      const now = picked + Math.floor(r() * 30 * 24) * H;
      const key = (x: ReturnType<typeof evaluate>) => (x ? `${x.cause}@${x.since}` : 'none');
      const at = nextRuleChangeAt(f, DEFAULT_RULES, t, now) ?? now + 40 * D;
      const here = key(evaluate(f, DEFAULT_RULES, t, now));
      for (let x = now; x < at; x += H) expect(key(evaluate(f, DEFAULT_RULES, t, x)), `case ${i}`).toBe(here);
    }
  });
});

type Passed = { summary: ReturnType<typeof runPass>; did: string[] };

/** What a pass decided, in terms both copies share (exception ids are new at each). */
function passAt(app: TestApp, at: number, mode: 'full' | 'due'): Passed {
  app.clock.set(at);
  const db = sqliteOf(app.store);
  const seq = db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get() as number;
  const summary = runPass(app.ctx, { mode, slice: 7 });
  const rows = db.prepare("SELECT type, subject, payload FROM events WHERE seq > ? AND actor = 'monitor'").all(seq) as Array<{
    type: string;
    subject: string;
    payload: string;
  }>;
  const did = rows
    .flatMap((e) => {
      const p = JSON.parse(e.payload) as {
        cause?: string;
        reason?: string;
        since?: string;
        jobs?: Array<{ job: { kind: string; payload: { numbers: Array<{ parcelId: string }> } } }>;
      };
      if (e.type === 'monitor.polls_queued')
        return p.jobs!.map(
          (j) =>
            `${e.subject} ${j.job.kind} ${j.job.payload.numbers
              .map((n) => n.parcelId)
              .sort()
              .join(',')}`,
        );
      return [`${e.type} ${e.subject} ${p.cause ?? ''} ${p.since ?? ''} ${p.reason ?? ''}`];
    })
    .sort();
  return { summary, did };
}

const zoned = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 16).replace('T', ' ');

let a: TestApp | undefined;
let b: TestApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await a?.close();
  await b?.close();
  a = b = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(dir: string): Promise<TestApp> {
  const clock = new SettableClock(T0);
  const app = await demoApp({ dataDir: dir, runJobs: false, monitorTimers: false, testClock: clock, demoOrders: 40 });
  let real = 0;
  runtimeOf(app.ctx).realNowMs = () => (real += 60_000);
  return Object.assign(app, { clock });
}

describe('the incremental monitor pass', () => {
  it('looks only at the due parcels and decides exactly what the full pass decides, over three weeks', async () => {
    const seed = await monitorApp(40);
    const dir = seed.dir;
    const parcels = [];
    for (let i = 0; i < 40; i++) parcels.push(await pick(seed, `#${1001 + i}`));
    // Most are handed over on day 0, a few stay on the floor (not handed over).
    const byLine = new Map<string, string[]>();
    for (const p of parcels.slice(0, 34)) byLine.set(p.lineId, [...(byLine.get(p.lineId) ?? []), p.trackingNumber]);
    for (const [line, numbers] of byLine) await handOver(seed, line, numbers);
    await seed.close();
    const copy = tempDir('fs-incr-');
    cpSync(dir, copy, { recursive: true });
    dirs.push(dir, copy);
    a = await open(dir); // the full pass, as before
    b = await open(copy); // the incremental one

    // Carrier scans, the same at both, imported as a file on given days: first scans, movement, deliveries,
    // failed attempts, and parcels that go quiet (no update, lost).
    const r = rnd(3);
    const scansOn = new Map<number, string[]>();
    for (const [i, p] of parcels.slice(0, 34).entries()) {
      if (i % 7 === 6) continue; // never scanned: no first scan, then lost
      const first = 1 + Math.floor(r() * 5);
      const add = (day: number, status: string) =>
        scansOn.set(day, [...(scansOn.get(day) ?? []), `${p.trackingNumber},${status},${zoned(T0 + day * D - 3 * H)},Hub`]);
      add(first, 'Accepted');
      if (i % 5 === 0) continue; // stops after the first scan: no update, then lost
      add(first + 2, 'In transit');
      if (i % 4 === 0) add(first + 6, 'Failed delivery attempt');
      else if (i % 3 !== 0) add(first + 7, 'Delivered');
    }

    let fullVisited = 0;
    let dueVisited = 0;
    let steps = 0;
    for (let at = T0 + H; at <= T0 + 21 * D; at += 3 * H) {
      const day = Math.floor((at - T0) / D);
      const rows = scansOn.get(day);
      if (rows && (at - T0) % D < 3 * H) {
        const csv = `tracking_number,status,scanned_at,location\n${rows.join('\n')}\n`;
        await api(a, 'monitor.import', { csv });
        await api(b, 'monitor.import', { csv });
      }
      const full = passAt(a, at, 'full');
      const due = passAt(b, at, 'due');
      expect(due.did, `at day ${((at - T0) / D).toFixed(2)}`).toEqual(full.did);
      expect(full.summary.visited).toBe(full.summary.inFlight);
      expect(due.summary.inFlight).toBe(full.summary.inFlight);
      // The sources are asked (the emulated carriers answer both consoles alike).
      await drain(a);
      await drain(b);
      fullVisited += full.summary.visited;
      dueVisited += due.summary.visited;
      steps++;
    }
    // Same exceptions at both, opened, changed and closed alike.
    const exceptions = (app: TestApp) =>
      (
        sqliteOf(app.store)
          .prepare('SELECT parcel_id, cause, status, since, resolution FROM monitor_exceptions ORDER BY parcel_id, opened_at')
          .all() as unknown[]
      ).map((x) => JSON.stringify(x));
    expect(exceptions(b)).toEqual(exceptions(a));
    expect(exceptions(a).length).toBeGreaterThan(10);
    // Fewer looks even so (the pass runs every minute in a console: then almost none are due each time).
    expect(dueVisited).toBeLessThan(fullVisited); // passes 3 h apart: most parcels have a poll due each time
    console.log(`full pass looked at ${fullVisited} parcels over ${steps} passes; the incremental one at ${dueVisited}`);
  }, 300_000);

  it('with nothing new, looks at nothing; k parcels scanned: reads those k, and only their tracking is asked for', async () => {
    a = await monitorApp(30);
    const parcels = [];
    for (let i = 0; i < 30; i++) parcels.push(await pick(a, `#${1001 + i}`));
    const byLine = new Map<string, string[]>();
    for (const p of parcels) byLine.set(p.lineId, [...(byLine.get(p.lineId) ?? []), p.trackingNumber]);
    for (const [line, numbers] of byLine) await handOver(a, line, numbers);
    a.clock.set(T0 + 2 * H);
    const first = runPass(a.ctx);
    expect(first.mode).toBe('full'); // the console's first pass
    expect(first.visited).toBe(30);
    await drain(a); // registrations and first polls answered by the emulated sources
    // The answers change what it knows (due again: the aggregator's first poll is queued for all of them);
    // a queued request needs no look before it is answered or expires, so then, with nothing new, a pass
    // looks at nothing.
    const looked: number[] = [];
    for (let i = 1; i <= 4 && looked[looked.length - 1] !== 0; i++) {
      a.clock.set(T0 + 2 * H + i * M);
      looked.push(runPass(a.ctx).visited);
    }
    expect(looked).toEqual([30, 0]);
    a.clock.set(T0 + 2 * H + 5 * M);
    expect(runPass(a.ctx)).toMatchObject({ mode: 'due', visited: 0, inFlight: 30, pollsQueued: 0, registrationsQueued: 0 });

    // Three parcels get a carrier scan (a file): the next pass reads those three and no other.
    const k = parcels.slice(0, 3);
    const csv = `tracking_number,status,scanned_at,location\n${k.map((p) => `${p.trackingNumber},Accepted,${zoned(T0 + 2 * H)},Hub`).join('\n')}\n`;
    await api(a, 'monitor.import', { csv });
    a.clock.set(T0 + 2 * H + 6 * M);
    const after = runPass(a.ctx);
    expect(after.visited).toBe(3);

    // An hour on, the parcels whose poll interval (1 h in their window) has passed are due: the requests the
    // sources get are for those parcels only, and the pass looked at no parcel it did not ask about or judge.
    a.clock.set(T0 + 3 * H + 3 * M);
    const hour = runPass(a.ctx);
    expect(hour.visited).toBeGreaterThan(0);
    expect(hour.visited).toBeLessThanOrEqual(30);
    const queued = a.store.read.jobs.list({ kindPrefix: 'monitor.poll', status: 'queued', limit: 500 });
    const asked = new Set(queued.flatMap((j) => (j.payload as { numbers: Array<{ parcelId: string }> }).numbers.map((n) => n.parcelId)));
    expect(asked.size).toBeGreaterThan(0);
    expect(asked.size).toBeLessThanOrEqual(hour.visited);
  }, 120_000);
});

/** The console's sources, each taking one request a minute of `batch` numbers: far fewer than are waiting. */
function narrow(app: TestApp, batch: number) {
  const rt = runtimeOf(app.ctx);
  rt.sources = rt.sources.map((s) => ({ ...s, ratePerMin: 1, batchSize: batch }));
  return rt.sources.filter((s) => s.delivery === 'poll' || s.needsRegistration);
}

/** The parcels each source was asked about by the monitor events after `seq`, per source and kind, in order. */
function askedSince(app: TestApp, seq: number): Array<{ source: string; kind: string; ids: string[] }> {
  const rows = sqliteOf(app.store)
    .prepare("SELECT payload FROM events WHERE seq > ? AND type = 'monitor.polls_queued' ORDER BY seq")
    .pluck()
    .all(seq) as string[];
  return rows.flatMap((p) => {
    const e = JSON.parse(p) as { sourceId: string; jobs: Array<{ job: { kind: string; payload: { numbers: Array<{ parcelId: string }> } } }> };
    return e.jobs.map((j) => ({ source: e.sourceId, kind: j.job.kind, ids: j.job.payload.numbers.map((n) => n.parcelId) }));
  });
}

describe('the incremental monitor pass with a backlog (more parcels waiting than the sources take per pass)', () => {
  it('reads only what each source has room for plus what is truly due, oldest first, and decides what the full pass decides', async () => {
    const seed = await monitorApp(60);
    const dir = seed.dir;
    const parcels: Array<Awaited<ReturnType<typeof pick>>> = [];
    for (let i = 0; i < 60; i++) parcels.push(await pick(seed, `#${1001 + i}`));
    const byLine = new Map<string, string[]>();
    for (const p of parcels) byLine.set(p.lineId, [...(byLine.get(p.lineId) ?? []), p.trackingNumber]);
    for (const [line, numbers] of byLine) await handOver(seed, line, numbers);
    await seed.close();
    const copy = tempDir('fs-incr-');
    cpSync(dir, copy, { recursive: true });
    dirs.push(dir, copy);
    a = await open(dir); // the full pass, the reference
    b = await open(copy); // the incremental one
    const sources = narrow(a, 1);
    narrow(b, 1);
    // What a source can have queued at once (5 minutes of its rate), in parcels: all sources together.
    const room = sources.reduce((n, s) => n + s.ratePerMin * 5 * s.batchSize, 0);
    // Waiting: the first requests (a registration, or a carrier's first poll) not made yet, over all sources.
    const firstAsked = new Set<string>();
    const firstRequests = sources.reduce((n, s) => n + parcels.filter((p) => s.lineIds === 'all' || s.lineIds.includes(p.lineId)).length, 0);
    const waiting = () => firstRequests - firstAsked.size;

    // Passes a minute apart, as a console runs them; the sources answer what is due between passes.
    const seen = { visited: 0, read: 0, passes: 0, backlog: 0 };
    const asked: Array<{ source: string; kind: string; ids: string[] }> = [];
    let answered = true;
    for (let i = 0; i < 60; i++) {
      const at = T0 + 2 * H + i * M;
      const seq = sqliteOf(b.store).prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get() as number;
      const full = passAt(a, at, 'full');
      const due = passAt(b, at, 'due');
      expect(due.did, `pass ${i}`).toEqual(full.did);
      const now = askedSince(b, seq);
      asked.push(...now);
      for (const j of now)
        if (j.kind === 'monitor.register' || !sources.find((s) => s.id === j.source)!.needsRegistration)
          j.ids.forEach((id) => firstAsked.add(`${j.source} ${id}`));
      const served = now.reduce((n, j) => n + j.ids.length, 0);
      if (i > 0 && !answered) {
        // Nothing was answered and no poll came due by time since the last pass: it looks at no parcel, neither
        // the ones it just asked about (their requests are queued) nor the ones still waiting.
        expect(due.summary.visited, `pass ${i}`).toBe(0);
      }
      seen.backlog = Math.max(seen.backlog, waiting());
      if (i > 0) {
        // From the wait lists it reads no more than the sources have room for, and serves all it reads.
        expect(due.summary.waitRead, `pass ${i}`).toBeLessThanOrEqual(room);
        expect(due.summary.waitRead, `pass ${i}`).toBe(served);
        seen.visited += due.summary.visited;
        seen.read += due.summary.waitRead;
        seen.passes++;
      }
      // The sources answer every other minute: the passes between see nothing new but their own requests.
      answered = i % 2 === 1;
      if (answered) {
        await drain(a);
        await drain(b);
      }
    }
    expect(seen.backlog).toBeGreaterThan(2 * room); // a real backlog: more waiting than the sources could ever hold

    // Fair: each source took its registrations oldest parcel first, and its first polls in the order the
    // parcels fell due (all were picked at the same instant here: by parcel), none left behind.
    for (const s of sources) {
      for (const kind of ['monitor.register', 'monitor.poll']) {
        const firstAsked: string[] = [];
        for (const j of asked.filter((x) => x.source === s.id && x.kind === kind)) for (const id of j.ids) if (!firstAsked.includes(id)) firstAsked.push(id);
        if (kind === 'monitor.register') expect(firstAsked, s.id).toEqual([...firstAsked].sort());
        if (kind === 'monitor.poll' && !s.needsRegistration) expect(firstAsked, s.id).toEqual([...firstAsked].sort());
      }
    }
    // Per pass it read about what the sources take, not the backlog.
    const perPass = (seen.visited + seen.read) / seen.passes;
    console.log(`backlog up to ${seen.backlog} waiting; a due pass read ${perPass.toFixed(1)} rows on average (room ${room})`);
    expect(perPass).toBeLessThan(seen.backlog / 4);
  }, 300_000);
});

describe('the monitor pass gives the event loop back', () => {
  it('between slices, whatever the backlog: other work (a scan) runs while it works', async () => {
    a = await monitorApp(31);
    for (let i = 0; i < 30; i++) await pick(a, `#${1001 + i}`);
    a.clock.set(T0 + 2 * H);
    // Count the turns the loop takes while the pass runs: each is a moment a scan could be answered in.
    let done = false;
    let turns = 0;
    const pass = runPassSliced(a.ctx, { mode: 'full', slice: 5 }).then((r) => ((done = true), r));
    await new Promise<void>((ok) => {
      const tick = () => (done ? ok() : (turns++, setImmediate(tick)));
      setImmediate(tick);
    });
    const r = (await pass)!;
    expect(r.visited).toBe(30);
    expect(turns).toBeGreaterThanOrEqual(30 / 5 - 1);
    // And a due pass (each parcel is due again: its requests were queued), with a scan arriving meanwhile.
    a.clock.set(T0 + 2 * H + M);
    done = false;
    turns = 0;
    const next = runPassSliced(a.ctx, { mode: 'due', slice: 5 }).then((x) => ((done = true), x));
    const scan = api(a, 'pick.scan', { code: '#1031' });
    await new Promise<void>((ok) => {
      const tick = () => (done ? ok() : (turns++, setImmediate(tick)));
      setImmediate(tick);
    });
    expect((await scan).outcome).toBe('issued');
    expect((await next)!.mode).toBe('due');
  }, 120_000);

  it('reads a long wait list a part at a time, yielding between parts, when its source has room for much of it', async () => {
    a = await monitorApp(31);
    for (let i = 0; i < 30; i++) await pick(a, `#${1001 + i}`);
    a.clock.set(T0 + 2 * H);
    // Sources that take one number a minute: most of the 30 parcels go on their wait lists.
    narrow(a, 1);
    runPass(a.ctx, { mode: 'full', slice: 5 });
    const waiting = () => sqliteOf(a!.store).prepare('SELECT count(*) FROM monitor_waiting').pluck().get() as number;
    const before = waiting();
    expect(before).toBeGreaterThanOrEqual(40);
    // Then they have room for everything waiting: a due pass queues it all, reading each list's head a part
    // of about a slice at a time (what it queued left the list), never the whole budget at once.
    const rt = runtimeOf(a.ctx);
    rt.sources = rt.sources.map((x) => ({ ...x, ratePerMin: 60 }));
    const reader = a.store.read.monitor;
    const read = reader.waiting.bind(reader);
    const asked: number[] = [];
    reader.waiting = (sourceId, kind, limit) => {
      asked.push(limit);
      return read(sourceId, kind, limit);
    };
    a.clock.set(T0 + 2 * H + M);
    let steps = 0;
    const r = (await runPassSliced(a.ctx, { mode: 'due', slice: 5, onStep: () => steps++ }))!;
    expect(r.registrationsQueued + r.pollsQueued).toBe(before);
    expect(waiting()).toBe(0);
    expect(Math.max(...asked)).toBeLessThanOrEqual(5);
    expect(steps).toBeGreaterThanOrEqual(before / 5);
  }, 120_000);

  it('sizes its queuing steps apart from its looks: a look that takes 500 parcels does not queue 500 numbers at once', async () => {
    a = await monitorApp(31);
    for (let i = 0; i < 30; i++) await pick(a, `#${1001 + i}`);
    a.clock.set(T0 + 2 * H);
    // As a pass that ended with cheap looks and dear commits left them: looks of 500, queuing 2 numbers a step.
    runtimeOf(a.ctx).slice = { look: 500, queue: 2, clear: 25 };
    const commits: number[] = [];
    const off = a.store.onCommit((events) => {
      for (const e of events) if (e.type === 'monitor.polls_queued') commits.push((e.payload as { jobs: unknown[] }).jobs.length);
    });
    const ends: string[] = [];
    const r = (await runPassSliced(a.ctx, { mode: 'full', onStep: (_, where) => ends.push(where) }))!;
    off();
    expect(r.visited).toBe(30);
    // All 30 looked at in one step; the first commit queued one request (one batch: the least a step can hold).
    expect(ends.filter((w) => / > look\b/.test(w))).toHaveLength(1);
    expect(r.registrationsQueued + r.pollsQueued).toBeGreaterThan(1);
    expect(commits[0]).toBe(1);
    expect(commits.length).toBeGreaterThan(1);
  }, 120_000);
});
