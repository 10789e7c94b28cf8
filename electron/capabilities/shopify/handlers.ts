import { join } from 'node:path';
import { ApiError } from '../../core/errors';
import type { AppEnv, Capability } from '../../app/capability';
import { ShopifyRuntime, runtimeOf } from './runtime';
import { secretStoreFor } from '../../core/secrets';
import { shopifyJobHandler } from './handler';
import { shopifyPickPlanner } from './planner';
import { connectStore, disconnectStore, setNotifyAt, testConnection } from './stores';
import { runIntake } from './intake';
import { parcelSync, syncStatus } from './status';
import { fixDeadLetter } from './fix';
import { answerRequest, pendingRequests } from './requests';
import { startDemoStore } from './demo';
import { saveTrackingPage, trackingPageOf } from './tracking-page';
import type { ShopifyEmulator } from './emulator';

/** The capability's live state for one app (the env is per app). */
export const shopifyRuntime = (env: AppEnv) => runtimeOf(env, () => new ShopifyRuntime(env.ctx, secretStoreFor(env.dataDir)));
const demoStores = new WeakMap<AppEnv, ShopifyEmulator>();
/** The demo store's emulator of an app (tests assert what Shopify received: fulfillments, e-mails, events). */
export const demoStoreOf = (env: AppEnv) => demoStores.get(env);

const INTAKE_EVERY_MS = 60_000;

export const shopifyCapability: Capability = {
  name: 'shopify',
  planners: [shopifyPickPlanner],
  jobHandlers: (env) => [shopifyJobHandler(shopifyRuntime(env))],
  async start(env) {
    const rt = shopifyRuntime(env);
    const reader = env.ctx.store.read.shopify;
    // Jobs a killed run held may have reached Shopify: they look before they create again.
    for (const id of reader.leasedJobIds()) {
      rt.uncertain.add(id);
      env.ctx.store.jobs.release(id);
    }
    const demoCount = env.demo ? env.ctx.store.read.meta.get('demo_shopify_orders') : undefined;
    if (demoCount !== undefined) demoStores.set(env, await startDemoStore(rt, Number(demoCount), join(env.dataDir, 'shopify-emulator', 'demo-store.json')));
    const intake = (storeId: string) => {
      if (!rt.intake.get(storeId)?.running) runIntake(env.ctx, rt, storeId).catch(() => undefined);
    };
    const timer = setInterval(() => {
      if (!env.site.duty('shopify-intake')) return;
      for (const s of reader.stores()) intake(s.id);
    }, INTAKE_EVERY_MS);
    timer.unref();
    // An accepted fulfillment request is ours to ship: take its order in now, not at the next minute.
    const offAccepted = env.ctx.store.onCommit((events) => {
      for (const e of events)
        if (e.type === 'shopify.request_answered' && (e.payload as { accepted: boolean }).accepted) intake((e.payload as { storeId: string }).storeId);
    });
    return async () => {
      offAccepted();
      clearInterval(timer);
      await demoStores.get(env)?.close();
    };
  },
  handlers: (env) => {
    const rt = shopifyRuntime(env);
    return {
      'shopify.status': () => syncStatus(rt),
      'shopify.test': async (input) => {
        const token = input.accessToken ?? (input.storeId ? rt.secrets.get(input.storeId) : null);
        if (!token) throw new ApiError('BAD_INPUT', 'Paste the Admin API access token to test.', [{ path: 'accessToken', message: 'required' }]);
        return testConnection(rt, { ...input, accessToken: token });
      },
      'shopify.connect': async (input) => {
        const r = await connectStore(rt, input);
        return { store: r.store, check: r.check };
      },
      'shopify.disconnect': ({ storeId }) => (disconnectStore(rt, storeId), { storeId }),
      'shopify.notifyAt': ({ storeId, notifyAt }) => setNotifyAt(env.ctx, storeId, notifyAt),
      'shopify.trackingPages': () =>
        env.ctx.store.read.shopify.stores().map((s) => ({ storeId: s.id, name: s.shopName || s.shopDomain, ...trackingPageOf(env.ctx, s.id) })),
      'shopify.trackingPage': (input) => saveTrackingPage(env.ctx, input),
      'shopify.intake': ({ storeId }) => runIntake(env.ctx, rt, storeId),
      'shopify.parcel': ({ parcelId }) => parcelSync(rt, parcelId),
      'shopify.fix': (input) => fixDeadLetter(rt, input),
      'shopify.requests': ({ storeId }) => pendingRequests(rt, storeId),
      'shopify.requests.answer': (input) => answerRequest(rt, input),
      'shopify.demo.network': ({ online, faults }) => {
        if (!env.testClock) throw new ApiError('FORBIDDEN', 'The demo store can only be cut off on a console started with --test-clock (tests).');
        const emu = demoStores.get(env);
        if (!emu) throw new ApiError('NOT_FOUND', 'This console runs no demo Shopify store.');
        emu.setOffline(!online);
        if (faults !== undefined) emu.setFaults(faults);
        return { online, faults: faults ?? 0 };
      },
    };
  },
};
