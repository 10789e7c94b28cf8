import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../../../electron/app/create';
import { replicatorOf } from '../../../../electron/capabilities/site/handlers';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { stageRestore } from '../../../../electron/capabilities/backup/restore';
import { api, tempDir } from '../../../support/app';
import { startTestSite, type TestSite } from '../../../support/pg';
import { joinedStation, settleSite } from '../../../support/site-station';
import { sqliteOf } from '../../../../db/core/handle';

/** A station of a site restored from an older backup takes back what it pushed after it, before it issues anything. */
let site: TestSite;
const apps: App[] = [];
let a: App, b: App;
const folder = tempDir('fs-site-backups-');

async function station(name: string, opts: { demoOrders?: number } = {}): Promise<App> {
  const app = await joinedStation(site, name, { prefix: 'fs-site-restore-', demoOrders: opts.demoOrders });
  apps.push(app);
  return app;
}

const rep = (app: App) => replicatorOf(app.env)!;
const settle = (rounds = 3) => settleSite(apps, rounds);

async function pick(app: App, code: string): Promise<string> {
  const r = await api(app, 'pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${code} at ${app.ctx.stationId}: ${JSON.stringify(r)}`);
  return r.parcel.trackingNumber;
}

const q = <T>(app: App, sql: string, ...args: unknown[]) =>
  sqliteOf(app.store)
    .prepare(sql)
    .all(...args) as T[];
const parcelsOf = (app: App, station: string) =>
  q<{ n: string }>(
    app,
    "SELECT json_extract(payload, '$.trackingNumber') AS n FROM events WHERE type = 'parcel.picked' AND station = ? ORDER BY station_seq",
    station,
  ).map((r) => r.n);

beforeAll(async () => {
  site = await startTestSite();
  a = await station('Pick 1', { demoOrders: 40 });
  b = await station('Pick 2');
  await settle();
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await site?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('restore in site mode', () => {
  it('pulls its own later picks back from the site server, converges with the site, and issues no number twice', async () => {
    await api(b, 'backup.settings.save', { folder, everyHours: 4, keep: 5 });
    const before = [await pick(b, '#1001'), await pick(b, '#1002'), await pick(b, '#1003')];
    await settle();
    const backup = await new BackupRunner(b.ctx, b.env.dataDir).run('console');
    // After the backup: five more picks at Pick 2, pushed to the site; Pick 1 picks too.
    const later: string[] = [];
    for (let i = 4; i <= 8; i++) later.push(await pick(b, `#${1000 + i}`));
    const atA = [await pick(a, '#1020'), await pick(a, '#1021')];
    await settle();
    const stationB = b.ctx.stationId;
    const pushedBefore = q<{ n: number }>(b, 'SELECT count(*) AS n FROM events WHERE station = ?', stationB)[0].n;

    // Pick 2's disk dies; the backup is restored onto its data folder and the station restarts.
    await b.close();
    apps.splice(apps.indexOf(b), 1);
    stageRestore(b.env.dataDir, join(folder, backup.file), new Date());
    const b2 = await createApp({ dataDir: b.env.dataDir, mode: 'headless', runJobs: false });
    apps.push(b2);
    expect(b2.ctx.stationId).toBe(stationB);
    expect(parcelsOf(b2, stationB)).toEqual(before);
    // Before the site server is reached: nothing is issued, and the supervisor cannot confirm yet.
    expect(await api(b2, 'pick.scan', { code: '#1009' })).toMatchObject({ outcome: 'refused', code: 'restore_unconfirmed' });
    const waiting = await api(b2, 'backup.restore.check', {});
    expect(waiting.sources.find((s) => s.name === 'site')).toMatchObject({ ok: false });
    await expect(api(b2, 'backup.restore.confirm', { confirmGap: true })).rejects.toThrow(/not back yet/);
    // Events written meanwhile (the sign-in) take ids far above anything the server holds for it.
    const meanwhile = q<{ s: number }>(b2, 'SELECT max(station_seq) AS s FROM events WHERE station = ?', stationB)[0].s;
    expect(meanwhile).toBeGreaterThan(1_000_000_000);

    const ownInBackup = q<{ n: number }>(b2, 'SELECT count(*) AS n FROM events WHERE station = ? AND station_seq < 1000000000', stationB)[0].n;
    await settle();
    expect(rep(b2).state.recoveredOwn).toBe(pushedBefore - ownInBackup);
    expect(parcelsOf(b2, stationB)).toEqual([...before, ...later]);
    const check = await api(b2, 'backup.restore.check', {});
    expect(check.sources.find((s) => s.name === 'site')).toMatchObject({ ok: true });
    expect(check.pickedAfter).toEqual([]);
    await api(b2, 'backup.restore.confirm', { confirmGap: true });

    // The next number is a new one, and the site agrees with Pick 2 again.
    const next = await pick(b2, '#1009');
    expect([...before, ...later, ...atA]).not.toContain(next);
    await settle();
    const [fa, fb] = await Promise.all([a, b2].map((app) => api(app, 'site.fingerprint', {})));
    expect(fb).toEqual(fa);
    const all = q<{ n: string }>(a, 'SELECT tracking_number AS n FROM parcels').map((r) => r.n);
    expect(all).toHaveLength(11);
    expect(new Set(all).size).toBe(11);
    // Every event Pick 2 ever wrote is at the site once, under its own id.
    const own = q<{ id: string }>(b2, 'SELECT id FROM events WHERE station = ? ORDER BY station_seq', stationB).map((r) => r.id);
    expect(new Set(own).size).toBe(own.length);
    expect(q<{ id: string }>(a, 'SELECT id FROM events WHERE station = ? ORDER BY station_seq', stationB).map((r) => r.id)).toEqual(own);
    expect(await api(b2, 'pick.scan', { code: '#1004' })).toMatchObject({ outcome: 'reprinted' });
  }, 240_000);
});
