import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../../../electron/app/create';
import { shopifyRuntime } from '../../../../electron/capabilities/shopify/handlers';
import { startShopifyEmulator, type ShopifyEmulator } from '../../../../electron/capabilities/shopify/emulator';
import { api } from '../../../support/app';
import { startTestSite, type TestSite } from '../../../support/pg';
import { joinedStation, settleSite } from '../../../support/site-station';
import { fulfillmentsByNumber, waitFor } from '../shopify/helpers';
import { sqliteOf } from '../../../../db/core/handle';

/** Shopify jobs are site-wide: whichever station leases one runs it, and each reaches Shopify once. */
let site: TestSite;
let emu: ShopifyEmulator;
const apps: App[] = [];

async function station(name: string, seed: boolean): Promise<App> {
  const app = await joinedStation(site, name, { prefix: 'fs-site-shop-', demoOrders: seed ? 0 : undefined });
  shopifyRuntime(app.env).configure({ timeoutMs: 3_000, backoff: { baseMs: 20, maxMs: 200 }, maxGateWaitMs: 2_000 });
  apps.push(app);
  return app;
}

const cycleAll = (rounds = 2) => settleSite(apps, rounds);

beforeAll(async () => {
  site = await startTestSite();
  // Timeouts after Shopify applied the write: the station never hears, and the next attempt, maybe at another station, must look first.
  emu = await startShopifyEmulator({ plan: 'plus', orders: 30, seed: 11, faults: 0.2, faultKinds: ['timeout-after'], hangMs: 200 });
  for (const [i, name] of ['Pick 1', 'Pick 2', 'Pick 3'].entries()) await station(name, i === 0);
  await cycleAll();
  for (const app of apps)
    await api(app, 'shopify.connect', { id: 'shop', shopDomain: emu.shopDomain, accessToken: emu.accessToken, endpoint: emu.url, defaultLineId: 'ups' });
  await api(apps[0], 'shopify.intake', { storeId: 'shop' });
  await cycleAll();
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await emu?.close();
  await site?.stop();
});

describe('Shopify from a site of three stations', () => {
  it('every parcel picked at any station reaches Shopify exactly once, whoever runs the job', async () => {
    const names = (sqliteOf(apps[0].store).prepare("SELECT name FROM orders WHERE source = 'shopify' ORDER BY name").all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
    expect(names.length).toBe(30);
    const picked: string[] = [];
    for (const [i, name] of names.slice(0, 24).entries()) {
      const r = await api(apps[i % 3], 'pick.scan', { code: name });
      if (r.outcome !== 'issued') throw new Error(`${name}: ${JSON.stringify(r)}`);
      picked.push(r.parcel.trackingNumber);
    }
    for (const app of apps) app.runner.start();
    const synced = () => {
      const m = fulfillmentsByNumber(emu);
      return picked.every((n) => (m.get(n) ?? 0) >= 1);
    };
    await waitFor(async () => (await cycleAll(1), synced()), 'all 24 fulfillments in Shopify', 120_000);
    // Let every station hear every outcome, then look for a second fulfillment of anything.
    await waitFor(
      async () => {
        await cycleAll(1);
        return apps.every(
          (a) => (sqliteOf(a.store).prepare("SELECT count(*) AS n FROM jobs WHERE kind LIKE 'shopify.%' AND status = 'queued'").get() as { n: number }).n === 0,
        );
      },
      'no Shopify job queued at any station',
      60_000,
    );
    const m = fulfillmentsByNumber(emu);
    expect(picked.map((n) => m.get(n))).toEqual(picked.map(() => 1));
    expect([...m.values()].reduce((a, b) => a + b, 0)).toBe(24);
    const runBy = sqliteOf(apps[0].store)
      .prepare(
        "SELECT DISTINCT e.station FROM events e JOIN jobs j ON j.id = json_extract(e.payload, '$.jobId') WHERE e.type = 'job.succeeded' AND j.kind LIKE 'shopify.%'",
      )
      .all() as Array<{ station: string }>;
    expect(runBy.length).toBeGreaterThan(1);
    // The faults happened: writes applied in Shopify whose answer never came back.
    expect(emu.stats().faults['timeout-after']).toBeGreaterThan(0);
  }, 240_000);
});
