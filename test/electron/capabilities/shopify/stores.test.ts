import { statSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { secretsDirFor } from '../../../../electron/capabilities/shopify/secrets';
import { shopApp, waitFor } from './helpers';
import { sqliteOf } from '../../../../db/core/handle';

let t: Awaited<ReturnType<typeof shopApp>>;
beforeAll(async () => {
  t = await shopApp({ orders: 12 });
});
afterAll(async () => {
  await t.app.dispose();
  await t.emu.close();
});

describe('Shopify stores and intake', () => {
  it('Test connection shows the shop name and the scopes the token lacks', async () => {
    const ok = await api(t.app, 'shopify.test', { storeId: 'shop', shopDomain: t.emu.shopDomain, endpoint: t.emu.url });
    expect(ok).toMatchObject({ shopName: 'Firstscan Demo Store', missingScopes: [] });
    t.emu.state.shop.accessScopes = ['read_orders', 'read_locations'];
    const lacking = await api(t.app, 'shopify.test', { storeId: 'shop', shopDomain: t.emu.shopDomain, endpoint: t.emu.url });
    expect(lacking.missingScopes).toEqual(['read_merchant_managed_fulfillment_orders', 'write_merchant_managed_fulfillment_orders']);
    t.emu.state.shop.accessScopes = ['read_orders', 'write_orders', 'read_locations', 'write_merchant_managed_fulfillment_orders'];
    expect((await api(t.app, 'shopify.test', { storeId: 'shop', shopDomain: t.emu.shopDomain, endpoint: t.emu.url })).missingScopes).toEqual([]);
    await expect(api(t.app, 'shopify.test', { shopDomain: t.emu.shopDomain, endpoint: t.emu.url, accessToken: 'shpat_wrong_token_123' })).rejects.toThrow(
      /refused this access token/,
    );
  });

  it('keeps the token encrypted with a 0600 key file outside the data directory, and never returns it', async () => {
    const keyDir = secretsDirFor(t.app.dir);
    expect(resolve(keyDir).startsWith(resolve(t.app.dir) + '/')).toBe(false);
    expect(statSync(join(keyDir, 'shopify.key')).mode & 0o777).toBe(0o600);
    const blob = readFileSync(join(t.app.dir, 'secrets.enc'));
    expect(blob.includes(Buffer.from(t.emu.accessToken))).toBe(false);
    for (const f of readdirSync(t.app.dir))
      if (f.startsWith('firstscan.db')) expect(readFileSync(join(t.app.dir, f)).includes(Buffer.from(t.emu.accessToken))).toBe(false);
    const everything = JSON.stringify([await api(t.app, 'shopify.status', {}), await api(t.app, 'events.export', {})]);
    expect(everything).not.toContain(t.emu.accessToken);
  });

  it('takes open fulfillment orders of the location in as orders; holds and cancellations block picking with a clear message', async () => {
    const orders = t.app.store.read.orders.list({ limit: 100 }).filter((o) => o.store === 'shop');
    // Split orders have one fulfillment order at the other location: only ours come in.
    const ours = [...t.emu.state.fulfillmentOrders.values()].filter((fo) => fo.locationId === t.emu.state.locations[0].id);
    expect(orders).toHaveLength(ours.length);
    expect(orders.every((o) => o.source === 'shopify' && o.lineId === 'ups')).toBe(true);
    const o1003 = [...t.emu.state.orders.values()].find((o) => o.name === '#1003')!;
    const o1004 = [...t.emu.state.orders.values()].find((o) => o.name === '#1004')!;
    t.emu.state.holdFulfillmentOrder(t.emu.state.fulfillmentOrdersOf(o1003.id)[0].id, 'AWAITING_PAYMENT', 'card declined');
    t.emu.state.cancelOrder(o1004.id, 'CUSTOMER');
    const r = await api(t.app, 'shopify.intake', { storeId: 'shop' });
    expect(r).toMatchObject({ imported: 0, changed: 2 });
    const held = await api(t.app, 'pick.scan', { code: '#1003' });
    expect(held).toMatchObject({ outcome: 'refused', code: 'on_hold' });
    expect(held.outcome === 'refused' && held.message).toContain('Held in Shopify: awaiting payment (card declined)');
    const cancelled = await api(t.app, 'pick.scan', { code: '#1004' });
    expect(cancelled).toMatchObject({ outcome: 'refused', code: 'cancelled' });
    expect(cancelled.outcome === 'refused' && cancelled.message).toContain('Cancelled in Shopify (customer)');
    t.emu.state.releaseHold(t.emu.state.fulfillmentOrdersOf(o1003.id)[0].id);
    await api(t.app, 'shopify.intake', { storeId: 'shop' });
    expect(await api(t.app, 'pick.scan', { code: '#1003' })).toMatchObject({ outcome: 'issued' });
  });

  it('new Shopify orders come in incrementally, already known ones are not imported twice', async () => {
    const before = t.app.store.read.orders.list({ limit: 100 }).length;
    t.emu.state.seedOrders(1, 99);
    const r = await api(t.app, 'shopify.intake', { storeId: 'shop' });
    expect(r.imported).toBe(1);
    expect(t.app.store.read.orders.list({ limit: 100 })).toHaveLength(before + 1);
  });

  it('rebuilding the projections from the log gives the same Shopify state', async () => {
    await api(t.app, 'pick.scan', { code: '#1001' });
    await waitFor(async () => ((await api(t.app, 'shopify.status', {})).counts.synced ?? 0) >= 2, 'synced');
    await t.runner.stop();
    const before = JSON.stringify(dumpProjections(sqliteOf(t.app.store)));
    rebuildProjections(sqliteOf(t.app.store));
    expect(JSON.stringify(dumpProjections(sqliteOf(t.app.store)))).toBe(before);
    expect(dumpProjections(sqliteOf(t.app.store)).shopify_parcels.length).toBeGreaterThanOrEqual(2);
  });
});
