import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { fulfillmentsByNumber, shopApp, waitFor } from '../shopify/helpers';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | null = null;
let shop: Awaited<ReturnType<typeof shopApp>> | null = null;
afterEach(async () => {
  await app?.dispose();
  await shop?.app.dispose();
  await shop?.emu.close();
  app = null;
  shop = null;
});

const orderOf = (a: App, name: string) => a.store.read.orders.byName(name)[0];
const rules = (scope: string, r: Partial<{ verify: boolean; itemsPerParcel: number | null; needsWeight: boolean; needsCustoms: boolean }> = {}) => ({
  scope,
  verify: false,
  itemsPerParcel: null,
  needsWeight: false,
  needsCustoms: false,
  ...r,
});

describe('the pack bench', () => {
  it('leaves the one-scan pick unchanged for lines without pack rules', async () => {
    app = await demoApp({ runJobs: false });
    const o = orderOf(app, '#1001');
    const other = app.store.read.lines.all().find((l) => l.id !== o.lineId)!;
    await api(app, 'pack.rulesSave', rules(`line:${other.id}`, { verify: true }));
    const r = await api(app, 'pick.scan', { code: '#1001' });
    expect(r.outcome).toBe('issued');
    if (r.outcome === 'issued') expect(r.parcel.pieces ?? null).toBeNull();
  });

  it('sends a line to the bench from the first scan after its first rule is saved (the pick path reads "any rule?" once, until a rule is saved)', async () => {
    app = await demoApp({ runJobs: false });
    const first = await api(app, 'pick.scan', { code: '#1001' });
    expect(first.outcome).toBe('issued');
    const next = orderOf(app, '#1002');
    await api(app, 'pack.rulesSave', rules(`line:${next.lineId}`, { verify: true }));
    const r = await api(app, 'pick.scan', { code: '#1002' });
    expect(r.outcome).toBe('pack');
  });

  it('splits an order into 3 parcels: 3 numbers, labels "1 of 3" … "3 of 3", one Shopify fulfillment with all three numbers', async () => {
    shop = await shopApp({ orders: 3 });
    const a = shop.app;
    await api(a, 'pack.rulesSave', rules('line:ups'));
    const r = await api(a, 'pick.scan', { code: '#1001' });
    expect(r.outcome).toBe('pack');
    if (r.outcome !== 'pack') return;
    expect((await api(a, 'pack.view', { orderId: r.orderId })).toShip).toBeGreaterThanOrEqual(3);
    const want = 3;
    for (let i = 1; i < want; i++) expect((await api(a, 'pack.scan', { orderId: r.orderId, code: 'PACK-ADD-PARCEL' })).outcome).toBe('parcels');
    const done = await api(a, 'pack.scan', { orderId: r.orderId, code: 'PACK-LABEL' });
    expect(done.outcome).toBe('issued');
    expect(done.parcels!.map((p) => `${p.piece} of ${p.pieces}`)).toEqual(['1 of 3', '2 of 3', '3 of 3']);
    const numbers = done.parcels!.map((p) => p.trackingNumber);
    expect(new Set(numbers).size).toBe(want);
    const preview = await api(a, 'labels.preview', { parcelId: done.parcels![want - 1].id });
    expect(preview.zpl).toContain('PARCEL 3 OF 3');
    await waitFor(() => {
      const m = fulfillmentsByNumber(shop!.emu);
      return numbers.every((n) => m.get(n) === 1);
    }, 'all numbers in Shopify once');
    const fulfillments = [...shop.emu.state.fulfillments.values()].filter((f) => f.status !== 'CANCELLED');
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0].trackingInfo.map((t) => t.number)).toEqual(numbers);
    // Scanning the order again reprints, never issues a fourth number.
    expect((await api(a, 'pick.scan', { code: '#1001' })).outcome).toBe('reprinted');
    expect(a.store.read.parcels.forOrder(r.orderId)).toHaveLength(want);
  });

  it('ships part of an order: the rest stays open with its reason, in Shopify and at the bench', async () => {
    shop = await shopApp({ orders: 3 });
    const a = shop.app;
    await api(a, 'pack.rulesSave', rules('store:shop'));
    const r = await api(a, 'pick.scan', { code: '#1002' });
    if (r.outcome !== 'pack') throw new Error(r.outcome);
    const view = await api(a, 'pack.view', { orderId: r.orderId });
    const first = view.lines[0];
    expect(first.toShip).toBeGreaterThan(0);
    expect(view.toShip).toBeGreaterThan(1);
    const shipNow = [{ idx: first.idx, quantity: first.toShip > 1 ? first.toShip - 1 : first.toShip }];
    const out = await api(a, 'pack.label', { orderId: r.orderId, partial: { lines: shipNow, reason: 'blue size M out of stock' } });
    expect(out.parcels).toHaveLength(1);
    expect(a.store.read.orders.get(r.orderId)!.status).toBe('open');
    const again = await api(a, 'pick.scan', { code: '#1002' });
    expect(again.outcome).toBe('pack');
    if (again.outcome === 'pack') expect(again.message).toMatch(/rest of a partial shipment/);
    const rest = await api(a, 'pack.view', { orderId: r.orderId });
    expect(rest.toShip).toBe(view.toShip - shipNow[0].quantity);
    expect(rest.earlier).toHaveLength(1);
    const timeline = a.store.read.events.about([r.orderId]).map((e) => e.type);
    expect(timeline).toContain('pack.issued');
    await waitFor(() => fulfillmentsByNumber(shop!.emu).get(out.parcels[0].trackingNumber) === 1, 'partial fulfillment');
    const fo = [...shop.emu.state.fulfillmentOrders.values()].find(
      (f) => f.lineItems.some((l) => l.remainingQuantity > 0 && l.totalQuantity > l.remainingQuantity) || f.status === 'IN_PROGRESS',
    );
    expect(fo).toBeTruthy();
    // The rest ships later: the order is done.
    await api(a, 'pack.label', { orderId: r.orderId });
    expect(a.store.read.orders.get(r.orderId)!.status).toBe('picked');
  });
});

describe('scan-to-verify', () => {
  it('counts the right items and issues the label; refuses a wrong item naming the expected SKU; flags an extra', async () => {
    app = await demoApp({ runJobs: false });
    const o = orderOf(app, '#1003');
    await api(app, 'pack.rulesSave', rules(`line:${o.lineId}`, { verify: true }));
    expect((await api(app, 'pick.scan', { code: '#1003' })).outcome).toBe('pack');
    const items = app.store.read.orders.items(o.id);
    const wrong = await api(app, 'pack.scan', { orderId: o.id, code: '4006381333931' });
    expect(wrong.outcome).toBe('wrong');
    expect(wrong.message).toContain(items[0].sku);
    const early = await invoke(app.handlers, 'pack.label', { orderId: o.id });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toMatch(/0 of \d+ scanned/);
    let last;
    for (const it of items) for (let q = 0; q < it.quantity; q++) last = await api(app, 'pack.scan', { orderId: o.id, code: it.barcode ?? it.sku });
    expect(last!.outcome).toBe('complete');
    const extra = await api(app, 'pack.scan', { orderId: o.id, code: items[0].barcode ?? items[0].sku });
    expect(extra.outcome).toBe('extra');
    expect((await api(app, 'pack.view', { orderId: o.id })).extras).toBe(1);
    const out = await api(app, 'pack.label', { orderId: o.id });
    expect(out.parcels).toHaveLength(1);
  });

  it('matches a GS1 element string and a UPC-A against the EAN-13 on the order', async () => {
    app = await demoApp({ runJobs: false });
    const o = orderOf(app, '#1004');
    await api(app, 'pack.rulesSave', rules(`line:${o.lineId}`, { verify: true }));
    await api(app, 'pick.scan', { code: '#1004' });
    const item =
      app.store.read.orders.items(o.id).find((i) => i.barcode && /^0\d{12}$/.test(i.barcode)) ??
      app.store.read.orders.items(o.id).find((i) => i.barcode && /^\d{13}$/.test(i.barcode));
    if (!item?.barcode) return expect.fail('demo items carry EAN-13 barcodes');
    const gtin14 = item.barcode.padStart(14, '0');
    const r = await api(app, 'pack.scan', { orderId: o.id, code: `]C101${gtin14}10LOT42` });
    expect(r.outcome === 'counted' || r.outcome === 'complete').toBe(true);
    expect(r.sku).toBe(item.sku);
  });

  it('a supervisor override issues the label with short counts and puts their name and reason on the audit trail', async () => {
    app = await demoApp({ runJobs: false });
    const o = orderOf(app, '#1005');
    await api(app, 'pack.rulesSave', rules(`line:${o.lineId}`, { verify: true }));
    await api(app, 'pick.scan', { code: '#1005' });
    const out = await api(app, 'pack.label', { orderId: o.id, override: { reason: 'barcode label torn off, checked by eye' } });
    expect(out.parcels).toHaveLength(1);
    const ev = app.store.read.events.about([o.id]).find((e) => e.type === 'pack.overridden');
    // The signed-in supervisor (here the demo admin) is who overrode.
    expect(ev?.payload).toMatchObject({ supervisor: app.env.sessions.current()!.name, reason: 'barcode label torn off, checked by eye' });
  });
});
