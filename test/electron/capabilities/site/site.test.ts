import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../electron/app/create';
import { replicatorOf } from '../../../../electron/capabilities/site/handlers';
import { leaveSite } from '../../../../electron/capabilities/site/leave';
import { api } from '../../../support/app';
import { startTestSite, type TestSite } from '../../../support/pg';
import { joinedStation, settleSite } from '../../../support/site-station';
import { sqliteOf } from '../../../../db/core/handle';

/** Three stations of one site in this process, each with its own data dir, over a real PostgreSQL. */
let site: TestSite;
const apps: App[] = [];
let a: App, b: App, c: App;
const cut = new Set<App>();

async function station(name: string, opts: { demoOrders?: number } = {}): Promise<App> {
  const app = await joinedStation(site, name, { prefix: 'fs-site-', demoOrders: opts.demoOrders });
  apps.push(app);
  return app;
}

const rep = (app: App) => replicatorOf(app.env)!;

/** Let every station push and pull until none has anything new. */
const settle = (rounds = 3) => settleSite(apps, rounds, cut);

async function pick(app: App, code: string) {
  const r = await api(app, 'pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${code} at ${app.ctx.stationId}: ${JSON.stringify(r)}`);
  return r;
}

const numbers = (app: App) => (sqliteOf(app.store).prepare('SELECT tracking_number AS n FROM parcels').all() as Array<{ n: string }>).map((r) => r.n);

beforeAll(async () => {
  site = await startTestSite();
  a = await station('Pick 1', { demoOrders: 60 });
  b = await station('Pick 2');
  c = await station('Dispatch');
  await settle();
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await site?.stop();
});

describe('site mode over PostgreSQL', () => {
  it('stations that joined see the whole site and hold their own number blocks', async () => {
    for (const app of [b, c]) {
      const s = await api(app, 'site.status', {});
      expect(s.mode).toBe('site');
      expect(s.connected).toBe(true);
      expect(s.blocks.length).toBeGreaterThan(0);
    }
    const orders = (app: App) => (sqliteOf(app.store).prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    expect(orders(b)).toBe(60);
    expect(orders(c)).toBe(60);
  });

  it('each site-wide duty (monitor, Shopify intake, archive runs, supervisor notifications) is held by exactly one station', async () => {
    const wanted = ['monitor', 'notify', 'retention', 'shopify-intake'];
    let held: string[] = [];
    for (let i = 0; i < 80; i++) {
      held = (await Promise.all([a, b, c].map((app) => api(app, 'site.status', {})))).flatMap((s) => s.duties).sort();
      if (wanted.every((d) => held.includes(d))) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(held).toEqual(wanted);
  });

  it('picks at two stations converge at all three, with no number issued twice', async () => {
    for (let i = 1; i <= 6; i++) await pick(a, `#${1000 + i}`);
    for (let i = 7; i <= 12; i++) await pick(b, `#${1000 + i}`);
    for (let i = 13; i <= 15; i++) await pick(c, `#${1000 + i}`);
    await settle();
    const [fa, fb, fc] = await Promise.all([a, b, c].map((app) => api(app, 'site.fingerprint', {})));
    expect(fb).toEqual(fa);
    expect(fc).toEqual(fa);
    const all = numbers(a);
    expect(all).toHaveLength(15);
    expect(new Set(all).size).toBe(15);
    // Stations report their state when it changes (issue 16: idle stations write little), so the
    // site's list fills in within a few report cycles rather than at once.
    let names: string[] = [];
    for (let i = 0; i < 40 && names.length < 3; i++) {
      names = (await api(a, 'site.status', {})).stations.map((r) => r.name).sort();
      if (names.length < 3) await new Promise((r) => setTimeout(r, 250));
    }
    expect(names).toEqual(['Dispatch', 'Pick 1', 'Pick 2']);
  });

  it('a station cut off keeps picking from its blocks; the same order picked on both sides becomes a conflict everywhere', async () => {
    await rep(c).stop();
    cut.add(c);
    await pick(c, '#1030');
    await pick(c, '#1031');
    await pick(a, '#1031');
    await pick(b, '#1032');
    await settle();
    const alone = await api(c, 'site.status', {});
    expect(alone.connected).toBe(false);
    expect(alone.unpushed).toBeGreaterThan(0);
    cut.delete(c);
    rep(c).start();
    await settle();
    const [fa, fb, fc] = await Promise.all([a, b, c].map((app) => api(app, 'site.fingerprint', {})));
    expect(fb).toEqual(fa);
    expect(fc).toEqual(fa);
    for (const app of [a, b, c]) {
      const open = await api(app, 'site.conflicts', { status: 'open' });
      expect(open.map((x) => x.kind)).toEqual(['order_picked_twice']);
    }
    const all = numbers(a);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a parcel loaded on two manifests while the stations were apart becomes one conflict at every station', async () => {
    const p = await pick(a, '#1040');
    await settle();
    await rep(c).stop();
    cut.add(c);
    const mA = await api(a, 'dispatch.open', { lineId: p.parcel.lineId });
    const mC = await api(c, 'dispatch.open', { lineId: p.parcel.lineId });
    expect(mC.id).not.toBe(mA.id);
    expect((await api(a, 'dispatch.scan', { manifestId: mA.id, code: p.parcel.trackingNumber, weightGrams: 300 })).outcome).toBe('loaded');
    expect((await api(c, 'dispatch.scan', { manifestId: mC.id, code: p.parcel.trackingNumber, weightGrams: 300 })).outcome).toBe('loaded');
    cut.delete(c);
    rep(c).start();
    await settle();
    const [fa, fb, fc] = await Promise.all([a, b, c].map((app) => api(app, 'site.fingerprint', {})));
    expect(fb).toEqual(fa);
    expect(fc).toEqual(fa);
    for (const app of [a, b, c]) {
      const open = await api(app, 'site.conflicts', { status: 'open' });
      const two = open.filter((x) => x.kind === 'parcel_on_two_manifests');
      expect(two).toHaveLength(1);
      expect(two[0].subject).toBe(p.parcel.id);
      expect(two[0].detail).toMatch(/unload it from the other/);
    }
  });

  it('a block leased just before a crash is recovered at the next start, and leaving gives unused numbers back', async () => {
    const dir = b.env.dataDir;
    const range = b.store.read.lines.ranges('ups')[0];
    const link = rep(b).current()!;
    const lost = await link.leaseBlock({ id: range.id, first: range.first, last: range.last, startAt: range.next }, 10);
    expect(lost).not.toBeNull();
    // The station dies before it records the block.
    await b.close();
    apps.splice(apps.indexOf(b), 1);
    b = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
    apps.push(b);
    await settle();
    expect(rep(b).state.recoveredBlocks).toBe(1);
    const own = sqliteOf(b.store)
      .prepare('SELECT first, last FROM range_blocks WHERE station = ? AND range_id = ? AND first = ?')
      .get(b.ctx.stationId, range.id, lost!.first);
    expect(own).toEqual(lost);

    const r = await leaveSite(replicatorOf(b.env), b.store, b.ctx.clock, b.env.dataDir);
    expect(r.returned).toBeGreaterThan(10);
    expect(b.store.site.blocks).toBe(true);
    await settle();
    const held = await rep(a).current()!.heldBlocks();
    expect(held.filter((h) => h.rangeId === range.id).length).toBeGreaterThan(0);
    // Another station gets the returned serials first.
    const next = await rep(c).current()!.leaseBlock({ id: range.id, first: range.first, last: range.last, startAt: range.next }, 5);
    expect(next!.first).toBeLessThanOrEqual(lost!.last);
  });
});
