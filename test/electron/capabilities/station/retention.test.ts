import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp, tempDir } from '../../../support/app';
import { sqliteOf } from '../../../../db/core/handle';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { fingerprint } from '../../../../db/fingerprint';
import { Replica } from '../../../../db/replica/replica';
import { drain, stationWithHistory, type RetentionApp } from './retention-helpers';
import { planOf, preparedDuring } from '../../../support/floor-screens';
import { archiveRun, nextBatch, type BatchTimes } from '../../../../electron/capabilities/station/retention';
import type { JobRow } from '../../../../db/outbox/reader';
import { JobStopped } from '../../../../electron/core/outbox/types';

let app: RetentionApp | undefined;
let other: RetentionApp | undefined;
afterEach(async () => {
  await app?.dispose();
  await other?.dispose();
  app = other = undefined;
});

const count = (a: RetentionApp, sql: string, ...args: unknown[]) =>
  sqliteOf(a.store)
    .prepare(sql)
    .pluck()
    .get(...args) as number;
const sum = (batches: BatchTimes[]) => batches.reduce((n, b) => n + b.parcels, 0);
const inList = (ids: string[]) => `(${ids.map((id) => `'${id}'`).join(',')})`;

describe('retention: delivered parcels past the horizon go to the archive file', () => {
  it('moves their scans, poll state and finished jobs out of the hot database, closes their exceptions, and they stay findable', async () => {
    const h = await stationWithHistory({ old: 12, recent: 4, transit: 4 });
    app = h.app;
    const old = h.old.map((p) => p.id);
    const recent = h.recent.map((p) => p.id);
    const scansBefore = count(app, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN ${inList(old)}`);
    const jobsBefore = count(app, `SELECT count(*) FROM jobs WHERE status = 'done' AND ref IN ${inList(old)}`);
    const pollsBefore = count(app, `SELECT count(*) FROM monitor_source_parcels WHERE parcel_id IN ${inList(old)}`);
    expect(scansBefore).toBeGreaterThanOrEqual(36); // accepted, in transit, delivered (+ the manifest scan a poll found)
    expect(pollsBefore).toBe(24); // the aggregator and the carrier's own API
    expect(jobsBefore).toBeGreaterThanOrEqual(12); // the label (+ the polls' and registrations' done jobs have no parcel ref)
    // Delivered, but the monitor has not looked since: their "not handed over" exceptions are still open.
    expect(count(app, `SELECT count(*) FROM monitor_exceptions WHERE status = 'open' AND parcel_id IN ${inList(old)}`)).toBe(12);
    const fresh = await api(app, 'retention.get', {});
    expect(fresh).toMatchObject({ horizonDays: 90, defaultDays: 90, runs: [] });
    expect(fresh.archive.file).toMatch(/firstscan-archive\.db$/);

    const started = await api(app, 'retention.run', {});
    expect(started.started).toBe(true);
    expect(await api(app, 'retention.run', {})).toEqual({ runId: started.runId, started: false }); // one at a time
    await drain(app);

    // Hot: gone for the old ones, untouched for the recent and in-transit ones.
    expect(count(app, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN ${inList(old)}`)).toBe(0);
    expect(count(app, `SELECT count(*) FROM jobs WHERE ref IN ${inList(old)}`)).toBe(0);
    expect(count(app, `SELECT count(*) FROM monitor_source_parcels WHERE parcel_id IN ${inList(old)}`)).toBe(0);
    expect(count(app, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN ${inList(recent)}`)).toBeGreaterThanOrEqual(12); // (the drain's polls add the manifest scan)
    expect(count(app, `SELECT count(*) FROM jobs WHERE status = 'done' AND kind = 'print.label' AND ref IN ${inList(recent)}`)).toBe(4);
    // The archive has them, once each.
    expect(count(app, `SELECT count(*) FROM archive.monitor_scans WHERE parcel_id IN ${inList(old)}`)).toBe(scansBefore);
    expect(count(app, `SELECT count(*) FROM archive.jobs WHERE ref IN ${inList(old)}`)).toBe(jobsBefore);
    expect(count(app, 'SELECT count(*) FROM archive.monitor_scans')).toBe(scansBefore);
    // Their exceptions closed, each with an event that says why.
    expect(count(app, `SELECT count(*) FROM monitor_exceptions WHERE status = 'open' AND parcel_id IN ${inList(old)}`)).toBe(0);
    expect(count(app, `SELECT count(*) FROM events WHERE type = 'monitor.exception_cleared' AND actor = 'retention' AND subject IN ${inList(old)}`)).toBe(12);
    // The run, as the screens show it.
    const after = await api(app, 'retention.get', {});
    expect(after.runs).toHaveLength(1);
    expect(after.runs[0]).toMatchObject({
      runId: started.runId,
      parcels: 12,
      rows: scansBefore + jobsBefore + pollsBefore,
      exceptionsClosed: 12,
      trigger: 'console',
    });
    expect(after.runs[0].bytes).toBeGreaterThan(1000);
    expect(after.runs[0].finishedAt).not.toBeNull();
    expect(after.archive).toMatchObject({ parcels: 12, rows: scansBefore + jobsBefore + pollsBefore });
    expect(after.archive.bytes).toBeGreaterThan(0);

    // Still found by search, and its panel says where its rows went (and lists them from there).
    const p0 = h.old[0];
    const found = await api(app, 'parcels.list', { q: p0.trackingNumber, limit: 10 });
    expect(found.rows.map((r) => r.id)).toEqual([p0.id]);
    const got = await api(app, 'parcels.get', { id: p0.id });
    expect(got.archived).toMatchObject({ file: 'firstscan-archive.db' });
    expect(got.archived!.scans).toBeGreaterThanOrEqual(3);
    expect(got.jobs.map((j) => `${j.kind} ${j.status}`)).toContain('print.label done');
    expect(got.events.filter((e) => e.type === 'monitor.scans_reported').length).toBeGreaterThanOrEqual(1); // the event log is whole
    const diag = await api(app, 'monitor.parcel', { id: p0.id });
    expect(diag.scans.map((s) => s.status)).toEqual(expect.arrayContaining(['accepted', 'in_transit', 'delivered']));

    // Idempotent: a second run finds nothing left.
    app.clock.set(app.clock.now().getTime() + 2 * 86_400_000);
    const again = await api(app, 'retention.run', {});
    expect(again.started).toBe(true);
    await drain(app);
    expect((await api(app, 'retention.get', {})).runs[0]).toMatchObject({ runId: again.runId, parcels: 0, rows: 0 });
    expect(count(app, 'SELECT count(*) FROM archive.monitor_scans')).toBe(scansBefore);

    // The log rebuilds the same hot tables (the archive stays as it is).
    const db = sqliteOf(app.store);
    const live = dumpProjections(db);
    const print = fingerprint(db).hash;
    rebuildProjections(db);
    expect(dumpProjections(db)).toEqual(live);
    expect(fingerprint(db).hash).toBe(print);
  }, 120_000);

  it("finds a batch's finished jobs by their parcels, not by reading every finished job of the station", async () => {
    const h = await stationWithHistory({ old: 3, recent: 1, transit: 1 });
    app = h.app;
    const a = app;
    const sqls = await preparedDuring(a, async () => {
      await api(a, 'retention.run', {});
      await drain(a);
    });
    // Every statement of a batch on the hot jobs table (the count for the event, the copy, the delete).
    const onJobs = sqls.filter((s) => /(^|[\s(])(main\.)?jobs\b/.test(s) && /\bref IN \(/.test(s));
    expect(onJobs.length).toBeGreaterThanOrEqual(3);
    for (const s of onJobs) {
      const plan = planOf(a, s).join(' | ');
      expect(plan, s).toContain('jobs_ref');
      expect(plan, s).not.toMatch(/jobs_queued_order|SCAN jobs/);
    }
  });

  it("gives the console's thread back between a batch's reads, its archive copy and its hot write: a scan goes between them", async () => {
    const h = await stationWithHistory({ old: 12, recent: 1, transit: 1 });
    app = h.app;
    const store = app.store;
    // A turn of the loop queued as each step ends has run by the time the next step starts.
    let turned = true;
    const steps: boolean[] = [];
    const mark = () => ((turned = false), setImmediate(() => (turned = true)));
    const read = store.read.retention;
    const openExceptionsOf = read.openExceptionsOf.bind(read);
    read.openExceptionsOf = (ids) => {
      const r = openExceptionsOf(ids);
      mark();
      return r;
    };
    const archiveCopy = store.archiveCopy.bind(store);
    store.archiveCopy = (ids, at) => {
      steps.push(turned);
      archiveCopy(ids, at);
      mark();
    };
    const write = store.write.bind(store);
    store.write = ((actor: string, at: Date, fn: never) => {
      if (actor === 'retention') steps.push(turned);
      return write(actor, at, fn);
    }) as typeof store.write;
    await api(app, 'retention.run', {});
    const job = store.read.jobs.list({ kindPrefix: 'retention.', status: 'queued', limit: 1 })[0] as JobRow<'retention.archive'>;
    await archiveRun(app.ctx, job, { batch: 5 });
    expect(steps).toEqual([true, true, true, true, true, true]); // three batches (5, 5, 2), each copy and write after a turn
    expect(count(app, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN ${inList(h.old.map((p) => p.id))}`)).toBe(0);
  });

  it("takes a batch's rows out of the hot database only after their copy in the archive file is flushed to disk", async () => {
    const dataDir = tempDir('fs-retention-flush-');
    const h = await stationWithHistory({ old: 12, recent: 1, transit: 1, dataDir });
    app = h.app;
    const store = app.store;
    const order: string[] = [];
    const archiveCopy = store.archiveCopy.bind(store);
    store.archiveCopy = (ids, at) => (order.push('copy'), archiveCopy(ids, at));
    const archiveFlush = store.archiveFlush.bind(store);
    store.archiveFlush = async () => {
      order.push('flush');
      await archiveFlush();
      order.push('flushed');
    };
    const write = store.write.bind(store);
    store.write = ((actor: string, at: Date, fn: never) => {
      if (actor === 'retention') order.push('hot');
      return write(actor, at, fn);
    }) as typeof store.write;
    await api(app, 'retention.run', {});
    const job = store.read.jobs.list({ kindPrefix: 'retention.', status: 'queued', limit: 1 })[0] as JobRow<'retention.archive'>;
    await archiveRun(app.ctx, job, { batch: 5 });
    expect(order.join(' ')).toBe(Array(3).fill('copy flush flushed hot').join(' ')); // batches of 5, 5, 2
    expect(count(app, 'SELECT count(*) FROM archive.monitor_scans')).toBeGreaterThan(0);
  });

  it("sizes its batches to hold the console's thread about 3 ms a step, from 5 to 50 parcels, and archives each parcel once", async () => {
    expect(nextBatch(10, { readMs: 0.6, copyMs: 1, writeMs: 1.5 })).toBe(20); // quick batches grow
    expect(nextBatch(40, { readMs: 1, copyMs: 2, writeMs: 12 })).toBe(10); // the longest step decides, its commit included
    expect(nextBatch(40, { readMs: 1, copyMs: 12, writeMs: 2 })).toBe(10);
    expect(nextBatch(40, { readMs: 12, copyMs: 1, writeMs: 1 })).toBe(10);
    expect(nextBatch(10, { readMs: 0, copyMs: 0, writeMs: 0 })).toBe(50);
    expect(nextBatch(6, { readMs: 900, copyMs: 900, writeMs: 900 })).toBe(5); // a stalled disk: the smallest, never none
    const h = await stationWithHistory({ old: 40, recent: 2, transit: 2 });
    app = h.app;
    await api(app, 'retention.run', {});
    const job = app.store.read.jobs.list({ kindPrefix: 'retention.', status: 'queued', limit: 1 })[0] as JobRow<'retention.archive'>;
    const batches: BatchTimes[] = [];
    await archiveRun(app.ctx, job, { onBatch: (t) => batches.push(t) });
    expect(batches[0].parcels).toBe(10);
    for (let i = 1; i < batches.length; i++)
      expect(batches[i].parcels).toBe(Math.min(nextBatch(batches[i - 1].parcels, batches[i - 1]), 40 - sum(batches.slice(0, i))));
    expect(sum(batches)).toBe(40);
    const archived = (sqliteOf(app.store).prepare("SELECT payload FROM events WHERE type = 'retention.archived'").pluck().all() as string[]).flatMap(
      (p) => (JSON.parse(p) as { parcelIds: string[] }).parcelIds,
    );
    expect(new Set(archived).size).toBe(40);
    expect(archived).toHaveLength(40);
  });

  it('a stop does not wait for a long run: it ends between batches, keeps what it archived, and the next run takes the rest once each', async () => {
    const h = await stationWithHistory({ old: 40, recent: 2, transit: 2 });
    app = h.app;
    await api(app, 'retention.run', {});
    const job = app.store.read.jobs.list({ kindPrefix: 'retention.', status: 'queued', limit: 1 })[0] as JobRow<'retention.archive'>;
    const stop = new AbortController();
    const first: BatchTimes[] = [];
    const run = archiveRun(app.ctx, job, { batch: 10, stopping: stop.signal, onBatch: (t) => (first.push(t), stop.abort()) });
    await expect(run).rejects.toBeInstanceOf(JobStopped);
    expect(sum(first)).toBe(10);
    const archivedIds = () =>
      (sqliteOf(app!.store).prepare("SELECT payload FROM events WHERE type = 'retention.archived'").pluck().all() as string[]).flatMap(
        (p) => (JSON.parse(p) as { parcelIds: string[] }).parcelIds,
      );
    expect(archivedIds()).toHaveLength(10);
    expect(count(app, "SELECT count(*) FROM events WHERE type = 'retention.finished'")).toBe(0);
    const rest: BatchTimes[] = [];
    await archiveRun(app.ctx, job, { batch: 10, onBatch: (t) => rest.push(t) });
    expect(sum(rest)).toBe(30);
    expect(new Set(archivedIds()).size).toBe(40);
    expect(archivedIds()).toHaveLength(40);
  });

  it('another station applying the same events ends with the same hot tables and its own archive copy', async () => {
    const h = await stationWithHistory({ old: 6, recent: 2, transit: 2 });
    app = h.app;
    await api(app, 'retention.run', {});
    await drain(app);
    other = (await demoApp({ runJobs: false, demo: false })) as RetentionApp;
    const replica = new Replica(sqliteOf(other.store), other.store.log, () => Date.now());
    replica.applyRemote(app.store.read.site.unpushed(app.store.station, 0, 1_000_000));
    const tables = ['monitor_scans', 'monitor_tracking', 'monitor_exceptions', 'retention_runs', 'jobs', 'parcels'];
    const mine = dumpProjections(sqliteOf(app.store));
    const theirs = dumpProjections(sqliteOf(other.store));
    for (const t of tables) expect(theirs[t], t).toEqual(mine[t]);
    const old = h.old.map((p) => p.id);
    expect(count(other, `SELECT count(*) FROM archive.monitor_scans WHERE parcel_id IN ${inList(old)}`)).toBe(
      count(app, `SELECT count(*) FROM archive.monitor_scans WHERE parcel_id IN ${inList(old)}`),
    );
    expect(count(other, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN ${inList(old)}`)).toBe(0);
  }, 120_000);

  it('refuses a horizon that is not a whole number of days from 7 to 3650, saying what to give', async () => {
    app = (await demoApp({ runJobs: false })) as RetentionApp;
    await expect(api(app, 'retention.save', { horizonDays: 3 })).rejects.toThrow(/at least 7 days/);
    await expect(api(app, 'retention.save', { horizonDays: 40.5 })).rejects.toThrow(/whole number of days/);
    await expect(api(app, 'retention.save', { horizonDays: 99999 })).rejects.toThrow(/at most 3650/);
    expect((await api(app, 'retention.save', { horizonDays: 120 })).horizonDays).toBe(120);
    expect((await api(app, 'retention.get', {})).horizonDays).toBe(120);
  }, 60_000);
});
