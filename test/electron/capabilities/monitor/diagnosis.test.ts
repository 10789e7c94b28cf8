import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { gapsOf, type GapFacts } from '../../../../electron/capabilities/monitor/gaps';
import { costEstimate } from '../../../../electron/capabilities/monitor/site';
import { DEFAULT_COSTS } from '../../../../electron/capabilities/monitor/settings';
import { D, H, T0, drain, handOver, monitorApp, pick, type TestApp } from './helpers';

const iso = (ms: number) => new Date(ms).toISOString();
const ok: GapFacts = {
  orderCreatedAt: iso(T0 - 2 * H),
  pickedAt: iso(T0),
  shopify: { queuedAt: iso(T0), syncedAt: iso(T0 + 3 * 60_000), notifyCustomer: true },
  pickupAt: iso(T0 + 8 * H),
  handedOverAt: iso(T0 + 8 * H),
  windowTo: iso(T0 + 8 * H + 120 * H),
  firstScanAt: iso(T0 + 80 * H),
  firstLearnedAt: iso(T0 + 82 * H),
};
const state = (f: GapFacts, now = T0 + 10 * D) => Object.fromEntries(gapsOf(f, now).map((g) => [g.key, g.state]));

describe('the five gaps of a parcel (Table 1), crafted one at a time', () => {
  it('a parcel that went well is late nowhere', () => {
    expect(state(ok)).toEqual({ issued: 'ok', shopify: 'ok', handover: 'ok', first_scan: 'ok', reported: 'ok', notification: 'ok' });
  });
  it('gap 1 — issued late: the number came 20 h after the order', () => {
    const g = gapsOf({ ...ok, orderCreatedAt: iso(T0 - 20 * H) }, T0 + 10 * D)[0];
    expect(g).toMatchObject({ gap: 1, key: 'issued', state: 'late', hours: 20, limitHours: 12 });
  });
  it('gap 2 — reached Shopify late (a batch 6 h later), or is still not there', () => {
    expect(state({ ...ok, shopify: { ...ok.shopify!, syncedAt: iso(T0 + 6 * H) } }).shopify).toBe('late');
    expect(state({ ...ok, shopify: { ...ok.shopify!, syncedAt: null } }, T0 + 2 * H).shopify).toBe('open_late');
    expect(state({ ...ok, shopify: null }).shopify).toBe('n/a');
  });
  it('handed over late: after its pickup plus grace; or missed it and still here', () => {
    expect(state({ ...ok, handedOverAt: iso(T0 + 8 * H + 2 * H + 1) }).handover).toBe('late');
    expect(state({ ...ok, handedOverAt: null, firstScanAt: null, firstLearnedAt: null }, T0 + 11 * H).handover).toBe('open_late');
  });
  it('gap 3 — carrier first scan late: after the expected window, or none and past it', () => {
    expect(gapsOf({ ...ok, firstScanAt: iso(T0 + 130 * H), firstLearnedAt: iso(T0 + 131 * H) }, T0 + 10 * D)[3]).toMatchObject({
      key: 'first_scan',
      state: 'late',
      hours: 122,
      limitHours: 120,
    });
    expect(state({ ...ok, firstScanAt: null, firstLearnedAt: null }, T0 + 129 * H).first_scan).toBe('open_late');
    expect(state({ ...ok, firstScanAt: null, firstLearnedAt: null }, T0 + 100 * H).first_scan).toBe('open');
  });
  it('gap 4 — carrier reported late: the first scan showed 20 h after it happened', () => {
    expect(gapsOf({ ...ok, firstLearnedAt: iso(T0 + 100 * H) }, T0 + 10 * D)[4]).toMatchObject({ key: 'reported', state: 'late', hours: 20 });
  });
  it('gap 5 — the notification: not requested on the fulfillment, or not a Shopify order', () => {
    expect(state({ ...ok, shopify: { ...ok.shopify!, notifyCustomer: false } }).notification).toBe('late');
    expect(state({ ...ok, shopify: null }).notification).toBe('n/a');
  });
  it("gap 5 — the buyer's silence runs from the moment they are told: at pick or at handover, per the store's setting", () => {
    const atPick = gapsOf({ ...ok, shopify: { ...ok.shopify!, notifyAt: 'pick', notifiedAt: iso(T0 + 3 * 60_000) } }, T0 + 10 * D)[5];
    expect(atPick).toMatchObject({ key: 'notification', state: 'ok', from: iso(T0 + 3 * 60_000), to: iso(T0 + 80 * H), hours: 80 });
    const atHandover = gapsOf({ ...ok, shopify: { ...ok.shopify!, notifyCustomer: false, notifyAt: 'handover', notifiedAt: iso(T0 + 8 * H) } }, T0 + 10 * D)[5];
    expect(atHandover).toMatchObject({ state: 'ok', from: iso(T0 + 8 * H), hours: 72, limitHours: 120 });
    // Not handed over yet: the buyer was not told, so no silent tracking link (not "late").
    const waiting = gapsOf(
      {
        ...ok,
        shopify: { ...ok.shopify!, notifyCustomer: false, notifyAt: 'handover', notifiedAt: null },
        handedOverAt: null,
        firstScanAt: null,
        firstLearnedAt: null,
      },
      T0 + 2 * H,
    )[5];
    expect(waiting).toMatchObject({
      state: 'open',
      from: null,
      text: 'Shopify e-mails the buyer at handover: not handed over yet, so no silent tracking link.',
    });
    // Told, then silent past the window.
    expect(
      gapsOf(
        { ...ok, shopify: { ...ok.shopify!, notifyAt: 'handover', notifiedAt: iso(T0 + 8 * H) }, firstScanAt: null, firstLearnedAt: null },
        T0 + 130 * H,
      )[5].state,
    ).toBe('open_late');
  });
});

describe('Table 4 cost estimate', () => {
  it('matches the article’s rows at $15/h with its ticket rates', () => {
    expect(costEstimate([{ routeType: 'postal', ordersPerDay: 30 }], DEFAULT_COSTS)).toMatchObject({
      ticketsPerDay: 5.3,
      minutesPerDay: 26,
      monthlyCost: 197,
      risk: 'Low',
    });
    expect(costEstimate([{ routeType: 'postal', ordersPerDay: 100 }], DEFAULT_COSTS)).toMatchObject({
      ticketsPerDay: 17.5,
      minutesPerDay: 88,
      monthlyCost: 656,
    });
    expect(costEstimate([{ routeType: 'postal', ordersPerDay: 300 }], { ...DEFAULT_COSTS, hourlyRate: 20 })).toMatchObject({
      ticketsPerDay: 52.5,
      monthlyCost: 2625,
    });
    expect(costEstimate([{ routeType: 'private', ordersPerDay: 100 }], DEFAULT_COSTS).ticketsPerDay).toBe(4);
  });
});

let app: TestApp;
afterEach(async () => app?.dispose());

describe('the support helper walks Table 2 for one parcel', () => {
  it('order not picked: no number at all (gap 1), fix 5, a reply', async () => {
    app = await monitorApp();
    app.clock.set(T0 + 20 * H);
    const r = await api(app, 'monitor.support', { query: '1007' });
    expect(r.results).toEqual([]);
    expect(r.waiting[0]).toMatchObject({ orderName: '#1007', status: 'open', fix: { n: 5 } });
    expect(r.waiting[0].reply).toContain('#1007');
  });

  it('picked, missed its pickup: the carrier does not have it; fix 1 with the window; the reply says so', async () => {
    app = await monitorApp();
    const p = await pick(app, '#1001');
    app.clock.set(T0 + 3 * D);
    const r = await api(app, 'monitor.support', { query: p.trackingNumber });
    const { diagnosis, tree } = r.results[0];
    expect(diagnosis.current).toMatchObject({ key: 'handover', state: 'open_late' });
    expect(tree).toMatchObject({ symptom: 'shows_nothing', inferred: true, gap: 3, fixes: [{ n: 1 }] });
    expect(tree.rootCause).toContain('missed its pickup');
    expect(tree.reply).toContain(diagnosis.parcel.trackingUrl);
  });

  it('handed over, no scan yet, inside its window: gap 3, fix 1 — and past it, the question whether it repeats on the line', async () => {
    app = await monitorApp(20);
    const ps = [];
    for (let i = 0; i < 20; i++) ps.push(await pick(app, `#${1001 + i}`));
    const p = ps.find((x) => x.lineId === 'postal-s10')!;
    await handOver(app, p.lineId, [p.trackingNumber]);
    const handed = app.clock.now().getTime();
    app.clock.set(handed + 30 * H);
    let { diagnosis, tree } = (await api(app, 'monitor.support', { query: p.orderName })).results[0];
    expect(diagnosis.current?.key).toBe('first_scan');
    expect(tree).toMatchObject({ gap: 3, fixes: [{ n: 1 }] });
    expect(tree.reply).toMatch(/3-5 days|we expect it by/);
    app.clock.set(handed + 12 * D);
    ({ diagnosis, tree } = (await api(app, 'monitor.support', { query: p.orderName })).results[0]);
    expect(diagnosis.gaps.find((g) => g.key === 'first_scan')?.state).toBe('open_late');
    expect(tree.fixes.map((f) => f.n)).toEqual([1, 2]); // the only postal parcel of the line is late: it repeats
  });

  it('scanned, but the source showed it 20 h late: gap 4, fix 3; the tracking lines carry both times', async () => {
    app = await monitorApp();
    // No handover recorded here, so the emulated carrier has nothing of its own: only the crafted scan.
    const p = await pick(app, '#1002');
    app.clock.set(app.clock.now().getTime() + 2 * D);
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'accepted', hoursAgo: 20, sourceId: 'aggregator' });
    await drain(app);
    const { diagnosis, tree } = (await api(app, 'monitor.support', { query: p.trackingNumber, symptom: 'shows_nothing' })).results[0];
    const accepted = diagnosis.scans.find((s) => s.status === 'accepted')!;
    expect(accepted.lagHours).toBe(20);
    expect(accepted.source).toContain('aggregator');
    expect(diagnosis.gaps.find((g) => g.key === 'reported')).toMatchObject({ state: 'late', hours: 20 });
    expect(tree).toMatchObject({ gap: 4, fixes: [{ n: 3 }], inferred: false });
  });

  it('tracking stopped mid-route: fix 7; past the lost threshold it says reship', async () => {
    app = await monitorApp();
    const p = await pick(app, '#1003');
    await handOver(app, p.lineId, [p.trackingNumber]);
    app.clock.set(app.clock.now().getTime() + 2 * D);
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'in_transit', hoursAgo: 1, location: 'Guangzhou hub, CN' });
    await drain(app);
    const t = app.clock.now().getTime();
    app.clock.set(t + 4 * D);
    expect((await api(app, 'monitor.support', { query: p.trackingNumber })).results[0].tree).toMatchObject({ symptom: 'stopped', fixes: [{ n: 7 }] });
    app.clock.set(t + 16 * D);
    const tree = (await api(app, 'monitor.support', { query: p.trackingNumber })).results[0].tree;
    expect(tree.rootCause).toContain('treated as lost');
    expect(tree.action).toContain('Reship');
  });

  it('a scan in another country than the buyer’s: the number is on another parcel, fix 4', async () => {
    app = await monitorApp();
    const p = await pick(app, '#1001'); // Emma Johnson, US
    await handOver(app, p.lineId, [p.trackingNumber]);
    app.clock.set(app.clock.now().getTime() + 3 * D);
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'in_transit', hoursAgo: 2, location: 'Toronto, CA' });
    await drain(app);
    const tree = (await api(app, 'monitor.support', { query: p.trackingNumber })).results[0].tree;
    expect(tree).toMatchObject({ fixes: [{ n: 4 }] });
    expect(tree.steps[0].answer).toContain('Toronto, CA');
  });

  it('the site view: share of parcels per gap per line and weekday, and the cost estimate with an edited hourly rate', async () => {
    app = await monitorApp(12);
    for (let i = 0; i < 12; i++) await pick(app, `#${1001 + i}`);
    app.clock.set(T0 + 3 * D);
    const v = await api(app, 'monitor.site', { days: 30, hourlyRate: 30 });
    expect(v.parcels).toBe(12);
    expect(v.overall.handover).toBe(1); // none was handed over: all missed their pickup
    expect(v.weekdays.find((d) => d.day === 'Mon')!.parcels).toBe(12);
    expect(v.lines.reduce((s, l) => s + l.parcels, 0)).toBe(12);
    expect(v.costs.hourlyRate).toBe(30);
    const tickets = v.lines.reduce((s, l) => s + (l.parcels / 30) * v.costs.ticketRates[l.routeType], 0);
    expect(v.estimate.monthlyCost).toBeCloseTo((tickets * 5 * 30 * 30) / 60, 0);
  });
});
