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

  it('a split order tells Shopify "picked up" once, when its first parcel is handed over; "delivered" once, when its last is delivered', async () => {
    await start();
    await api(app, 'shopify.trackingPage', { storeId: DEMO_STORE, template: null, useInShopify: false, milestones: true });
    const order = app.store.read.orders.byName('#1003')[0];
    await api(app, 'pack.rulesSave', { scope: `line:${order.lineId}`, verify: false, itemsPerParcel: null, needsWeight: false, needsCustoms: false });
    expect((await api(app, 'pick.scan', { code: '#1003' })).outcome).toBe('pack');
    await api(app, 'pack.parcels', { orderId: order.id, parcels: 3 });
    const parcels = (await api(app, 'pack.label', { orderId: order.id })).parcels;
    await drain();
    const emu = demoStoreOf(app.env)!;
    const ofOrder = () => emu.fulfillmentEvents().filter((e) => parcels.some((p) => e.trackingNumbers.includes(p.trackingNumber)));
    const handOver = async (ps: typeof parcels) => {
      const m = await api(app, 'dispatch.open', { lineId: order.lineId! });
      for (const p of ps) await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber });
      const closed = await api(app, 'dispatch.close', { manifestId: m.id });
      await api(app, 'dispatch.handover', { code: closed.manifest.number!, driver: 'Li Wei', via: 'lead_confirm' });
      await drain();
    };

    // "1 of 3" leaves first: the buyer learns the order is moving now, not when the last box goes.
    await handOver([parcels[0]]);
    expect(ofOrder().map((e) => e.status)).toEqual(['CARRIER_PICKED_UP']);
    // The other two leave later: nothing new for the fulfillment, and no job died trying.
    await handOver([parcels[1], parcels[2]]);
    expect(ofOrder().map((e) => e.status)).toEqual(['CARRIER_PICKED_UP']);

    const scan = async (p: (typeof parcels)[number], status: string, h: number) => {
      app.clock.set(T0 + h * H);
      await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: status as 'accepted', hoursAgo: 1 });
      await drain();
    };
    await scan(parcels[1], 'in_transit', 20);
    await scan(parcels[0], 'in_transit', 21);
    expect(ofOrder().map((e) => e.status)).toEqual(['CARRIER_PICKED_UP', 'IN_TRANSIT']);
    await scan(parcels[0], 'delivered', 40);
    await scan(parcels[2], 'delivered', 41);
    expect(ofOrder().map((e) => e.status)).toEqual(['CARRIER_PICKED_UP', 'IN_TRANSIT']);
    await scan(parcels[1], 'delivered', 42);
    expect(ofOrder().map((e) => e.status)).toEqual(['CARRIER_PICKED_UP', 'IN_TRANSIT', 'DELIVERED']);
    const dead = await api(app, 'jobs.list', { status: 'dead' });
    expect(dead.filter((j) => j.kind.startsWith('shopify.'))).toEqual([]);
  }, 90_000);

  it('a split order whose parcels are all reported delivered in one carrier file tells Shopify "delivered" once', async () => {
    await start();
    await api(app, 'shopify.trackingPage', { storeId: DEMO_STORE, template: null, useInShopify: false, milestones: true });
    const order = app.store.read.orders.byName('#1004')[0];
    await api(app, 'pack.rulesSave', { scope: `line:${order.lineId}`, verify: false, itemsPerParcel: null, needsWeight: false, needsCustoms: false });
    expect((await api(app, 'pick.scan', { code: '#1004' })).outcome).toBe('pack');
    await api(app, 'pack.parcels', { orderId: order.id, parcels: 2 });
    const parcels = (await api(app, 'pack.label', { orderId: order.id })).parcels;
    await drain();
    const emu = demoStoreOf(app.env)!;
    const ofOrder = () => emu.fulfillmentEvents().filter((e) => parcels.some((p) => e.trackingNumbers.includes(p.trackingNumber)));
    app.clock.set(T0 + 30 * H);
    const rows = parcels.map((p) => `${p.trackingNumber},delivered,2026-11-24 03:00,Lyon`);
    const r = await api(app, 'monitor.import', { csv: `tracking_number,status,scanned_at,location\n${rows.join('\n')}\n` });
    expect(r.fresh).toBe(2);
    await drain();
    expect(ofOrder().map((e) => e.status)).toEqual(['DELIVERED']);
  }, 90_000);
});
