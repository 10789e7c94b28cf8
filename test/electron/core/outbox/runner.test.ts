import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { SettableClock } from '../../../../electron/core/clock';
import { GROUP_EVENTS, OutboxRunner } from '../../../../electron/core/outbox/runner';
import { PermanentJobError, jobHandler, type AnyJobHandler } from '../../../../electron/core/outbox/types';
import { TokenBucket } from '../../../../electron/capabilities/monitor/sources/rate-limit';
import type { JobRow } from '../../../../db/outbox/reader';
import { sqliteOf } from '../../../../db/core/handle';
import type { JobKind } from '../../../../db/job-types';

// The scripted handler takes the buyer e-mail kind: no app handler runs here (runJobs: false).
const KIND = 'monitor.buyer_email';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const BASE = 1_000;
const MAX = 8_000;

type Step = 'ok' | 'fail' | 'permanent' | 'hold';

/** A job handler scripted per job id; 'hold' keeps the job in flight until release(). */
class FakeHandler implements AnyJobHandler {
  kinds: JobKind[] = [KIND];
  backoff = { baseMs: BASE, maxMs: MAX };
  calls: string[] = [];
  private script = new Map<string, Step[]>();
  private held = new Map<string, () => void>();

  constructor(
    public concurrency = 4,
    public maxAttempts = Infinity,
  ) {}

  plan(id: string, ...steps: Step[]) {
    this.script.set(id, steps);
  }

  release(id: string) {
    this.held.get(id)?.();
    this.held.delete(id);
  }

  async run(job: JobRow) {
    this.calls.push(job.id);
    const step = this.script.get(job.id)?.shift() ?? 'ok';
    if (step === 'fail') throw new Error(`printer ${job.target} is offline`);
    if (step === 'permanent') throw new PermanentJobError(`parcel ${job.ref} does not exist`);
    if (step === 'hold') await new Promise<void>((r) => this.held.set(job.id, r));
    return { result: { ran: job.id } };
  }
}

let app: Awaited<ReturnType<typeof demoApp>>;
let clock: SettableClock;
let parcelId: string;

beforeEach(async () => {
  clock = new SettableClock(T0);
  app = await demoApp({ runJobs: false, demoOrders: 3, clock });
  const r = await api(app, 'pick.scan', { code: '#1001' });
  if (r.outcome !== 'issued') throw new Error('demo pick failed');
  parcelId = r.parcel.id;
  // Backoff jitter pinned to the middle: delay = min(max, base * 2^(attempt-1)).
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await app?.dispose();
});

/** Queue one job in its lane, written the way a reprint queues a label (its own commit, at the clock's now). */
function queue(id: string, target: string) {
  app.store.write('tester', clock.now(), (emit) =>
    emit({
      type: 'parcel.reprinted',
      subject: parcelId,
      payload: {
        parcelId,
        reason: 'runner test',
        jobs: [{ id, kind: KIND, target, ref: parcelId, payload: { to: 'buyer@example.com', subject: 'runner test', body: '' } }],
      },
    }),
  );
  clock.advance(1); // jobs of one lane are ordered by created_at
}

async function jobs() {
  const list = await api(app, 'jobs.list', { kind: KIND });
  return Object.fromEntries(list.map((j) => [j.id, j]));
}

async function runPass(runner: OutboxRunner): Promise<number> {
  const n = runner.pass();
  await runner.idle();
  return n;
}

describe('OutboxRunner', () => {
  it('stops at once with a job waiting for its pace: the job gives up before it sent anything and runs at the next start', async () => {
    // One request a minute, one token in the bucket: the second job waits about a minute for its turn.
    const bucket = new TokenBucket(1);
    const sent: string[] = [];
    const paced: AnyJobHandler = {
      kinds: [KIND],
      concurrency: 4,
      backoff: { baseMs: BASE, maxMs: MAX },
      maxAttempts: Infinity,
      async run(job, stopping) {
        await bucket.take(stopping);
        sent.push(job.id);
        return { result: { sent: job.id } };
      },
    };
    queue('job-1', 'lane-a');
    queue('job-2', 'lane-b');
    const runner = new OutboxRunner(app.store, clock, [paced]);
    expect(runner.pass()).toBe(2);
    await vi.waitFor(() => expect(sent).toEqual(['job-1']));
    expect(runner.running()).toEqual([KIND]);
    const t0 = performance.now();
    await runner.stop();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(sent).toEqual(['job-1']);
    // No attempt, no error: it was never sent. Its lease is let go, so the next start runs it at once.
    const j = await jobs();
    expect(j['job-2']).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    const next = new OutboxRunner(app.store, clock, [new FakeHandler()]);
    expect(await runPass(next)).toBe(1);
    expect((await jobs())['job-2']).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('runs one lane strictly in creation order: the second job waits until the failing head succeeds', async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    // Ids sort the other way round: order comes from creation, not from the id.
    queue('job-z-first', 'lane-a');
    queue('job-a-second', 'lane-a');
    h.plan('job-z-first', 'fail', 'fail', 'ok');

    expect(await runPass(runner)).toBe(1);
    let j = await jobs();
    const failedAt = clock.now().getTime();
    expect(j['job-z-first']).toMatchObject({ status: 'queued', attempts: 1, lastError: 'printer lane-a is offline' });
    expect(j['job-z-first'].nextAt).toBe(new Date(failedAt + BASE).toISOString());
    expect(j['job-a-second']).toMatchObject({ status: 'queued', attempts: 0, lastError: null });

    // Not due yet: nothing runs, and the second job does not overtake the head.
    clock.advance(BASE - 1);
    expect(await runPass(runner)).toBe(0);

    clock.advance(1);
    expect(await runPass(runner)).toBe(1);
    j = await jobs();
    expect(j['job-z-first']).toMatchObject({ status: 'queued', attempts: 2, lastError: 'printer lane-a is offline' });
    expect(j['job-z-first'].nextAt).toBe(new Date(clock.now().getTime() + 2 * BASE).toISOString());
    expect(j['job-a-second'].attempts).toBe(0);

    clock.advance(2 * BASE);
    expect(await runPass(runner)).toBe(1);
    j = await jobs();
    expect(j['job-z-first']).toMatchObject({ status: 'done', attempts: 3, lastError: null, doneAt: clock.now().toISOString() });
    expect(j['job-a-second'].status).toBe('queued');

    expect(await runPass(runner)).toBe(1);
    expect((await jobs())['job-a-second']).toMatchObject({ status: 'done', attempts: 1 });
    expect(h.calls).toEqual(['job-z-first', 'job-z-first', 'job-z-first', 'job-a-second']);
    expect(await runPass(runner)).toBe(0);
  });

  it('does not start the next job of a lane while its head is in flight', async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('job-1', 'lane-a');
    queue('job-2', 'lane-a');
    h.plan('job-1', 'hold');
    expect(runner.pass()).toBe(1);
    expect(runner.pass()).toBe(0);
    expect(h.calls).toEqual(['job-1']);
    h.release('job-1');
    await runner.idle();
    expect(await runPass(runner)).toBe(1);
    expect(h.calls).toEqual(['job-1', 'job-2']);
  });

  it('caps the backoff at maxMs and records every failure as an event', async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('job-1', 'lane-a');
    h.plan('job-1', 'fail', 'fail', 'fail', 'fail', 'fail');
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(await runPass(runner)).toBe(1);
      const j = (await jobs())['job-1'];
      expect(j.attempts).toBe(i + 1);
      const delay = Date.parse(j.nextAt) - clock.now().getTime();
      delays.push(delay);
      clock.advance(delay);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    const failed = (await api(app, 'events.export', {})).filter((e) => e.type === 'job.failed');
    expect(failed.map((e) => (e.payload as { attempt: number }).attempt)).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends a PermanentJobError to the dead letters with its message, and the lane moves on', async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('job-1', 'lane-a');
    queue('job-2', 'lane-a');
    h.plan('job-1', 'permanent');

    expect(await runPass(runner)).toBe(1);
    expect((await jobs())['job-1']).toMatchObject({ status: 'dead', attempts: 1, lastError: `parcel ${parcelId} does not exist` });
    expect(await api(app, 'jobs.list', { status: 'dead' })).toHaveLength(1);

    expect(await runPass(runner)).toBe(1);
    expect((await jobs())['job-2'].status).toBe('done');
    expect(await runPass(runner)).toBe(0); // a dead job is not retried by itself
    expect(h.calls).toEqual(['job-1', 'job-2']);
  });

  it('gives up after maxAttempts', async () => {
    const h = new FakeHandler(4, 2);
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('job-1', 'lane-a');
    h.plan('job-1', 'fail', 'fail', 'ok');
    await runPass(runner);
    clock.advance(MAX);
    await runPass(runner);
    expect((await jobs())['job-1']).toMatchObject({ status: 'dead', attempts: 2, lastError: 'printer lane-a is offline' });
    clock.advance(MAX);
    expect(await runPass(runner)).toBe(0);
  });

  it("'jobs.retry' puts a dead job back in the queue, due now, and it runs again", async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('job-1', 'lane-a');
    h.plan('job-1', 'permanent');
    await runPass(runner);
    expect((await jobs())['job-1'].status).toBe('dead');

    clock.advance(60_000);
    const r = await invoke(app.handlers, 'jobs.retry', { id: 'job-1' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data).toMatchObject({ id: 'job-1', status: 'queued', attempts: 1, nextAt: clock.now().toISOString() });
    expect(await api(app, 'jobs.list', { status: 'dead' })).toHaveLength(0);

    expect(await runPass(runner)).toBe(1);
    expect((await jobs())['job-1']).toMatchObject({ status: 'done', attempts: 2, lastError: null });

    const done = await invoke(app.handlers, 'jobs.retry', { id: 'job-1' });
    expect(done).toMatchObject({ ok: false, status: 409, error: { code: 'CONFLICT', message: 'This job already succeeded; there is nothing to retry.' } });
    const missing = await invoke(app.handlers, 'jobs.retry', { id: 'job-nope' });
    expect(missing).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
  });

  it("'jobs.retry' on a failing job makes it due now instead of after its backoff", async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('job-1', 'lane-a');
    h.plan('job-1', 'fail');
    await runPass(runner);
    expect(await runPass(runner)).toBe(0);
    await api(app, 'jobs.retry', { id: 'job-1' });
    expect(await runPass(runner)).toBe(1);
    expect((await jobs())['job-1'].status).toBe('done');
  });

  it('runs different lanes independently: a failing lane does not hold back another', async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    queue('a-1', 'lane-a');
    queue('a-2', 'lane-a');
    queue('b-1', 'lane-b');
    queue('b-2', 'lane-b');
    h.plan('a-1', 'fail');

    expect(await runPass(runner)).toBe(2); // both heads
    expect(await runPass(runner)).toBe(1); // b-2; lane a waits for its backoff
    const j = await jobs();
    expect(j['a-1']).toMatchObject({ status: 'queued', attempts: 1 });
    expect(j['a-2'].status).toBe('queued');
    expect(j['b-1'].status).toBe('done');
    expect(j['b-2'].status).toBe('done');
    expect(h.calls).toEqual(['a-1', 'b-1', 'b-2']);
  });

  it('works lanes at once up to the handler concurrency', async () => {
    const h = new FakeHandler(2);
    const runner = new OutboxRunner(app.store, clock, [h]);
    for (const lane of ['a', 'b', 'c']) {
      queue(`${lane}-1`, `lane-${lane}`);
      h.plan(`${lane}-1`, 'hold');
    }
    expect(runner.pass()).toBe(2);
    expect(runner.pass()).toBe(0);
    h.release('a-1');
    await vi.waitFor(() => expect(runner.pass()).toBe(1)); // a slot is free once a-1 has committed
    expect([...h.calls].sort()).toEqual(['a-1', 'b-1', 'c-1']);
    h.release('b-1');
    h.release('c-1');
    await runner.idle();
    const j = await jobs();
    expect(Object.values(j).map((x) => x.status)).toEqual(['done', 'done', 'done']);
  });

  it('commits outcomes finished together in groups of at most GROUP_EVENTS events, each outcome whole, one group a turn', async () => {
    // Issue 16: four polls' answers projected in one transaction held the loop 100-400 ms at 100k.
    class Chatty extends FakeHandler {
      override async run(job: JobRow) {
        this.calls.push(job.id);
        const scans = {
          type: 'monitor.scans_reported' as const,
          subject: parcelId,
          payload: { sourceId: 'test', via: 'poll' as const, scans: [], milestones: [] },
        };
        return { result: { ran: job.id }, events: Array.from({ length: 30 }, () => scans) };
      }
    }
    const runner = new OutboxRunner(app.store, clock, [new Chatty()]);
    for (const lane of ['a', 'b', 'c', 'd']) queue(`${lane}-1`, `lane-${lane}`);
    const commits: Array<{ jobs: number; events: number }> = [];
    // The outcomes' commits (the demo console's own background work may commit meanwhile).
    const off = app.store.onCommit((events) => {
      const jobs = events.filter((e) => e.type === 'job.succeeded').length;
      if (jobs) commits.push({ jobs, events: events.length });
    });
    expect(await runPass(runner)).toBe(4);
    off();
    expect(31 * 2).toBeGreaterThan(GROUP_EVENTS);
    expect(commits).toEqual(Array.from({ length: 4 }, () => ({ jobs: 1, events: 31 })));
    expect(Object.values(await jobs()).map((x) => x.status)).toEqual(['done', 'done', 'done', 'done']);
  });

  it("commits the outcomes of a handler's unsynced kinds without waiting for the disk, and every other outcome durably", async () => {
    // Issue 16: a flood of tracking polls at start held the loop in fsync at each group commit.
    const polls = Object.assign(new FakeHandler(), { unsynced: [KIND] as JobKind[] });
    // The connection's synchronous setting as each outcome commits (1 NORMAL, 2 FULL); listeners run inside the write.
    const db = sqliteOf(app.store);
    const modes: Record<string, unknown> = {};
    const off = app.store.onCommit((events) => {
      for (const e of events) if (e.type === 'job.succeeded') modes[(e.payload as { jobId: string }).jobId] = db.pragma('synchronous', { simple: true });
    });
    queue('a-1', 'lane-a');
    expect(await runPass(new OutboxRunner(app.store, clock, [polls]))).toBe(1);
    queue('b-1', 'lane-b');
    expect(await runPass(new OutboxRunner(app.store, clock, [new FakeHandler()]))).toBe(1);
    off();
    expect(modes).toEqual({ 'a-1': 1, 'b-1': 2 });
    expect(Object.values(await jobs()).map((x) => x.status)).toEqual(['done', 'done']);
  });

  it('leaves jobs of other kinds alone', async () => {
    const h = new FakeHandler();
    const runner = new OutboxRunner(app.store, clock, [h]);
    expect(await runPass(runner)).toBe(0);
    const labels = await api(app, 'jobs.list', { kind: 'print.' });
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ status: 'queued', attempts: 0, target: 'printer:demo-printer' });
  });

  it('takes each kind at one handler only, by the exact kind', () => {
    const twice = jobHandler({ concurrency: 1, backoff: { baseMs: 1, maxMs: 1 }, maxAttempts: 1, runs: { [KIND]: async () => ({ result: {} }) } });
    expect(twice.kinds).toEqual([KIND]);
    expect(() => new OutboxRunner(app.store, clock, [new FakeHandler(), twice])).toThrow('Job kind monitor.buyer_email has two handlers');
  });
});
