import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { dispatchApp, type TestApp } from './fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

async function threeParcels(a: TestApp, lineId: string) {
  await api(a, 'pack.rulesSave', { scope: `line:${lineId}`, verify: false, itemsPerParcel: null, needsWeight: false, needsCustoms: false });
  const order = a.store.read.orders
    .list({ status: 'open', limit: 10_000 })
    .find((o) => o.lineId === lineId && a.store.read.orders.items(o.id).reduce((n, i) => n + i.quantity, 0) >= 3);
  if (!order) throw new Error(`no open order of 3 items on ${lineId}`);
  const r = await api(a, 'pick.scan', { code: order.name });
  if (r.outcome !== 'pack') throw new Error(r.outcome);
  await api(a, 'pack.parcels', { orderId: order.id, parcels: 3 });
  return (await api(a, 'pack.label', { orderId: order.id })).parcels;
}

describe('an order of several parcels at dispatch', () => {
  it('close-out flags the missing "2 of 3", the handover lists it left behind; loaded and handed over complete it clears', async () => {
    app = await dispatchApp();
    const parcels = await threeParcels(app, 'ups');
    const m = await api(app, 'dispatch.open', { lineId: 'ups' });
    for (const p of [parcels[0], parcels[2]]) expect((await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber })).outcome).toBe('loaded');
    const closed = await api(app, 'dispatch.close', { manifestId: m.id });
    expect(closed.incomplete).toHaveLength(1);
    expect(closed.incomplete[0].message).toMatch(/2 of 3 not on this manifest/);
    expect(closed.incomplete[0].missing.map((x) => x.trackingNumber)).toEqual([parcels[1].trackingNumber]);

    // Reopened, the missing parcel loaded: complete, and handed over together.
    await api(app, 'dispatch.reopen', { manifestId: m.id, reason: 'parcel 2 of 3 found on the bench' });
    await api(app, 'dispatch.scan', { manifestId: m.id, code: parcels[1].trackingNumber });
    const again = await api(app, 'dispatch.close', { manifestId: m.id });
    expect(again.incomplete).toEqual([]);
    const handed = await api(app, 'dispatch.handover', { code: again.manifest.number!, driver: 'Wang Lei', via: 'lead_confirm' });
    expect(handed.manifest.status).toBe('handed_over');
    expect(handed.incomplete).toEqual([]);
    expect(parcels.map((p) => app!.store.read.parcels.get(p.id)!.status)).toEqual(['handed_over', 'handed_over', 'handed_over']);
  });

  it('a manifest handed over without "2 of 3" keeps it flagged and lists it left behind', async () => {
    app = await dispatchApp();
    const parcels = await threeParcels(app, 'ups');
    const m = await api(app, 'dispatch.open', { lineId: 'ups' });
    for (const p of [parcels[0], parcels[2]]) await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber });
    const closed = await api(app, 'dispatch.close', { manifestId: m.id });
    const handed = await api(app, 'dispatch.handover', { code: closed.manifest.number!, driver: 'Wang Lei', via: 'lead_confirm' });
    expect(handed.incomplete[0].missing[0]).toMatchObject({ trackingNumber: parcels[1].trackingNumber, piece: 2, pieces: 3, status: 'picked' });
    expect(handed.discrepancies.some((d) => d.kind === 'left_behind' && d.trackingNumber === parcels[1].trackingNumber)).toBe(true);
  });
});
