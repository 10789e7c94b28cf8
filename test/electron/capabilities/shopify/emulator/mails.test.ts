import { mkdtempSync, rmSync } from 'node:fs';
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
const CREATE = `mutation C($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id updatedAt } userErrors { message } } }`;
const UPDATE = `mutation U($id: ID!, $t: FulfillmentTrackingInput!, $n: Boolean) { fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $t, notifyCustomer: $n) { fulfillment { id updatedAt } userErrors { message } } }`;

describe('the buyer e-mails Shopify would send', () => {
  it('are recorded with kind, order, address, numbers and time; none without notifyCustomer; kept across a restart and served at /emulator/mails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-emu-mail-'));
    dirs.push(dir);
    const file = join(dir, 'store.json');
    let now = Date.parse('2026-11-27T01:00:00Z');
    emu = await startShopifyEmulator({ plan: 'plus', orders: 2, statePath: file, accessToken: 'shpat_test_token_1234', clock: () => now });
    const [fo1, fo2] = [...emu.state.fulfillmentOrders.values()];
    const gid = (id: number) => `gid://shopify/FulfillmentOrder/${id}`;
    const c = client(emu);
    const quiet = await c.request(CREATE, {
      variables: {
        f: {
          lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: gid(fo1.id) }],
          trackingInfo: { company: 'UPS', number: '1Z999AA10123456784' },
          notifyCustomer: false,
        },
      },
    });
    await c.request(CREATE, {
      variables: {
        f: {
          lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: gid(fo2.id) }],
          trackingInfo: { company: 'UPS', number: '1Z999AA10123456791' },
          notifyCustomer: true,
        },
      },
    });
    expect(emu.mails().map((m) => [m.kind, m.trackingNumbers])).toEqual([['shipping_confirmation', ['1Z999AA10123456791']]]);
    // The same tracking again, now with notifyCustomer: a shipping update, and updatedAt moves on even on a frozen clock.
    const f1 = (quiet.data as { fulfillmentCreate: { fulfillment: { id: string; updatedAt: string } } }).fulfillmentCreate.fulfillment;
    const u = await c.request(UPDATE, { variables: { id: f1.id, t: { company: 'UPS', number: '1Z999AA10123456784' }, n: true } });
    expect(
      Date.parse((u.data as { fulfillmentTrackingInfoUpdate: { fulfillment: { updatedAt: string } } }).fulfillmentTrackingInfoUpdate.fulfillment.updatedAt),
    ).toBeGreaterThan(Date.parse(f1.updatedAt));
    now += 3_600_000;
    await c.request(UPDATE, { variables: { id: f1.id, t: { company: 'UPS', number: '1Z999AA10123456784' }, n: false } });
    const mails = emu.mails();
    expect(mails.map((m) => [m.kind, m.trackingNumbers[0], m.sentAt])).toEqual([
      ['shipping_confirmation', '1Z999AA10123456791', '2026-11-27T01:00:00Z'],
      ['shipping_update', '1Z999AA10123456784', '2026-11-27T01:00:00Z'],
    ]);
    expect(mails[1].to).toMatch(/@/);
    expect(mails[1].orderName).toBe(emu.state.orders.get(fo1.orderId)!.name);
    await emu.close();
    emu = await startShopifyEmulator({ plan: 'plus', statePath: file, accessToken: 'shpat_test_token_1234' });
    expect(emu.mails()).toEqual(mails);
    expect(((await (await fetch(`${emu.url}/emulator/mails`)).json()) as { mails: unknown[] }).mails).toEqual(mails);
  });
});
