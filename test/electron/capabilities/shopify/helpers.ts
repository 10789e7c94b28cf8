import { api, demoApp } from '../../../support/app';
import { startShopifyEmulator, type ShopifyEmulator, type ShopifyEmulatorOptions } from '../../../../electron/capabilities/shopify/emulator';
import { shopifyRuntime } from '../../../../electron/capabilities/shopify/handlers';
import type { RuntimeSettings } from '../../../../electron/capabilities/shopify/runtime';
import { OutboxRunner } from '../../../../electron/core/outbox/runner';
import { shopifyJobHandler } from '../../../../electron/capabilities/shopify/handler';

export const waitFor = async (fn: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

/**
 * A console (demo site, no demo store) connected to its own emulator store 'shop' with `orders`
 * open orders taken in through the intake. Short timeouts and backoff so fault tests run quickly.
 */
export async function shopApp(opts: {
  orders: number;
  emulator?: ShopifyEmulatorOptions;
  settings?: Partial<RuntimeSettings>;
  runJobs?: boolean;
  dataDir?: string;
  emu?: ShopifyEmulator;
}) {
  const emu = opts.emu ?? (await startShopifyEmulator({ plan: 'plus', orders: opts.orders, seed: 7, ...opts.emulator }));
  const app = await demoApp({ demoOrders: 0, runJobs: false, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  const rt = shopifyRuntime(app.env);
  rt.configure({ timeoutMs: 3_000, backoff: { baseMs: 20, maxMs: 200 }, maxGateWaitMs: 2_000, ...opts.settings });
  await api(app, 'shopify.connect', { id: 'shop', shopDomain: emu.shopDomain, accessToken: emu.accessToken, endpoint: emu.url, defaultLineId: 'ups' });
  await api(app, 'shopify.intake', { storeId: 'shop' });
  // Only the Shopify lanes run: label printing would compete for the CPU and is not under test.
  const runner = new OutboxRunner(app.store, app.ctx.clock, [shopifyJobHandler(rt)]);
  const off = app.store.onCommit(() => runner.wake());
  const dispose = app.dispose.bind(app);
  app.dispose = async () => {
    off();
    await runner.stop();
    await dispose();
  };
  if (opts.runJobs !== false) runner.start();
  return { app, emu, rt, runner };
}

/** Fulfillments in the emulator per tracking number (duplicates show as counts > 1). */
export function fulfillmentsByNumber(emu: ShopifyEmulator): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of emu.state.fulfillments.values()) {
    if (f.status === 'CANCELLED') continue;
    for (const t of f.trackingInfo) if (t.number) m.set(t.number, (m.get(t.number) ?? 0) + 1);
  }
  return m;
}
