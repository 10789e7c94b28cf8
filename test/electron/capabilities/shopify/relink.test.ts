import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { api } from '../../../support/app';
import { numberFromSerial } from '../../../../electron/capabilities/numbers/issue';
import { fulfillmentsByNumber, shopApp, waitFor } from './helpers';
import { sqliteOf } from '../../../../db/core/handle';

type Ctx = Awaited<ReturnType<typeof shopApp>>;
let t: Ctx | null = null;
afterEach(async () => {
  await t?.app.dispose();
  await t?.emu.close();
  t = null;
});

const pick = async (app: Ctx['app'], code: string) => {
  const r = await api(app, 'pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${code}: ${r.outcome}`);
  return r.parcel;
};
const shopifyJobs = (app: Ctx['app'], parcelId: string) => app.store.read.jobs.forRef(parcelId).filter((j) => j.kind.startsWith('shopify.'));
const refused = async (app: Ctx['app'], input: Record<string, unknown>) => {
  const r = await invoke(app.handlers, 'parcel.relink', input);
  if (r.ok) throw new Error('parcel.relink should have been refused');
  return r;
};
const watched = (app: Ctx['app'], parcelId: string) =>
  sqliteOf(app.store).prepare('SELECT tracking_number, line_id FROM monitor_watch WHERE parcel_id = ?').get(parcelId) as {
    tracking_number: string;
    line_id: string;
  };

describe('re-link a parcel to a new number', () => {
  it('after its fulfillment reached Shopify: one fulfillmentTrackingInfoUpdate, the same fulfillment ends with the new number', async () => {
    t = await shopApp({ orders: 3 });
    const parcel = await pick(t.app, '#1001');
    await waitFor(async () => (await api(t!.app, 'shopify.parcel', { parcelId: parcel.id }))?.state === 'synced', 'synced');
    const before = shopifyJobs(t.app, parcel.id).length;

    const r = await api(t.app, 'parcel.relink', { parcelId: parcel.id, reason: 'label unreadable at the carrier' });
    expect(r.oldNumber).toBe(parcel.trackingNumber);
    expect(r.newNumber).not.toBe(parcel.trackingNumber);
    expect(r.parcel.trackingNumber).toBe(r.newNumber);
    expect(r.shopify).toMatchObject({
      action: 'tracking_update',
      sync: { state: 'queued', updating: true, trackingNumber: r.newNumber, sentNumber: parcel.trackingNumber },
    });
    const added = shopifyJobs(t.app, parcel.id).slice(before);
    expect(added.map((j) => j.kind)).toEqual(['shopify.tracking_update']);
    // The new label is queued for the station's printer, and the monitor watches the new number.
    expect(t.app.store.read.jobs.forRef(parcel.id).filter((j) => j.kind === 'print.label')).toHaveLength(2);
    expect(watched(t.app, parcel.id).tracking_number).toBe(r.newNumber);

    await waitFor(async () => (await api(t!.app, 'shopify.parcel', { parcelId: parcel.id }))?.state === 'synced', 'update synced');
    const sync = await api(t.app, 'shopify.parcel', { parcelId: parcel.id });
    expect(sync).toMatchObject({ trackingNumber: r.newNumber, sentNumber: r.newNumber, updating: false });
    expect(t.emu.state.fulfillments.size).toBe(1);
    const [f] = [...t.emu.state.fulfillments.values()];
    expect(f.trackingInfo).toEqual([{ company: 'UPS', number: r.newNumber, url: `https://www.ups.com/track?tracknum=${r.newNumber}` }]);
    // The old number is never handed out again: the next pick takes the serial after the new one.
    const next = await pick(t.app, '#1002');
    expect([parcel.trackingNumber, r.newNumber]).not.toContain(next.trackingNumber);
  });

  it('while its create is still queued: the create sends the new number, and no update is queued', async () => {
    t = await shopApp({ orders: 3, runJobs: false });
    const parcel = await pick(t.app, '#1001');
    const r = await api(t.app, 'parcel.relink', { parcelId: parcel.id, reason: 'wrong label stuck on' });
    expect(r.shopify?.action).toBe('create_sends_new');
    expect(shopifyJobs(t.app, parcel.id).map((j) => j.kind)).toEqual(['shopify.fulfillment_create']);
    t.runner.start();
    await waitFor(async () => (await api(t!.app, 'shopify.parcel', { parcelId: parcel.id }))?.state === 'synced', 'synced');
    expect(fulfillmentsByNumber(t.emu)).toEqual(new Map([[r.newNumber, 1]]));
    expect(shopifyJobs(t.app, parcel.id).map((j) => j.kind)).toEqual(['shopify.fulfillment_create']);
    expect(t.emu.stats().mutationsApplied).toBe(1);
  });

  it('while the create is in flight and its answer is lost: the retry finds the old number, an update follows, one fulfillment', async () => {
    t = await shopApp({ orders: 3 });
    t.emu.setFaults(1, ['timeout-after']);
    const parcel = await pick(t.app, '#1001');
    await waitFor(() => t!.emu.state.fulfillments.size === 1, 'the create to reach Shopify unheard');
    const r = await api(t.app, 'parcel.relink', { parcelId: parcel.id, reason: 'number refused by the carrier' });
    expect(r.shopify?.action).toBe('create_sends_new');
    t.emu.setFaults(0);
    await waitFor(async () => {
      const s = await api(t!.app, 'shopify.parcel', { parcelId: parcel.id });
      return s?.state === 'synced' && s.sentNumber === r.newNumber;
    }, 'new number in Shopify');
    expect(t.emu.state.fulfillments.size).toBe(1);
    expect([...t.emu.state.fulfillments.values()][0].trackingInfo[0].number).toBe(r.newNumber);
    expect(
      shopifyJobs(t.app, parcel.id)
        .map((j) => j.kind)
        .sort(),
    ).toEqual(['shopify.fulfillment_create', 'shopify.tracking_update']);
  });

  it('takes a typed number of the line only, never one already used, and refuses a loaded parcel with what to do', async () => {
    t = await shopApp({ orders: 3, runJobs: false });
    const a = await pick(t.app, '#1001');
    const b = await pick(t.app, '#1002');
    expect(await refused(t.app, { parcelId: a.id, reason: 'x' })).toMatchObject({ status: 400, error: { issues: [{ path: 'reason' }] } });
    expect(await refused(t.app, { parcelId: a.id, reason: 'torn label', number: '1Z999AA10123456785' })).toMatchObject({
      error: { message: expect.stringContaining('check digit'), issues: [{ path: 'number' }] },
    });
    expect(await refused(t.app, { parcelId: a.id, reason: 'torn label', number: 'LX100000017CN' })).toMatchObject({
      error: { message: expect.stringMatching(/is a UPU S10 postal number, but UPS Worldwide Saver uses UPS numbers/) },
    });
    expect(await refused(t.app, { parcelId: a.id, reason: 'torn label', number: b.trackingNumber })).toMatchObject({
      error: { message: expect.stringContaining('already the number of parcel') },
    });

    const typed = numberFromSerial({ format: 'ups1z', shipper: 'F5S1X9', service: '65' }, 1_009_990);
    const r = await api(t.app, 'parcel.relink', { parcelId: a.id, reason: 'carrier label used', number: typed.toLowerCase() });
    expect(r.newNumber).toBe(typed);
    // Its old number is gone for good: typing it for another parcel is refused.
    expect(await refused(t.app, { parcelId: b.id, reason: 'torn label', number: a.trackingNumber })).toMatchObject({
      error: { message: expect.stringContaining('earlier re-link') },
    });

    const m = await api(t.app, 'dispatch.open', { lineId: 'ups' });
    expect((await api(t.app, 'dispatch.scan', { manifestId: m.id, code: b.trackingNumber })).outcome).toBe('loaded');
    expect(await refused(t.app, { parcelId: b.id, reason: 'torn label' })).toMatchObject({
      status: 409,
      error: { message: expect.stringContaining('Unload it in Dispatch first') },
    });
  });

  it("moves a console order to another line: the line's next number, the watch follows, no Shopify job", async () => {
    t = await shopApp({ orders: 0, runJobs: false });
    const csv = ['order,line,name,address1,city,zip,country,sku,title,quantity', 'R-1,postal-s10,Ann Lee,1 Main St,Portland,97201,US,MUG-1,Mug,1'].join('\n');
    await api(t.app, 'orders.import', { format: 'csv', text: csv });
    const parcel = await pick(t.app, 'R-1');
    const r = await api(t.app, 'parcel.relink', { parcelId: parcel.id, reason: 'goes by express after all', lineId: 'express-dhl' });
    expect(r).toMatchObject({ line: 'DHL Express private line', shopify: null, parcel: { lineId: 'express-dhl', lineName: 'DHL Express private line' } });
    expect(r.newNumber).toMatch(/^\d{10}$/);
    expect(watched(t.app, parcel.id)).toEqual({ tracking_number: r.newNumber, line_id: 'express-dhl' });
    expect(t.app.store.read.jobs.forRef(parcel.id).filter((j) => j.kind.startsWith('shopify.'))).toEqual([]);
    const timeline = (await api(t.app, 'parcels.get', { id: parcel.id })).events.map((e) => e.type);
    expect(timeline).toContain('parcel.relinked');
    // The parcel is found by its new number, not its old one.
    expect((await api(t.app, 'parcels.get', { id: r.newNumber })).parcel.id).toBe(parcel.id);
  });
});
