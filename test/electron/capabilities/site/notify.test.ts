import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, type App } from '../../../../electron/app/create';
import { connectSite, joinSite } from '../../../../db/site/server';
import { Replicator } from '../../../../electron/capabilities/site/replicator';
import { api, tempDir } from '../../../support/app';
import { startTestSite, type TestSite } from '../../../support/pg';
import { joinedStation, settleSite } from '../../../support/site-station';

/** A site that reacts at once (the server's notice wakes the receivers) and idles quietly. */
let site: TestSite;
const apps: App[] = [];
let a: App, b: App, c: App;

async function station(name: string, opts: { demoOrders?: number } = {}): Promise<App> {
  const app = await joinedStation(site, name, { prefix: 'fs-notify-', demoOrders: opts.demoOrders });
  apps.push(app);
  return app;
}
const hasParcel = (app: App, id: string) => !!app.store.read.parcels.get(id);

beforeAll(async () => {
  site = await startTestSite();
  a = await station('Pick 1', { demoOrders: 40 });
  b = await station('Pick 2');
  c = await station('Dispatch');
  await settleSite(apps);
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await site?.stop();
});

describe('site mode: LISTEN/NOTIFY', () => {
  it('a link hears another station push, not its own', async () => {
    const x = await site.station('st-x');
    const y = await site.station('st-y');
    const heard = { x: 0, y: 0 };
    await x.link.listen(
      () => heard.x++,
      () => undefined,
    );
    await y.link.listen(
      () => heard.y++,
      () => undefined,
    );
    const ev = {
      id: 'st-y:1',
      station: 'st-y',
      stationSeq: 1,
      hlc: '0',
      actor: 't',
      occurredAt: new Date().toISOString(),
      type: 'test.note',
      subject: null,
      payload: '{}',
    };
    await y.link.push([ev]);
    await expect.poll(() => heard.x, { timeout: 2000, interval: 10 }).toBe(1);
    expect(heard.y).toBe(0);
  });

  it('a pick reaches a station that never polls: the notice alone wakes it to pull', async () => {
    // A station whose replicator polls every 10 minutes: only the server's notice can bring a pick in time.
    const dir = tempDir('fs-notify-deaf-');
    const d = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
    const creds = await joinSite(site.joinCode, d.ctx.stationId, 'Deaf poller');
    const slow = new Replicator(d.store, d.ctx.clock, creds, connectSite, { everyMs: 600_000, unheardMs: 600_000, choresMs: 600_000 });
    try {
      slow.start();
      await slow.cycle();
      for (let i = 0; i < 3; i++) {
        const r = await api(a, 'pick.scan', { code: `#${1001 + i}` });
        if (r.outcome !== 'issued') throw new Error(r.outcome);
        await expect.poll(() => hasParcel(d, r.parcel.id), { timeout: 10_000, interval: 10 }).toBe(true);
        await expect.poll(() => hasParcel(b, r.parcel.id) && hasParcel(c, r.parcel.id), { timeout: 10_000, interval: 10 }).toBe(true);
      }
    } finally {
      await slow.stop();
      await d.close();
    }
  });

  it('idle stations write nothing durable more than every few seconds', async () => {
    const admin = await site.pg.admin(site.database);
    const xid = async () => Number((await admin.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS x')).rows[0].x);
    await sleep(1000);
    const x0 = await xid();
    const t0 = performance.now();
    await sleep(12_000);
    const writes = (await xid()) - x0;
    const perStation = writes / apps.length / ((performance.now() - t0) / 1000);
    expect(perStation).toBeLessThanOrEqual(0.5);
    // Still connected and listening: a pick now arrives at once.
    const r = await api(b, 'pick.scan', { code: '#1020' });
    if (r.outcome !== 'issued') throw new Error(r.outcome);
    await expect.poll(() => hasParcel(a, r.parcel.id), { timeout: 1000, interval: 5 }).toBe(true);
  }, 30_000);
});
