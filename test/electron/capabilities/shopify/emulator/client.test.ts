import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApiClient } from '@shopify/admin-api-client';
import { emulatorClientConfig, startShopifyEmulator, type ShopifyEmulator } from '../../../../../electron/capabilities/shopify/emulator';

describe('@shopify/admin-api-client against the emulator', () => {
  let emu: ShopifyEmulator;
  beforeAll(async () => {
    emu = await startShopifyEmulator({ orders: 5, seed: 42 });
  });
  afterAll(() => emu.close());

  it('queries shop, creates a fulfillment with tracking and reads it back', async () => {
    const client = createAdminApiClient(emulatorClientConfig(emu));
    const shop = await client.request('{ shop { name myshopifyDomain plan { displayName } } currentAppInstallation { accessScopes { handle } } }');
    expect(shop.errors).toBeUndefined();
    expect(shop.data.shop).toEqual({ name: 'Firstscan Demo Store', myshopifyDomain: emu.shopDomain, plan: { displayName: 'Shopify' } });
    expect(shop.data.currentAppInstallation.accessScopes.map((s: any) => s.handle)).toContain('write_merchant_managed_fulfillment_orders');

    const list = await client.request(
      'query { fulfillmentOrders(first: 2) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity lineItem { sku variant { barcode } } } } destination { countryCode } } } }',
    );
    const fo = list.data.fulfillmentOrders.nodes[0];
    expect(fo.status).toBe('OPEN');
    const created = await client.request(
      `mutation Create($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status trackingInfo { company number url } } userErrors { field message } } }`,
      {
        variables: {
          fulfillment: {
            lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }],
            trackingInfo: { company: 'UPS', number: '1Z999AA10123456784' },
            notifyCustomer: false,
          },
        },
      },
    );
    expect(created.data.fulfillmentCreate.userErrors).toEqual([]);
    const f = created.data.fulfillmentCreate.fulfillment;
    expect(f.status).toBe('SUCCESS');
    expect(f.trackingInfo[0]).toMatchObject({ company: 'UPS', number: '1Z999AA10123456784' });
    expect(f.trackingInfo[0].url).toContain('ups.com');

    const back = await client.request(
      'query Read($id: ID!) { fulfillmentOrder(id: $id) { status fulfillments(first: 5) { nodes { id trackingInfo { number } } } } }',
      { variables: { id: fo.id } },
    );
    expect(back.data.fulfillmentOrder.status).toBe('CLOSED');
    expect(back.data.fulfillmentOrder.fulfillments.nodes).toEqual([{ id: f.id, trackingInfo: [{ number: '1Z999AA10123456784' }] }]);
    expect(emu.stats().mutationsApplied).toBe(1);
  });

  it('a wrong token gets Shopify 401', async () => {
    const r = await fetch(emu.graphqlUrl('2026-07'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': 'nope' },
      body: JSON.stringify({ query: '{ shop { name } }' }),
    });
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });
});
