import { afterEach, describe, expect, it } from 'vitest';
import { startShopifyEmulator, type ShopifyEmulator } from '../../../../../electron/capabilities/shopify/emulator';
import { gid } from '../../../../../electron/capabilities/shopify/emulator/gid';

const CREATE = 'mutation C($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { field message } } }';

describe('fault injection', () => {
  let emu: ShopifyEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  const post = (e: ShopifyEmulator, body: unknown, timeoutMs = 1500) =>
    fetch(e.graphqlUrl('2026-07'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': e.accessToken },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });

  it('timeout-after applies the write although the client errors', async () => {
    emu = await startShopifyEmulator({ orders: 3, seed: 9, faults: 1, faultKinds: ['timeout-after'] });
    const fo = [...emu.state.fulfillmentOrders.values()][0];
    await expect(
      post(
        emu,
        {
          query: CREATE,
          variables: {
            f: {
              lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: gid('FulfillmentOrder', fo.id) }],
              trackingInfo: { number: 'T1', company: 'DHL Express' },
            },
          },
        },
        800,
      ),
    ).rejects.toThrow();
    expect(emu.state.fulfillmentsOf(gid('FulfillmentOrder', fo.id))).toHaveLength(1);
    expect(emu.stats().faults['timeout-after']).toBe(1);
  });

  it('5xx and drop do not apply; throttled fault answers THROTTLED', async () => {
    emu = await startShopifyEmulator({ orders: 2, seed: 3, faults: 1, faultKinds: ['5xx'] });
    const fo = [...emu.state.fulfillmentOrders.values()][0];
    const body = { query: CREATE, variables: { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: gid('FulfillmentOrder', fo.id) }] } } };
    const r = await post(emu, body);
    expect([502, 503]).toContain(r.status);
    expect(await r.text()).toContain('<html');
    emu.setFaults(1, ['drop']);
    await expect(post(emu, body)).rejects.toThrow();
    emu.setFaults(1, ['throttled']);
    const t = await (await post(emu, body)).json();
    expect(t.errors[0].extensions.code).toBe('THROTTLED');
    expect(emu.state.counts().fulfillments).toBe(0);
    emu.setFaults(0);
    const ok = await (await post(emu, body)).json();
    expect(ok.data.fulfillmentCreate.userErrors).toEqual([]);
  });

  it('setOffline cuts every request at connection level', async () => {
    emu = await startShopifyEmulator({ orders: 1 });
    emu.setOffline(true);
    await expect(post(emu, { query: '{ shop { name } }' })).rejects.toThrow();
    emu.setOffline(false);
    const r = await post(emu, { query: '{ shop { name } }' });
    expect(r.status).toBe(200);
  });

  it('seeding is deterministic', async () => {
    emu = await startShopifyEmulator({ orders: 4, seed: 11 });
    const a = [...emu.state.orders.values()].map((o) => [o.name, o.shippingAddress?.countryCode, o.lineItems.map((l) => l.sku + l.barcode).join()]);
    await emu.close();
    emu = await startShopifyEmulator({ orders: 4, seed: 11 });
    const b = [...emu.state.orders.values()].map((o) => [o.name, o.shippingAddress?.countryCode, o.lineItems.map((l) => l.sku + l.barcode).join()]);
    expect(b).toEqual(a);
    expect(emu.stats().schemaBuildMs).toBeGreaterThanOrEqual(0);
  });
});
