import { randomBytes } from 'node:crypto';
import { shopifyReader } from '../../../db/shopify/reader';
import { buildDemoOrders } from '../demo/seed';
import { DEMO_STORE, demoLines } from '../demo/data';
import { startShopifyEmulator, type ShopifyEmulator } from './emulator';
import type { Address } from './emulator/model';
import { connectStore } from './stores';
import { runIntake } from './intake';
import type { ShopifyRuntime } from './runtime';

export const DEMO_SHOP_DOMAIN = 'firstscan-demo.myshopify.com';
export const DEMO_API_VERSION = '2026-07';

/**
 * The demo's Shopify store: an emulator in this process (127.0.0.1, ephemeral port, Plus plan, no
 * faults) holding the demo orders. The console connects to it like to a real store and takes the
 * orders in through the intake. Its state lives in memory: on restart it is seeded again with the
 * same orders (same ids), so the console's links still match; earlier fulfillments are not kept.
 */
export async function startDemoStore(rt: ShopifyRuntime, orderCount: number): Promise<ShopifyEmulator> {
  const ctx = rt.ctx;
  const token = rt.secrets.get(DEMO_STORE) ?? `shpat_demo_${randomBytes(12).toString('hex')}`;
  const emu = await startShopifyEmulator({ plan: 'plus', faults: 0, orders: 0, shopDomain: DEMO_SHOP_DOMAIN, accessToken: token });
  emu.state.shop.name = 'Firstscan Demo Store';
  const lineName = new Map(demoLines.map(({ line }) => [line.id, line.name]));
  for (const o of buildDemoOrders(orderCount, ctx.clock.now())) {
    const [firstName, ...rest] = o.shipTo.name.split(' ');
    const address: Address = {
      firstName,
      lastName: rest.join(' '),
      company: o.shipTo.company ?? null,
      address1: o.shipTo.address1,
      address2: o.shipTo.address2 ?? null,
      city: o.shipTo.city,
      province: o.shipTo.province ?? null,
      provinceCode: o.shipTo.province ?? null,
      country: o.shipTo.country,
      countryCode: o.shipTo.country,
      zip: o.shipTo.zip,
      phone: o.shipTo.phone ?? null,
    };
    emu.state.addOrder({
      email: o.email,
      createdAt: o.createdAt,
      shippingAddress: address,
      shippingLineTitle: lineName.get(o.lineId ?? '') ?? 'Standard Shipping',
      lineItems: o.items.map((it) => ({ title: it.title, sku: it.sku, barcode: it.barcode ?? '', quantity: it.quantity })),
    });
  }
  rt.setEndpoint(DEMO_STORE, emu.url);
  if (!shopifyReader(ctx.store.db).store(DEMO_STORE)) {
    await connectStore(rt, {
      id: DEMO_STORE,
      shopDomain: DEMO_SHOP_DOMAIN,
      accessToken: token,
      apiVersion: DEMO_API_VERSION,
      endpoint: emu.url,
      flow: 'merchant',
      lineRules: Object.fromEntries(demoLines.map(({ line }) => [line.name, line.id])),
      defaultLineId: 'postal-s10',
    });
    rt.setEndpoint(DEMO_STORE, emu.url);
  }
  await runIntake(ctx, rt, DEMO_STORE);
  return emu;
}
