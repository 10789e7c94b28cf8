import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatorClientConfig, startShopifyEmulator, type ShopifyEmulator } from '../../../../../electron/capabilities/shopify/emulator';
import { createAdminApiClient } from '@shopify/admin-api-client';

let emu: ShopifyEmulator | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await emu?.close();
  emu = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const client = (e: ShopifyEmulator) => createAdminApiClient(emulatorClientConfig(e));

const CREATE = `mutation C($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { message } } }`;

describe('emulator state in a file', () => {
  it('a restarted emulator keeps its orders, fulfillments and events, and new ids never collide with old ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-emu-state-'));
    dirs.push(dir);
    const file = join(dir, 'shopify-emulator', 'store.json');
    emu = await startShopifyEmulator({ plan: 'plus', orders: 3, statePath: file, accessToken: 'shpat_test_token_1234' });
    expect(emu.restored).toBe(false);
    expect(existsSync(file)).toBe(true);
    const [fo1, fo2] = [...emu.state.fulfillmentOrders.values()];
    const c = client(emu);
    const r = await c.request(CREATE, {
      variables: {
        f: {
          lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo1.id}` }],
          trackingInfo: { company: 'UPS', number: '1Z999AA10123456784' },
        },
      },
    });
    const fid = r.data.fulfillmentCreate.fulfillment.id as string;
    await c.request(
      `mutation E($e: FulfillmentEventInput!) { fulfillmentEventCreate(fulfillmentEvent: $e) { fulfillmentEvent { id } userErrors { message } } }`,
      {
        variables: { e: { fulfillmentId: fid, status: 'CARRIER_PICKED_UP' } },
      },
    );
    await emu.close();
    emu = null;
    expect(readdirSync(join(dir, 'shopify-emulator'))).toEqual(['store.json']);

    emu = await startShopifyEmulator({ plan: 'plus', orders: 50, statePath: file, accessToken: 'shpat_test_token_1234' });
    expect(emu.restored).toBe(true);
    expect(emu.state.counts()).toMatchObject({ orders: 3, fulfillments: 1, events: 1 });
    const seen = await client(emu).request(`query F($id: ID!) { fulfillment(id: $id) { trackingInfo { number } events(first: 5) { nodes { status } } } }`, {
      variables: { id: fid },
    });
    expect(seen.data.fulfillment).toEqual({ trackingInfo: [{ number: '1Z999AA10123456784' }], events: { nodes: [{ status: 'CARRIER_PICKED_UP' }] } });
    expect(emu.state.fulfillmentOrder(fo1.id)!.status).toBe('CLOSED');
    const again = await client(emu).request(CREATE, {
      variables: { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo2.id}` }] } },
    });
    expect(again.data.fulfillmentCreate.fulfillment.id).not.toBe(fid);
    expect(emu.state.addOrder({ lineItems: [{ title: 'Mug', sku: 'M', barcode: '', quantity: 1 }] }).name).toBe('#1004');
  });

  it('every write of a concurrent burst is in the saved state after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-emu-state-'));
    dirs.push(dir);
    emu = await startShopifyEmulator({ plan: 'enterprise', orders: 40, statePath: join(dir, 's.json') });
    const c = client(emu);
    const fos = [...emu.state.fulfillmentOrders.values()];
    await Promise.all(
      fos.map((fo) =>
        c.request(CREATE, { variables: { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo.id}` }] } } }),
      ),
    );
    expect(emu.stats().mutationsApplied).toBe(fos.length);
    await emu.close();
    emu = await startShopifyEmulator({ statePath: join(dir, 's.json') });
    expect(emu.state.counts().fulfillments).toBe(fos.length);
  });
});
