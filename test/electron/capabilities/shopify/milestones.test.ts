import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../../../electron/core/clock';
import { api, demoApp } from '../../../support/app';
import { runtimeOf } from '../../../../electron/capabilities/monitor/runtime';
import { demoStoreOf } from '../../../../electron/capabilities/shopify/handlers';
import { DEMO_STORE } from '../../../../electron/capabilities/demo/data';

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T01:00:00Z');
let app: Awaited<ReturnType<typeof demoApp>> & { clock: SettableClock };
afterEach(async () => app?.dispose());

async function start() {
  const clock = new SettableClock(T0);
  const a = await demoApp({ runJobs: false, testClock: clock, demoOrders: 12, demoShopify: true });
  let real = 0;
  runtimeOf(a.ctx).realNowMs = () => (real += 60_000);
  app = Object.assign(a, { clock });
}

async function drain() {
  for (let i = 0; i < 200; i++) {
    const started = app.runner.pass();
    await app.runner.idle();
    if (!started) break;
  }
}

async function pickAndHandOver(order: string) {
  const r = await api(app, 'pick.scan', { code: order });
  if (r.outcome !== 'issued') throw new Error(order);
  await drain();
  const m = await api(app, 'dispatch.open', { lineId: r.parcel.lineId });
  await api(app, 'dispatch.scan', { manifestId: m.id, code: r.parcel.trackingNumber });
  const closed = await api(app, 'dispatch.close', { manifestId: m.id });
  await api(app, 'dispatch.handover', { code: closed.manifest.number!, driver: 'Li Wei', via: 'lead_confirm' });
  await drain();
  return r.parcel;
}

describe('milestones go to Shopify as fulfillment events (seed step 6)', () => {
  it('sends each milestone the monitor learns once, in order, whatever the repeats; the store’s branded page is the tracking URL Shopify gets', async () => {
    await start();
    await api(app, 'shopify.trackingPage', {
      storeId: DEMO_STORE,
      template: 'https://track.demo-store.example/t/{number}?order={order}',
      useInShopify: true,
      milestones: true,
    });
    const p = await pickAndHandOver('#1001');
    const steps: Array<[string, number]> = [
      ['accepted', 20],
      ['in_transit', 30],
      ['in_transit', 40],
      ['exception', 50],
      ['out_for_delivery', 70],
      ['delivered', 80],
    ];
    for (const [status, h] of steps) {
      app.clock.set(T0 + h * H);
      await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: status as 'accepted', hoursAgo: 1 });
      await drain();
    }
    // A source showing the same delivery again changes nothing.
    app.clock.set(T0 + 90 * H);
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'delivered', hoursAgo: 11 });
    await drain();

    const emu = demoStoreOf(app.env)!;
    const events = emu.fulfillmentEvents().filter((e) => e.trackingNumbers.includes(p.trackingNumber));
    expect(events.map((e) => e.status)).toEqual(['CARRIER_PICKED_UP', 'IN_TRANSIT', 'DELAYED', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(events.every((e) => e.orderName === '#1001')).toBe(true);
    const happened = events.map((e) => Date.parse(e.happenedAt));
    expect([...happened].sort((a, b) => a - b)).toEqual(happened);
    // The emulator serves the same record over HTTP for tests and the demo.
    const url = new URL('/emulator/events', emu.url);
    const served = (await (await fetch(url)).json()) as { events: Array<{ status: string }> };
    expect(served.events.map((e) => e.status)).toEqual(emu.fulfillmentEvents().map((e) => e.status));
    const f = [...emu.state.fulfillments.values()].find((x) => x.trackingInfo.some((t) => t.number === p.trackingNumber))!;
    expect(f.trackingInfo[0].url).toBe(`https://track.demo-store.example/t/${p.trackingNumber}?order=1001`);
  }, 60_000);

  it('sends nothing for a store that keeps its own notification stack (milestones off), and refuses a page address without {number}', async () => {
    await start();
    await expect(
      api(app, 'shopify.trackingPage', { storeId: DEMO_STORE, template: 'https://track.example/', useInShopify: true, milestones: true }),
    ).rejects.toThrow(/\{number\}/);
    await api(app, 'shopify.trackingPage', { storeId: DEMO_STORE, template: null, useInShopify: false, milestones: false });
    const p = await pickAndHandOver('#1002');
    app.clock.set(T0 + 20 * H);
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'accepted', hoursAgo: 1 });
    await drain();
    expect(demoStoreOf(app.env)!.fulfillmentEvents()).toEqual([]);
    expect((await api(app, 'shopify.trackingPages', {}))[0]).toMatchObject({ storeId: DEMO_STORE, template: null, milestones: false });
  }, 60_000);
});
