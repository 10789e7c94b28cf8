import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp, tempDir } from '../support/app';
import { invoke } from '../../electron/app/invoke';
import { openSqlite, type Sqlite } from '../../db/core/open';
import { dumpProjections, rebuildProjections } from '../../db/rebuild';
import { numberFromSerial } from '../../electron/capabilities/numbers/issue';
import { sqliteOf } from '../../db/core/handle';

let app: Awaited<ReturnType<typeof demoApp>>;
const copies: Sqlite[] = [];

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Drive the outbox by hand until nothing due is left. */
async function drain() {
  while (app.runner.pass() > 0) await app.runner.idle();
  await app.runner.idle();
}

const count = (db: Sqlite, sql: string) => (db.prepare(sql).get() as { n: number }).n;

let picked = 0;
let printed = 0;
let workingPort = 0;

beforeAll(async () => {
  app = await demoApp({ runJobs: false });

  // 30 picks across the three demo lines.
  for (let i = 1; i <= 30; i++) {
    const r = await api(app, 'pick.scan', { code: `#${1000 + i}` });
    expect(r.outcome).toBe('issued');
    picked++;
  }
  // Reprints: by the button, and by rescanning an order that was picked.
  const parcels = (await api(app, 'parcels.list', { limit: 5 })).rows;
  for (const p of parcels.slice(0, 3)) expect((await api(app, 'pick.reprint', { parcelId: p.id, reason: 'label smudged' })).outcome).toBe('reprinted');
  expect((await api(app, 'pick.scan', { code: '#1001' })).outcome).toBe('reprinted');
  // Refusals: an unknown code, and an order whose line was switched off.
  expect((await api(app, 'pick.scan', { code: 'NOT-AN-ORDER' })).outcome).toBe('refused');
  const dhl = (await api(app, 'lines.list', {})).find((l) => l.id === 'express-dhl')!;
  const { remaining: _r, daysLeft: _d, low: _l, ranges: _g, ...dhlLine } = dhl;
  await api(app, 'lines.save', { ...dhlLine, active: false });
  const dhlOrder = app.store.read.orders.list({ status: 'open', limit: 500 }).find((o) => o.lineId === 'express-dhl')!;
  const refused = await api(app, 'pick.scan', { code: dhlOrder.name });
  expect(refused).toMatchObject({ outcome: 'refused', code: 'no_line' });
  await api(app, 'lines.save', { ...dhlLine, active: true });

  // Orders from a file, then picked.
  const csv = [
    'order,line,name,address1,city,zip,country,sku,title,quantity',
    'R-1,postal-s10,Ann Lee,1 Main St,Portland,97201,US,MUG-1,Mug,1',
    'R-1,postal-s10,Ann Lee,1 Main St,Portland,97201,US,TEE-1,Tee,2',
    'R-2,ups,Bo Chen,2 High St,London,N1 9GU,GB,SOCK-1,Socks,1',
    'R-3,ups,Cy Diaz,3 Low Rd,,28001,ES,LAMP-1,Lamp,1',
  ].join('\n');
  expect(await api(app, 'orders.import', { format: 'csv', text: csv })).toMatchObject({ imported: 2, rejected: [{ row: 5 }] });
  expect((await api(app, 'pick.scan', { code: 'R-1' })).outcome).toBe('issued');
  picked++;

  // The UPS line moves to a pool of pre-allocated numbers; two picks take from it.
  const ups = (await api(app, 'lines.list', {})).find((l) => l.id === 'ups')!;
  const { remaining: _r2, daysLeft: _d2, low: _l2, ranges: _g2, ...upsLine } = ups;
  await api(app, 'lines.save', { ...upsLine, numberSource: 'pool' });
  const pool = [1, 2, 3].map((n) => numberFromSerial({ format: 'ups1z', shipper: '999AA1', service: '01' }, 4_000_000 + n));
  expect(await api(app, 'pool.import', { lineId: 'ups', csv: ['tracking', ...pool, 'garbage-1'].join('\n') })).toMatchObject({ imported: 3 });
  const fromPool = await api(app, 'pick.scan', { code: 'R-2' });
  expect(fromPool.outcome === 'issued' && fromPool.parcel.trackingNumber).toBe(pool[0]);
  picked++;
  await api(app, 'ranges.add', { lineId: 'postal-s10', params: { format: 's10', serviceIndicator: 'LX', country: 'CN' }, first: 20_000_000, last: 20_000_099 });

  // Everything so far prints on the demo printer.
  await drain();
  printed = readdirSync(join(app.dir, 'fake-printer')).length;
  expect(printed).toBeGreaterThanOrEqual(picked);

  // The printer "moves" to a port where nothing listens: the next labels fail and wait.
  const printer = app.store.read.settings.printer('demo-printer')!;
  workingPort = printer.port;
  await api(app, 'printers.save', { ...printer, port: await closedPort() });
  expect((await api(app, 'pick.scan', { code: '#1031' })).outcome).toBe('issued');
  expect((await api(app, 'pick.scan', { code: '#1032' })).outcome).toBe('issued');
  picked += 2;
  expect(app.runner.pass()).toBeGreaterThanOrEqual(1);
  await app.runner.idle();
  const failing = await api(app, 'jobs.list', { status: 'queued', kind: 'print.' });
  expect(failing.length).toBe(2);
  expect(failing.some((j) => j.attempts === 1 && j.lastError !== null)).toBe(true);
}, 60_000);

afterAll(async () => {
  for (const c of copies) c.close();
  await app?.dispose();
});

describe('rebuildProjections', () => {
  it('the workload left a realistic state behind', () => {
    const db = sqliteOf(app.store);
    expect(count(db, 'SELECT count(*) AS n FROM parcels')).toBe(picked);
    expect(count(db, 'SELECT count(*) AS n FROM parcels WHERE reprints > 0')).toBeGreaterThanOrEqual(3);
    expect(count(db, "SELECT count(*) AS n FROM jobs WHERE status = 'done'")).toBeGreaterThanOrEqual(picked - 2);
    expect(count(db, 'SELECT count(*) AS n FROM jobs WHERE last_error IS NOT NULL')).toBe(1);
    expect(count(db, 'SELECT count(*) AS n FROM number_pool WHERE parcel_id IS NOT NULL')).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM events WHERE type = 'scan.refused'")).toBe(2);
    expect(count(db, "SELECT count(*) AS n FROM orders WHERE source = 'file'")).toBe(2);
  });

  it('replaying the log in place gives identical projections', () => {
    const db = sqliteOf(app.store);
    const before = dumpProjections(db);
    const r = rebuildProjections(db);
    expect(r.events).toBe(count(db, 'SELECT count(*) AS n FROM events'));
    expect(dumpProjections(db)).toEqual(before);
  });

  it('the comparison notices a projection that drifted, and a rebuild repairs it', () => {
    const db = sqliteOf(app.store);
    const before = dumpProjections(db);
    db.prepare('UPDATE parcels SET reprints = reprints + 7 WHERE id = (SELECT min(id) FROM parcels)').run();
    db.prepare('DELETE FROM number_pool WHERE parcel_id IS NULL AND rowid = (SELECT max(rowid) FROM number_pool)').run();
    expect(dumpProjections(db)).not.toEqual(before);
    rebuildProjections(db);
    expect(dumpProjections(db)).toEqual(before);
  });

  it('ignores only the runtime lease column when comparing', () => {
    const db = sqliteOf(app.store);
    const before = dumpProjections(db);
    db.prepare("UPDATE jobs SET lease_until = '2099-01-01T00:00:00.000Z'").run();
    expect(dumpProjections(db)).toEqual(before);
    db.prepare('UPDATE jobs SET lease_until = NULL').run();
  });

  it('rebuilds the same projections into an empty database from the events alone', () => {
    const copy = openSqlite({ file: join(tempDir(), 'copy.db') });
    copies.push(copy);
    expect(Object.values(dumpProjections(copy)).every((rows) => rows.length === 0)).toBe(true);
    copy.prepare('ATTACH DATABASE ? AS src').run(join(app.dir, 'firstscan.db'));
    copy.exec('INSERT INTO events SELECT * FROM src.events');
    copy.exec('DETACH DATABASE src');
    expect(count(copy, 'SELECT count(*) AS n FROM events')).toBe(count(sqliteOf(app.store), 'SELECT count(*) AS n FROM events'));

    const r = rebuildProjections(copy);
    expect(r.events).toBeGreaterThan(100);
    const original = dumpProjections(sqliteOf(app.store));
    const rebuilt = dumpProjections(copy);
    for (const table of Object.keys(original)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: original[table] });
  });

  it('still matches after the failing label is retried and printed on a working printer', async () => {
    const printer = app.store.read.settings.printer('demo-printer')!;
    await api(app, 'printers.save', { ...printer, port: workingPort });
    for (const j of await api(app, 'jobs.list', { status: 'queued' })) expect((await invoke(app.handlers, 'jobs.retry', { id: j.id })).ok).toBe(true);
    await drain();
    expect(await api(app, 'jobs.list', { status: 'queued' })).toEqual([]);
    expect(readdirSync(join(app.dir, 'fake-printer')).length).toBe(printed + 2);

    const before = dumpProjections(sqliteOf(app.store));
    rebuildProjections(sqliteOf(app.store));
    expect(dumpProjections(sqliteOf(app.store))).toEqual(before);
  });
});
