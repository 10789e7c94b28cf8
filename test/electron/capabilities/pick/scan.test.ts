import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp } from '../../../support/app';
import { recognize } from '../../../../electron/capabilities/numbers/recognize';
import { invoke } from '../../../../electron/app/invoke';

let app: Awaited<ReturnType<typeof demoApp>>;
afterEach(async () => app?.dispose());

describe('pick.scan', () => {
  it('issues a valid tracking number for an order, queues its label and prints it on the station printer', async () => {
    app = await demoApp({ runJobs: true });
    const r = await api(app, 'pick.scan', { code: '#1001' });
    expect(r.outcome).toBe('issued');
    if (r.outcome !== 'issued') return;
    expect(recognize(r.parcel.trackingNumber).ok).toBe(true);
    expect(r.parcel.orderName).toBe('#1001');
    await app.runner.idle();
    await waitFor(() => readdirSync(join(app.dir, 'fake-printer')).length === 1);
    const zpl = app.fakePrinter!.labels().join('');
    expect(zpl).toContain(r.parcel.trackingNumber);
    await waitFor(async () => (await api(app, 'parcels.get', { id: r.parcel.id })).parcel.labelPrintedAt !== null);
  });

  it('accepts the order number with or without # and an item barcode that is on one open order only', async () => {
    app = await demoApp({ runJobs: false });
    expect((await api(app, 'pick.scan', { code: '1002' })).outcome).toBe('issued');
    const items = app.store.read.orders.items(app.store.read.orders.byName('#1003')[0].id);
    const r = await api(app, 'pick.scan', { code: items[0].barcode! });
    expect(r.outcome).toBe('issued');
    if (r.outcome === 'issued') expect(r.parcel.orderName).toBe('#1003');
  });

  it('asks for the order number when an item is on several open orders', async () => {
    app = await demoApp({ runJobs: false });
    const shared = app.store.read.orders.items(app.store.read.orders.byName('#1004')[0].id).find((i) => !i.sku.startsWith('DEMO-'));
    const orderWith = (await Promise.resolve(app.store.read.orders.openByItemCode(shared?.barcode ?? 'x'))).length;
    if (!shared || orderWith < 2) return expect.fail('demo data should share products between orders');
    const r = await api(app, 'pick.scan', { code: shared.barcode! });
    expect(r.outcome).toBe('ambiguous');
    if (r.outcome === 'ambiguous') {
      expect(r.candidates.length).toBeGreaterThan(1);
      expect(r.next).toMatch(/order number/);
    }
  });

  it('reprints on a rescan and never issues a second number', async () => {
    app = await demoApp({ runJobs: false });
    const first = await api(app, 'pick.scan', { code: '#1005' });
    const again = await api(app, 'pick.scan', { code: '#1005' });
    const byLabel = first.outcome === 'issued' ? await api(app, 'pick.scan', { code: first.parcel.trackingNumber }) : null;
    expect(again.outcome).toBe('reprinted');
    expect(byLabel?.outcome).toBe('reprinted');
    if (first.outcome !== 'issued' || again.outcome !== 'reprinted') return;
    expect(again.parcel.trackingNumber).toBe(first.parcel.trackingNumber);
    expect(again.parcel.reprints).toBe(1);
    expect(app.store.read.parcels.forOrder(first.parcel.orderId)).toHaveLength(1);
    const reprinted = await api(app, 'pick.reprint', { parcelId: first.parcel.id, reason: 'label torn' });
    expect(reprinted.outcome === 'reprinted' && reprinted.reason).toBe('label torn');
    const detail = await api(app, 'parcels.get', { id: first.parcel.id });
    expect(detail.events.filter((e) => e.type === 'parcel.reprinted').map((e) => (e.payload as { reason: string }).reason)).toEqual([
      'order rescanned at pick',
      'label rescanned at pick',
      'label torn',
    ]);
    expect(detail.jobs.filter((j) => j.kind === 'print.label')).toHaveLength(4);
  });

  it('refuses unknown, cancelled and on-hold orders, saying why and what to do, and records the refusal', async () => {
    app = await demoApp({ runJobs: false });
    const unknown = await api(app, 'pick.scan', { code: 'ZZZ-404' });
    expect(unknown).toMatchObject({ outcome: 'refused', code: 'unknown' });
    const o = app.store.read.orders.byName('#1010')[0];
    app.store.write('test', new Date(), (emit) => emit({ type: 'order.status_changed', payload: { orderId: o.id, status: 'cancelled', note: 'buyer asked' } }));
    const cancelled = await api(app, 'pick.scan', { code: '#1010' });
    expect(cancelled).toMatchObject({ outcome: 'refused', code: 'cancelled' });
    if (cancelled.outcome === 'refused') {
      expect(cancelled.message).toContain('buyer asked');
      expect(cancelled.next).toMatch(/Return the goods/);
    }
    const h = app.store.read.orders.byName('#1011')[0];
    app.store.write('test', new Date(), (emit) => emit({ type: 'order.status_changed', payload: { orderId: h.id, status: 'on_hold', note: 'address check' } }));
    expect(await api(app, 'pick.scan', { code: '#1011' })).toMatchObject({ outcome: 'refused', code: 'on_hold' });
    expect((await api(app, 'pick.stats', {})).refusedToday).toBe(3);
    expect(app.store.read.parcels.forOrder(o.id)).toHaveLength(0);
  });

  it('refuses clearly when a line is out of numbers, and warns when it runs low', async () => {
    app = await demoApp({ runJobs: false });
    const line = (await api(app, 'lines.list', {})).find((l) => l.id === 'ups')!;
    await api(app, 'lines.save', { ...stripStatus(line), numberSource: 'pool', lowDays: 2, dailyVolume: 1 });
    await api(app, 'pool.import', { lineId: 'ups', csv: 'number\n1Z999AA10123456784\n' });
    const upsOrders = app.store.read.orders.list({ status: 'open', limit: 500 }).filter((o) => o.lineId === 'ups');
    const first = await api(app, 'pick.scan', { code: upsOrders[0].name });
    expect(first.outcome).toBe('issued');
    if (first.outcome === 'issued') {
      expect(first.parcel.trackingNumber).toBe('1Z999AA10123456784');
      expect(first.warnings.map((w) => w.code)).toContain('numbers_low');
    }
    const second = await api(app, 'pick.scan', { code: upsOrders[1].name });
    expect(second).toMatchObject({ outcome: 'refused', code: 'out_of_numbers' });
    if (second.outcome === 'refused') expect(second.next).toMatch(/Setup/);
    expect(app.store.read.orders.get(upsOrders[1].id)!.status).toBe('open');
  });

  it('keeps the parcel and its label when the printer is offline, and says so', async () => {
    app = await demoApp({ runJobs: true });
    await app.fakePrinter!.setMode('refuse');
    const r = await api(app, 'pick.scan', { code: '#1020' });
    expect(r.outcome).toBe('issued');
    app.runner.pass();
    await app.runner.idle();
    const next = await api(app, 'pick.scan', { code: '#1021' });
    expect(next.outcome === 'issued' && next.warnings.map((w) => w.code)).toContain('printer_offline');
    const jobs = await api(app, 'jobs.list', { kind: 'print.' });
    expect(jobs.every((j) => j.status === 'queued')).toBe(true);
    expect(jobs.some((j) => j.lastError)).toBe(true);
    await app.fakePrinter!.setMode('ok');
    for (const j of jobs) await api(app, 'jobs.retry', { id: j.id });
    await waitFor(async () => (await api(app, 'jobs.list', { kind: 'print.' })).every((j) => j.status === 'done'));
    const printed = app.fakePrinter!.labels().join('');
    if (r.outcome === 'issued' && next.outcome === 'issued') {
      expect(printed.indexOf(r.parcel.trackingNumber)).toBeLessThan(printed.indexOf(next.parcel.trackingNumber));
    }
  });

  it('rejects an empty scan as bad input', async () => {
    app = await demoApp({ runJobs: false });
    const r = await invoke(app.handlers, 'pick.scan', { code: '   ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/empty/);
  });
});

function stripStatus<T extends { remaining?: unknown; daysLeft?: unknown; low?: unknown; ranges?: unknown }>(l: T) {
  const { remaining: _a, daysLeft: _b, low: _c, ranges: _d, ...line } = l;
  return line as Omit<T, 'remaining' | 'daysLeft' | 'low' | 'ranges'>;
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}
