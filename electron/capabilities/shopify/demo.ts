import { randomBytes } from 'node:crypto';
import { buildDemoOrders } from '../demo/seed';
import { DEMO_STORE, demoLines } from '../demo/data';
import { startShopifyEmulator, type ShopifyEmulator } from './emulator';
import type { Address } from './emulator/model';
import type { EmulatorState } from './emulator/state';
import { connectStore } from './stores';
import { runIntake } from './intake';
import type { ShopifyRuntime } from './runtime';

export const DEMO_SHOP_DOMAIN = 'firstscan-demo.myshopify.com';
export const DEMO_API_VERSION = '2026-07';

/** Demo orders beyond the pick list that wait as fulfillment requests (accept or reject them in Sync). */
export const DEMO_REQUESTS = 3;

/**
 * The demo's Shopify store: an emulator in this process (127.0.0.1, ephemeral port, Plus plan, no
 * faults) holding the demo orders. The console connects to it like to a real store and takes the
 * orders in through the intake. With `stateFile` its state (orders, fulfillments, events) is kept
 * there and loaded on the next start, so a restart keeps what was sent to it.
 */
export async function startDemoStore(rt: ShopifyRuntime, orderCount: number, stateFile?: string): Promise<ShopifyEmulator> {
  const ctx = rt.ctx;
  const token = rt.secrets.get(DEMO_STORE) ?? `shpat_demo_${randomBytes(12).toString('hex')}`;
  const emu = await startShopifyEmulator({
    plan: 'plus',
    faults: 0,
    shopDomain: DEMO_SHOP_DOMAIN,
    accessToken: token,
    statePath: stateFile,
    clock: () => ctx.clock.now().getTime(),
    seedState: (state) => seedDemoStore(state, orderCount, ctx.clock.now()),
  });
  rt.setEndpoint(DEMO_STORE, emu.url);
  if (!ctx.store.read.shopify.store(DEMO_STORE)) {
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

/** The demo orders, then a few more sent to the site as fulfillment requests. */
function seedDemoStore(state: EmulatorState, orderCount: number, now: Date): void {
  state.shop.name = 'Firstscan Demo Store';
  const lineName = new Map(demoLines.map(({ line }) => [line.id, line.name]));
  const all = buildDemoOrders(orderCount + DEMO_REQUESTS, now);
  all.forEach((o, i) => {
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
    const order = state.addOrder({
      email: o.email,
      createdAt: o.createdAt,
      shippingAddress: address,
      shippingLineTitle: lineName.get(o.lineId ?? '') ?? 'Standard Shipping',
      lineItems: o.items.map((it) => ({ title: it.title, sku: it.sku, barcode: it.barcode ?? '', quantity: it.quantity })),
    });
    if (i >= orderCount) for (const fo of state.fulfillmentOrdersOf(order.id)) state.submitFulfillmentRequest(fo.id, 'Please ship from your warehouse.');
  });
}
