import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { numberFromSerial } from '../../../../electron/capabilities/numbers/issue';
import { api } from '../../../support/app';
import { dispatchApp, events, pickOn } from './fixtures';
import { sqliteOf } from '../../../../db/core/handle';

let app: Awaited<ReturnType<typeof dispatchApp>>;
let postal: Awaited<ReturnType<typeof pickOn>>;
let dhl: Awaited<ReturnType<typeof pickOn>>;
let manifestId: string;

beforeAll(async () => {
  app = await dispatchApp();
  postal = await pickOn(app, 'postal-s10', 8);
  dhl = await pickOn(app, 'express-dhl', 3);
  manifestId = (await api(app, 'dispatch.open', { lineId: 'postal-s10' })).id;
});
afterAll(async () => app?.dispose());

const scan = (code: string, weightGrams?: number, id = manifestId) =>
  api(app, 'dispatch.scan', { manifestId: id, code, ...(weightGrams ? { weightGrams } : {}) });

describe('scan-to-load', () => {
  it('opens one manifest per line and pickup, due at the pickup of the line cut-off calendar (17:30 Shanghai)', async () => {
    const again = await api(app, 'dispatch.open', { lineId: 'postal-s10' });
    expect(again.id).toBe(manifestId);
    expect(again).toMatchObject({
      status: 'open',
      number: null,
      pickupDate: '2026-11-27',
      expectedPickupAt: '2026-11-27T09:30:00.000Z',
      parcels: 0,
      overdue: false,
    });
  });

  it('loads a picked parcel: it is on the manifest and no longer free on the dock', async () => {
    const r = await scan(postal[0].trackingNumber);
    expect(r).toMatchObject({ outcome: 'loaded', parcel: { trackingNumber: postal[0].trackingNumber, status: 'loaded' }, manifest: { parcels: 1 } });
    expect(app.store.read.parcels.get(postal[0].id)!.status).toBe('loaded');
    const timeline = await api(app, 'parcels.get', { id: postal[0].id });
    expect(timeline.events.map((e) => e.type)).toEqual(['parcel.picked', 'parcel.loaded']);
    expect(timeline.events[1]).toMatchObject({ station: app.ctx.stationId, actor: 'ada' });
  });

  it('accepts the label typed with spaces or lower case', async () => {
    const tn = postal[1].trackingNumber;
    const r = await scan(` ${tn.slice(0, 2).toLowerCase()} ${tn.slice(2)} `);
    expect(r.outcome).toBe('loaded');
  });

  it('refuses a duplicate, and says it is already on this manifest', async () => {
    const before = (await api(app, 'dispatch.manifest', { manifestId })).manifest.parcels;
    const r = await scan(postal[0].trackingNumber);
    expect(r).toMatchObject({ outcome: 'refused', code: 'duplicate' });
    expect((await api(app, 'dispatch.manifest', { manifestId })).manifest.parcels).toBe(before);
  });

  it('refuses a parcel of another line, naming the line it belongs to', async () => {
    const r = await scan(dhl[0].trackingNumber);
    expect(r).toMatchObject({ outcome: 'refused', code: 'wrong_line', belongsTo: 'DHL Express private line' });
    if (r.outcome === 'refused') expect(r.message).toContain('WRONG LINE');
    expect(app.store.read.parcels.get(dhl[0].id)!.status).toBe('picked');
  });

  it('refuses a parcel already on another manifest', async () => {
    const other = await api(app, 'dispatch.open', { lineId: 'postal-s10', pickupDate: '2026-11-28' });
    const r = await scan(postal[0].trackingNumber, undefined, other.id);
    expect(r).toMatchObject({ outcome: 'refused', code: 'on_other_manifest' });
    expect(sqliteOf(app.store).prepare('SELECT manifest_id FROM manifest_parcels WHERE parcel_id = ?').get(postal[0].id)).toEqual({ manifest_id: manifestId });
  });

  it('refuses a voided parcel', async () => {
    await api(app, 'dispatch.voidParcel', { parcelId: postal[7].id, reason: 'box crushed' });
    expect(await scan(postal[7].trackingNumber)).toMatchObject({ outcome: 'refused', code: 'voided' });
  });

  it('refuses a parcel whose order went on hold after pick', async () => {
    app.store.write('supervisor', app.clock.now(), (emit) =>
      emit({ type: 'order.status_changed', subject: postal[6].orderId, payload: { orderId: postal[6].orderId, status: 'on_hold', note: 'address check' } }),
    );
    const r = await scan(postal[6].trackingNumber);
    expect(r).toMatchObject({ outcome: 'refused', code: 'on_hold' });
    if (r.outcome === 'refused') expect(r.message).toContain('address check');
  });

  it('refuses an order that was not picked, garbage, and a valid number of another site', async () => {
    const open = app.store.read.orders.list({ status: 'open', limit: 1000 }).find((o) => o.lineId === 'postal-s10')!;
    expect(await scan(open.name)).toMatchObject({ outcome: 'refused', code: 'not_picked' });
    expect(await scan('%%garbage%%')).toMatchObject({ outcome: 'refused', code: 'bad_scan' });
    const foreign = numberFromSerial({ format: 's10', serviceIndicator: 'RR', country: 'DE' }, 12345678);
    const r = await scan(foreign);
    expect(r).toMatchObject({ outcome: 'refused', code: 'other_site' });
    expect(events(app, 'dispatch.scan_refused')).toBeGreaterThanOrEqual(8);
  });

  it('refuses a manifest barcode of another site, and one that does not exist here', async () => {
    expect(await scan('MF-XYZ-POSTAL-S10-20261127-01')).toMatchObject({ outcome: 'refused', code: 'other_site' });
    expect(await scan('MF-DWS-POSTAL-S10-20261127-09')).toMatchObject({ outcome: 'refused', code: 'bad_scan' });
  });

  it('takes a parcel off with a reason, back to the dock', async () => {
    const d = await api(app, 'dispatch.unload', { manifestId, parcelId: postal[1].id, reason: 'wrong pile' });
    expect(d.parcels.map((p) => p.trackingNumber)).not.toContain(postal[1].trackingNumber);
    expect(app.store.read.parcels.get(postal[1].id)!.status).toBe('picked');
    expect((await scan(postal[1].trackingNumber)).outcome).toBe('loaded');
  });
});

describe('line rules', () => {
  it('bags: a required bag must be scanned first, then parcels go in it', async () => {
    await api(app, 'dispatch.rules.save', {
      lineId: 'postal-s10',
      services: [],
      maxParcels: 5,
      maxWeightGrams: 3000,
      bags: 'required',
      weight: 'optional',
      expectedPickup: '17:00',
      acceptance: 'scan',
    });
    expect(await scan(postal[2].trackingNumber)).toMatchObject({ outcome: 'refused', code: 'bag_required' });
    expect(await scan('BAG-0001')).toMatchObject({ outcome: 'bag', bag: 'BAG-0001' });
    const r = await scan(postal[2].trackingNumber, 1200);
    expect(r).toMatchObject({ outcome: 'loaded', parcel: { bag: 'BAG-0001', weightGrams: 1200 } });
  });

  it('weight: the manifest weight limit refuses a parcel that would go over it', async () => {
    expect(await scan(postal[3].trackingNumber, 2500)).toMatchObject({ outcome: 'refused', code: 'too_heavy' });
    expect(await scan(postal[3].trackingNumber, 1000)).toMatchObject({ outcome: 'loaded', manifest: { weightGrams: 2200, unweighed: 2 } });
  });

  it('weight required: refuses a load without a weight', async () => {
    await api(app, 'dispatch.rules.save', {
      lineId: 'postal-s10',
      services: [],
      maxParcels: 5,
      maxWeightGrams: null,
      bags: 'none',
      weight: 'required',
      expectedPickup: '17:00',
      acceptance: 'scan',
    });
    expect(await scan(postal[4].trackingNumber)).toMatchObject({ outcome: 'refused', code: 'weight_required' });
    expect((await scan(postal[4].trackingNumber, 800)).outcome).toBe('loaded');
  });

  it('count: a full manifest refuses the next parcel', async () => {
    expect((await api(app, 'dispatch.manifest', { manifestId })).manifest.parcels).toBe(5);
    expect(await scan(postal[5].trackingNumber, 500)).toMatchObject({ outcome: 'refused', code: 'full' });
  });

  it('services: a line only takes services of lines of its own carrier', async () => {
    const r = await invoke(app.handlers, 'dispatch.rules.save', {
      lineId: 'ups',
      services: ['Express Worldwide'],
      maxParcels: null,
      maxWeightGrams: null,
      bags: 'none',
      weight: 'off',
      expectedPickup: '16:00',
      acceptance: 'scan',
    });
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (!r.ok) expect(r.error.message).toContain('UPS has no line with service "Express Worldwide"');
  });
});
