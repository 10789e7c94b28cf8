import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { emulatedCarrier } from '../../../../electron/capabilities/dispatch/carrier';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { api } from '../../../support/app';
import { dispatchApp, pickOn } from './fixtures';
import { sqliteOf } from '../../../../db/core/handle';
import { carrierApiRules } from '../../../support/setups';

// The Shopify capability plans the real jobs; here a stand-in proves the handover queues whatever it plans, once per parcel.
vi.mock('../../../../electron/capabilities/shopify/plan-event', () => ({
  planHandoverShopify: (_ctx: unknown, parcelId: string, at: Date, happenedAt: Date = at) => [
    {
      id: `job_shopify_${parcelId}`,
      kind: 'shopify.fulfillment_event',
      target: 'demo-store',
      ref: parcelId,
      payload: { status: 'CARRIER_PICKED_UP', happenedAt: happenedAt.toISOString() },
    },
  ],
}));

let app: Awaited<ReturnType<typeof dispatchApp>>;
let postal: Awaited<ReturnType<typeof pickOn>>;
let manifestId: string;
let dockedBack = '';

beforeAll(async () => {
  app = await dispatchApp();
  postal = await pickOn(app, 'postal-s10', 6);
  manifestId = (await api(app, 'dispatch.open', { lineId: 'postal-s10' })).id;
});
afterAll(async () => app?.dispose());

const fail = async (channel: Parameters<typeof invoke>[1], input: unknown) => {
  const r = await invoke(app.handlers, channel, input);
  if (r.ok) throw new Error(`${channel} should have been refused`);
  return r;
};

describe('close-out', () => {
  it('refuses to close an empty manifest, and leaves it open', async () => {
    const r = await fail('dispatch.close', { manifestId });
    expect(r).toMatchObject({ status: 409, error: { message: expect.stringContaining('empty') } });
    expect((await api(app, 'dispatch.manifest', { manifestId })).manifest.status).toBe('open');
  });

  it('gives a number unique per line and day, and refuses loads once closed', async () => {
    for (const p of postal.slice(0, 5)) expect((await api(app, 'dispatch.scan', { manifestId, code: p.trackingNumber })).outcome).toBe('loaded');
    const d = await api(app, 'dispatch.close', { manifestId });
    expect(d.manifest).toMatchObject({ status: 'closed', number: 'MF-DWS-POSTAL-S10-20261127-01', parcels: 5 });
    expect(await api(app, 'dispatch.scan', { manifestId, code: postal[5].trackingNumber })).toMatchObject({ outcome: 'refused', code: 'manifest_not_open' });
    // A second pickup of the same line that day gets the next number.
    const second = await api(app, 'dispatch.open', { lineId: 'postal-s10' });
    const [extra] = await pickOn(app, 'postal-s10', 1);
    await api(app, 'dispatch.scan', { manifestId: second.id, code: extra.trackingNumber });
    expect((await api(app, 'dispatch.close', { manifestId: second.id })).manifest.number).toBe('MF-DWS-POSTAL-S10-20261127-02');
    await api(app, 'dispatch.void', { manifestId: second.id, reason: 'second truck cancelled' });
    expect(app.store.read.parcels.get(extra.id)!.status).toBe('picked');
    dockedBack = extra.trackingNumber;
  });

  it('reopens with a reason and keeps its number', async () => {
    await api(app, 'dispatch.reopen', { manifestId, reason: 'late parcel found' });
    expect((await api(app, 'dispatch.scan', { manifestId, code: postal[5].trackingNumber })).outcome).toBe('loaded');
    const d = await api(app, 'dispatch.close', { manifestId });
    expect(d.manifest).toMatchObject({ number: 'MF-DWS-POSTAL-S10-20261127-01', reopened: 1, statusNote: 'late parcel found', parcels: 6 });
  });

  it('exports the carrier CSV with every parcel', async () => {
    const { fileName, csv } = await api(app, 'dispatch.csv', { manifestId });
    expect(fileName).toBe('MF-DWS-POSTAL-S10-20261127-01.csv');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('manifest,carrier,service,pickup_date,tracking_number,order,bag,weight_kg,country,loaded_at_utc');
    expect(rows).toHaveLength(7);
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[4])
        .sort(),
    ).toEqual(postal.map((p) => p.trackingNumber).sort());
  });
});

describe('handover', () => {
  it('is refused for an open manifest and for a garbage code', async () => {
    expect(await fail('dispatch.handover', { code: 'hello', driver: 'Li Wei', via: 'lead_confirm' })).toMatchObject({ status: 404 });
    expect(await fail('dispatch.handover', { code: 'MF-ZZ-POSTAL-S10-20261127-01', driver: 'Li Wei', via: 'lead_confirm' })).toMatchObject({
      status: 409,
      error: { message: expect.stringContaining('another site') },
    });
  });

  it('parcels on hold until the manifest scan: then handed over, orders shipped, Shopify events queued', async () => {
    const [behind] = await pickOn(app, 'postal-s10', 1);
    app.clock.set(new Date('2026-11-27T08:40:00.000Z'));
    expect(app.store.read.jobs.list({ kindPrefix: 'shopify.', limit: 100 })).toHaveLength(0);
    const scanned = await api(app, 'dispatch.scan', { manifestId, code: 'MF-DWS-POSTAL-S10-20261127-01' });
    expect(scanned).toMatchObject({ outcome: 'manifest', manifest: { id: manifestId, status: 'closed' } });
    const d = await api(app, 'dispatch.handover', { code: 'MF-DWS-POSTAL-S10-20261127-01', driver: 'Li Wei', via: 'driver_scan' });
    expect(d.manifest).toMatchObject({ status: 'handed_over', driver: 'Li Wei', handoverVia: 'driver_scan', handedOverAt: '2026-11-27T08:40:00.000Z' });
    for (const p of postal) {
      expect(app.store.read.parcels.get(p.id)!.status).toBe('handed_over');
      expect(app.store.read.orders.get(p.orderId)!.status).toBe('shipped');
    }
    const jobs = app.store.read.jobs.list({ kindPrefix: 'shopify.', limit: 100 });
    expect(jobs.map((j) => j.ref).sort()).toEqual(postal.map((p) => p.id).sort());
    expect(jobs[0].payload).toMatchObject({ status: 'CARRIER_PICKED_UP', happenedAt: '2026-11-27T08:40:00.000Z' });
    // The parcel left on the dock is flagged, with what to do.
    // (the parcel of the voided second manifest went back to the dock too, and stayed there)
    expect(d.discrepancies.map((x) => [x.kind, x.trackingNumber]).sort()).toEqual(
      [
        ['left_behind', behind.trackingNumber],
        ['left_behind', dockedBack],
      ].sort(),
    );
    expect(d.discrepancies[0]).toMatchObject({ actions: ['handed_over', 'dismissed'], next: expect.stringContaining('load it on the next manifest') });
    const board = await api(app, 'dispatch.board', {});
    expect(board.discrepancies.map((x) => x.trackingNumber)).toContain(behind.trackingNumber);
  });

  it('a manifest scanned twice: a clear refusal, nothing changes', async () => {
    const jobs = app.store.read.jobs.list({ limit: 1000 }).length;
    const r = await fail('dispatch.handover', { code: 'MF-DWS-POSTAL-S10-20261127-01', driver: 'Someone Else', via: 'lead_confirm' });
    expect(r).toMatchObject({ status: 409, error: { message: expect.stringContaining('already handed over to Li Wei') } });
    expect(await api(app, 'dispatch.scan', { manifestId, code: 'MF-DWS-POSTAL-S10-20261127-01' })).toMatchObject({ outcome: 'refused', code: 'handed_over' });
    expect(app.store.read.jobs.list({ limit: 1000 }).length).toBe(jobs);
    expect((await api(app, 'dispatch.manifest', { manifestId })).manifest.driver).toBe('Li Wei');
  });

  it('the pick station refuses an order once it shipped', async () => {
    const r = await api(app, 'pick.scan', { code: postal[0].orderName });
    expect(r).toMatchObject({ outcome: 'refused', code: 'shipped' });
  });

  it('a handed-over parcel cannot be loaded, unloaded or voided again', async () => {
    const next = await api(app, 'dispatch.open', { lineId: 'postal-s10' });
    // Friday's pickup came; the calendar's next one is Monday.
    expect(next.pickupDate).toBe('2026-11-30');
    expect(await api(app, 'dispatch.scan', { manifestId: next.id, code: postal[0].trackingNumber })).toMatchObject({ outcome: 'refused', code: 'handed_over' });
    expect(await fail('dispatch.voidParcel', { parcelId: postal[0].id, reason: 'oops' })).toMatchObject({ status: 409 });
    expect(await fail('dispatch.void', { manifestId, reason: 'too late' })).toMatchObject({ status: 409 });
  });

  it('a left-behind parcel loaded on the next manifest settles its flag', async () => {
    const board = await api(app, 'dispatch.board', {});
    const flag = board.discrepancies.find((x) => x.kind === 'left_behind' && x.trackingNumber !== dockedBack)!;
    const next = await api(app, 'dispatch.open', { lineId: 'postal-s10' });
    expect((await api(app, 'dispatch.scan', { manifestId: next.id, code: flag.trackingNumber })).outcome).toBe('loaded');
    expect((await api(app, 'dispatch.board', {})).discrepancies.find((x) => x.id === flag.id)).toBeUndefined();
  });
});

describe('electronic acceptance (emulated carrier API)', () => {
  it('hands over what the carrier accepted, flags what it did not and what it took unloaded', async () => {
    app.clock.set(new Date('2026-11-27T02:00:00.000Z'));
    await api(app, 'dispatch.rules.save', carrierApiRules('ups'));
    const ups = await pickOn(app, 'ups', 4);
    const m = await api(app, 'dispatch.open', { lineId: 'ups' });
    for (const p of ups.slice(0, 3)) await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber });
    emulatedCarrier.script = { notReceived: [ups[1].trackingNumber], extra: [ups[3].trackingNumber, '1Z999AA10123456784'], fail: null };
    await api(app, 'dispatch.close', { manifestId: m.id });
    expect(app.store.read.jobs.list({ kindPrefix: 'carrier.', limit: 10 })).toMatchObject([{ status: 'queued', ref: m.id }]);
    while (app.runner.pass() > 0) await app.runner.idle();

    const d = await api(app, 'dispatch.manifest', { manifestId: m.id });
    expect(d.manifest).toMatchObject({ status: 'handed_over', handoverVia: 'carrier_api', carrierRef: `EMU-${d.manifest.number}` });
    expect(app.store.read.parcels.get(ups[0].id)!.status).toBe('handed_over');
    expect(app.store.read.parcels.get(ups[1].id)!.status).toBe('missing');
    const kinds = d.discrepancies.map((x) => [x.kind, x.trackingNumber]).sort();
    expect(kinds).toEqual(
      [
        ['not_confirmed', ups[1].trackingNumber],
        ['not_loaded', ups[3].trackingNumber],
        ['not_loaded', '1Z999AA10123456784'],
      ].sort(),
    );
    const unknown = d.discrepancies.find((x) => x.trackingNumber === '1Z999AA10123456784')!;
    expect(unknown.actions).toEqual(['dismissed']);

    // Found on the dock: back to the dock, then loadable again.
    const missing = d.discrepancies.find((x) => x.kind === 'not_confirmed')!;
    await api(app, 'dispatch.resolve', { id: missing.id, resolution: 'back_to_dock', note: 'under the table' });
    expect(app.store.read.parcels.get(ups[1].id)!.status).toBe('picked');
    // The carrier really has the unloaded one: handed over, clock starts at the manifest's handover.
    const taken = d.discrepancies.find((x) => x.trackingNumber === ups[3].trackingNumber)!;
    await api(app, 'dispatch.resolve', { id: taken.id, resolution: 'handed_over', note: 'driver took it from the dock' });
    expect(app.store.read.parcels.get(ups[3].id)!.status).toBe('handed_over');
    expect(sqliteOf(app.store).prepare('SELECT handed_over_at FROM manifest_parcels WHERE parcel_id = ?').get(ups[3].id)).toEqual({
      handed_over_at: d.manifest.handedOverAt,
    });
    expect(await fail('dispatch.resolve', { id: taken.id, resolution: 'dismissed', note: 'again' })).toMatchObject({ status: 409 });
    emulatedCarrier.script = { notReceived: [], extra: [], fail: null };
  });
});

describe('pickup overdue', () => {
  it('raises an alert once a line pickup time passes without handover', async () => {
    app.clock.set(new Date('2026-11-27T11:30:00.000Z')); // 19:30 local; DHL's calendar pickup was 19:00
    await pickOn(app, 'express-dhl', 2);
    const m = await api(app, 'dispatch.open', { lineId: 'express-dhl', pickupDate: '2026-11-27' });
    const board = await api(app, 'dispatch.board', {});
    const alert = board.alerts.find((a) => a.manifestId === m.id)!;
    expect(alert.message).toContain('Pickup overdue: DHL Express private line');
    expect(alert.message).toContain('19:00');
    expect(board.manifests.find((x) => x.id === m.id)!.overdue).toBe(true);
    app.clock.set(new Date('2026-11-27T08:00:00.000Z'));
    expect((await api(app, 'dispatch.board', {})).alerts.filter((a) => a.lineId === 'express-dhl')).toEqual([]);
  });
});

describe('rebuild', () => {
  it('replaying the log gives the same dispatch projections', () => {
    const before = dumpProjections(sqliteOf(app.store));
    expect(before.manifests.length).toBeGreaterThan(3);
    expect(before.dispatch_discrepancies.length).toBeGreaterThan(3);
    rebuildProjections(sqliteOf(app.store));
    expect(dumpProjections(sqliteOf(app.store))).toEqual(before);
  });
});
