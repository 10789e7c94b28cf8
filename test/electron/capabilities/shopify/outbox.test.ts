import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { ALL_FAULT_KINDS } from '../../../../electron/capabilities/shopify/emulator';
import { fulfillmentsByNumber, shopApp, waitFor } from './helpers';

type Ctx = Awaited<ReturnType<typeof shopApp>>;
let t: Ctx | null = null;
afterEach(async () => {
  if (!t) return;
  await t.app.dispose();
  await t.emu.close();
  t = null;
});

async function pickAll(app: Ctx['app'], from: number, n: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await api(app, 'pick.scan', { code: `#${from + i}` });
    if (r.outcome !== 'issued') throw new Error(`#${from + i}: ${r.outcome}`);
    numbers.push(r.parcel.trackingNumber);
  }
  return numbers;
}

const status = (app: Ctx['app']) => api(app, 'shopify.status', {});

describe('Shopify outbox: never twice, never lost', () => {
  it("a pick sends the parcel number to Shopify with the line's exact company and URL, and the Sync view shows it synced", async () => {
    t = await shopApp({ orders: 3 });
    const [number] = await pickAll(t.app, 1001, 1);
    await waitFor(async () => (await status(t!.app)).counts.synced === 1, 'synced');
    const [f] = [...t.emu.state.fulfillments.values()];
    expect(f.trackingInfo).toEqual([{ company: 'UPS', number, url: `https://www.ups.com/track?tracknum=${number}` }]);
    expect(t.emu.state.fulfillmentOrder(f.fulfillmentOrderIds[0])!.status).toBe('CLOSED');
    const s = await status(t.app);
    expect(s.recent[0]).toMatchObject({ trackingNumber: number, state: 'synced', late: false, deduped: false });
    expect(s.stores[0]).toMatchObject({ id: 'shop', state: 'online', queued: 0 });
    const parcel = await api(t.app, 'shopify.parcel', { parcelId: s.recent[0].parcelId });
    expect(parcel?.fulfillmentGid).toBe(`gid://shopify/Fulfillment/${f.id}`);
  });

  it('a create whose answer was lost is found by its tracking number on retry, not created again', async () => {
    t = await shopApp({ orders: 3 });
    t.emu.setFaults(1, ['timeout-after']);
    const [number] = await pickAll(t.app, 1001, 1);
    await waitFor(() => t!.emu.state.fulfillments.size === 1, 'the lost create to apply');
    t.emu.setFaults(0);
    await waitFor(async () => (await status(t!.app)).counts.synced === 1, 'synced');
    expect(fulfillmentsByNumber(t.emu).get(number)).toBe(1);
    const s = await status(t.app);
    expect(s.recent[0].deduped).toBe(true);
    expect(t.emu.stats().mutationsApplied).toBe(1);
  });

  it('an order cancelled in Shopify after pick is a conflict dead letter, not retried forever', async () => {
    t = await shopApp({ orders: 3, runJobs: false });
    await pickAll(t.app, 1002, 1);
    t.emu.state.cancelOrder([...t.emu.state.orders.values()].find((o) => o.name === '#1002')!.id, 'CUSTOMER');
    t.runner.start();
    await waitFor(async () => (await status(t!.app)).deadLetters.length === 1, 'dead letter');
    const s = await status(t.app);
    expect(s.deadLetters[0]).toMatchObject({ orderName: '#1002', conflict: true });
    expect(s.deadLetters[0].error).toMatch(/^Conflict: the order was cancelled in Shopify.*unfulfillable status= closed/);
    expect(s.counts.conflict).toBe(1);
    expect(t.emu.state.fulfillments.size).toBe(0);
  });

  it("a true refusal keeps Shopify's exact message; fixing the line items from the Sync screen sends it", async () => {
    t = await shopApp({ orders: 3, runJobs: false });
    await pickAll(t.app, 1003, 1);
    // Someone ships one unit of the order's first line in Shopify meanwhile: our quantities no longer fit.
    const order = [...t.emu.state.orders.values()].find((o) => o.name === '#1003')!;
    const fo = t.emu.state.fulfillmentOrdersOf(order.id)[0];
    fo.lineItems[0].remainingQuantity -= 1;
    t.runner.start();
    await waitFor(async () => (await status(t!.app)).deadLetters.length === 1, 'dead letter');
    const dead = (await status(t.app)).deadLetters[0];
    expect(dead.conflict).toBe(false);
    expect(dead.error).toBe('Shopify refused: Invalid fulfillment order line item quantity requested. (field fulfillment)');
    const fixed = await api(t.app, 'shopify.fix', { jobId: dead.jobId, refreshLines: true });
    expect(fixed.change).toContain('remaining line items');
    await waitFor(async () => (await status(t!.app)).counts.synced === 1, 'synced after fix');
    expect((await status(t.app)).deadLetters).toEqual([]);
  });

  it('paces by cost: draining more than the bucket holds on the Standard plan gets no THROTTLED answer', { timeout: 120_000 }, async () => {
    t = await shopApp({ orders: 230, runJobs: false, emulator: { plan: 'standard' } });
    await pickAll(t.app, 1001, 230);
    // The intake spent points too: start from a bucket this drain must wait on.
    const throttledBefore = t.emu.stats().throttled;
    t.runner.start();
    await waitFor(() => t!.app.store.read.jobs.depth('shopify.').queued === 0, 'drain', 100_000);
    expect(t.emu.stats().throttled - throttledBefore).toBe(0);
    expect(t.rt.pacer(t.emu.shopDomain).stats.waitedMs).toBeGreaterThan(0);
    expect((await status(t.app)).counts).toEqual({ synced: 230 });
  });

  it('20 % faults of every kind over 2,000 jobs: 0 duplicate fulfillments, 0 lost, no dead letters', { timeout: 600_000 }, async () => {
    t = await shopApp({ orders: 2000, runJobs: false });
    const numbers = await pickAll(t.app, 1001, 2000);
    t.emu.setFaults(0.2, [...ALL_FAULT_KINDS]);
    t.runner.start();
    const t0 = Date.now();
    await waitFor(() => t!.app.store.read.jobs.depth('shopify.').queued === 0, 'drain', 500_000);
    console.log(`2000 jobs with 20 % faults drained in ${Date.now() - t0} ms`, t.emu.stats().faults);
    const s = await status(t.app);
    const by = fulfillmentsByNumber(t.emu);
    expect(numbers.filter((n) => by.get(n) !== 1)).toEqual([]);
    expect([...by.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect(s.counts).toEqual({ synced: 2000 });
    expect(s.deadLetters).toEqual([]);
    const faults = t.emu.stats().faults;
    for (const k of ALL_FAULT_KINDS) expect(faults[k], k).toBeGreaterThan(10);
  });

  it('500 parcels picked while offline all reach Shopify once the network returns, and the queue is seen draining', { timeout: 180_000 }, async () => {
    t = await shopApp({ orders: 500 });
    t.emu.setOffline(true);
    const numbers = await pickAll(t.app, 1001, 500);
    await waitFor(async () => (await status(t!.app)).stores[0].state === 'offline', 'offline state');
    const before = await status(t.app);
    expect(before.queued).toBe(500);
    expect(before.stores[0].lastError).toBeTruthy();
    t.emu.setOffline(false);
    const seen: number[] = [];
    await waitFor(
      async () => {
        const q = t!.app.store.read.jobs.depth('shopify.').queued;
        seen.push(q);
        return q === 0;
      },
      'drain',
      150_000,
    );
    expect(seen.some((q) => q > 0 && q < 500)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]);
    const by = fulfillmentsByNumber(t.emu);
    expect(numbers.filter((n) => by.get(n) !== 1)).toEqual([]);
    const after = await status(t.app);
    expect(after.stores[0].state).toBe('online');
    expect(after.counts).toEqual({ synced: 500 });
  });
});
