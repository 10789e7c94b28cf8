import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { shopApp, waitFor } from './helpers';
import { eventSentence } from '../../../../renderer/src/ui/timeline-words';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { sqliteOf } from '../../../../db/core/handle';

type Ctx = Awaited<ReturnType<typeof shopApp>>;
let t: Ctx | null = null;
afterEach(async () => {
  await t?.app.dispose();
  await t?.emu.close();
  t = null;
});

async function pick(code: string) {
  const r = await api(t!.app, 'pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${code}: ${r.outcome}`);
  return r.parcel;
}

const synced = (parcelId: string) =>
  waitFor(async () => (await api(t!.app, 'shopify.parcel', { parcelId }))?.state === 'synced', 'tracking in Shopify', 15_000);

/** Load the parcels on a UPS manifest, close it and hand it over to the driver. */
async function handOver(numbers: string[]) {
  const m = await api(t!.app, 'dispatch.open', { lineId: 'ups' });
  for (const n of numbers) expect((await api(t!.app, 'dispatch.scan', { manifestId: m.id, code: n })).outcome).toBe('loaded');
  const closed = await api(t!.app, 'dispatch.close', { manifestId: m.id });
  await api(t!.app, 'dispatch.handover', { code: closed.manifest.number!, driver: 'Li Wei', via: 'driver_scan' });
}

const jobsOf = (kind: string) => t!.app.store.read.jobs.list({ kindPrefix: kind, limit: 50 });

describe("the buyer's shipping e-mail", () => {
  it('by default: tracking reaches Shopify at pick without an e-mail; exactly one e-mail at handover', async () => {
    t = await shopApp({ orders: 3 });
    expect((await api(t.app, 'shopify.status', {})).stores[0]).toMatchObject({ id: 'shop', notifyAt: 'handover' });
    const p = await pick('#1001');
    await synced(p.id);
    const f = [...t.emu.state.fulfillments.values()][0];
    expect(f.trackingInfo[0].number).toBe(p.trackingNumber);
    expect(f.notifyCustomer).toBe(false);
    expect(t.emu.mails()).toEqual([]);
    expect(await api(t.app, 'shopify.parcel', { parcelId: p.id })).toMatchObject({ notifyAt: 'handover', notifiedAt: null });

    await handOver([p.trackingNumber]);
    await waitFor(async () => !!(await api(t!.app, 'shopify.parcel', { parcelId: p.id }))?.notifiedAt, 'buyer notified', 15_000);
    await waitFor(
      () => jobsOf('shopify.fulfillment_event').every((j) => j.status === 'done') && jobsOf('shopify.fulfillment_event').length === 1,
      'milestone sent',
    );
    const mails = t.emu.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'shipping_update', orderName: '#1001', trackingNumbers: [p.trackingNumber] });
    expect(mails[0].to).toMatch(/@/);
    // The e-mail went out before Shopify heard CARRIER_PICKED_UP (same lane, in order).
    const notify = jobsOf('shopify.buyer_notify');
    expect(notify.map((j) => j.status)).toEqual(['done']);
  });

  it('"e-mail at pick": Shopify e-mails with the fulfillment, and the handover sends nothing more', async () => {
    t = await shopApp({ orders: 3 });
    expect(await api(t.app, 'shopify.notifyAt', { storeId: 'shop', notifyAt: 'pick' })).toEqual({ storeId: 'shop', notifyAt: 'pick' });
    const p = await pick('#1002');
    await synced(p.id);
    expect(t.emu.mails().map((m) => [m.kind, m.orderName])).toEqual([['shipping_confirmation', '#1002']]);
    expect((await api(t.app, 'shopify.parcel', { parcelId: p.id }))?.notifiedAt).not.toBeNull();
    await handOver([p.trackingNumber]);
    await waitFor(() => jobsOf('shopify.fulfillment_event').length === 1 && jobsOf('shopify.fulfillment_event')[0].status === 'done', 'milestone sent');
    expect(jobsOf('shopify.buyer_notify')).toEqual([]);
    expect(t.emu.mails()).toHaveLength(1);
  });

  it('never twice, never lost: an e-mail whose answer is lost is not sent again; one refused offline goes out later', async () => {
    t = await shopApp({ orders: 4, emulator: { hangMs: 200 } });
    const a = await pick('#1001');
    const b = await pick('#1002');
    await synced(a.id);
    await synced(b.id);
    // a: Shopify applies the update but its answer never comes back.
    t.emu.setFaults(1, ['timeout-after']);
    await handOver([a.trackingNumber]);
    await waitFor(() => t!.emu.mails().length >= 1, 'update applied');
    t.emu.setFaults(0);
    await waitFor(async () => !!(await api(t!.app, 'shopify.parcel', { parcelId: a.id }))?.notifiedAt, 'a notified', 20_000);
    // b: Shopify is unreachable at the handover; the e-mail waits in the outbox.
    t.emu.setOffline(true);
    await handOver([b.trackingNumber]);
    await new Promise((r) => setTimeout(r, 500));
    expect((await api(t.app, 'shopify.parcel', { parcelId: b.id }))?.notifiedAt).toBeNull();
    t.emu.setOffline(false);
    await waitFor(async () => !!(await api(t!.app, 'shopify.parcel', { parcelId: b.id }))?.notifiedAt, 'b notified', 20_000);
    const byOrder = t.emu
      .mails()
      .map((m) => m.orderName)
      .sort();
    expect(byOrder).toEqual(['#1001', '#1002']);
    const notified = sqliteOf(t.app.store)
      .prepare("SELECT subject, json_extract(payload, '$.found') AS found FROM events WHERE type = 'shopify.buyer_notified' ORDER BY seq")
      .all() as Array<{ subject: string; found: number }>;
    expect(notified).toEqual([
      { subject: a.id, found: 1 },
      { subject: b.id, found: 0 },
    ]);
  });

  it('the parcel timeline reads as sentences, with the buyer notified at handover; no event in the log shows a raw payload', async () => {
    t = await shopApp({ orders: 3 });
    const p = await pick('#1003');
    await synced(p.id);
    await handOver([p.trackingNumber]);
    await waitFor(async () => !!(await api(t!.app, 'shopify.parcel', { parcelId: p.id }))?.notifiedAt, 'buyer notified', 15_000);
    const detail = await api(t.app, 'parcels.get', { id: p.id });
    const h = { time: (iso: string) => iso.slice(11, 16), jobKind: (id: string) => detail.jobs.find((j) => j.id === id)?.kind };
    const lines = detail.events.map((e) => eventSentence(e.type, e.payload, h));
    expect(lines.find((l) => l.startsWith('Picked'))).toMatch(
      new RegExp(
        `^Picked \\(scanned #1003\\): number ${p.trackingNumber} issued from the line's (range \\(serial \\d+\\)|pool), label (to printer \\S+|waiting: no printer set)\\.`,
      ),
    );
    expect(lines.some((l) => /^Tracking .* is in Shopify; no e-mail to the buyer yet: it goes at handover\.$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Handed over to the carrier at '))).toBe(true);
    expect(lines).toContain(`Buyer notified: Shopify e-mailed the buyer tracking ${p.trackingNumber} at handover.`);
    const all = sqliteOf(t.app.store).prepare('SELECT type, payload FROM events').all() as Array<{ type: string; payload: string }>;
    for (const e of all) {
      const line = eventSentence(e.type, JSON.parse(e.payload), h);
      expect(line, e.type).not.toMatch(/\[object Object\]|undefined|NaN|parcelId:|manifestId:|jobId:|\bnull\b/);
      expect(line.length, e.type).toBeGreaterThan(8);
    }
  });

  it("a reship's new number reaches Shopify on the order's fulfillment, and the buyer is e-mailed it at the replacement's handover", async () => {
    t = await shopApp({ orders: 3 });
    const p = await pick('#1001');
    await synced(p.id);
    await handOver([p.trackingNumber]);
    await waitFor(async () => !!(await api(t!.app, 'shopify.parcel', { parcelId: p.id }))?.notifiedAt, 'buyer notified', 15_000);
    const { reships } = await api(t.app, 'monitor.reship', { parcelId: p.id, reason: 'lost in transit' });
    expect(reships[0].newOrderName).toBe('#1001-R1');
    const r = await pick('#1001-R1');
    expect(r.trackingNumber).not.toBe(p.trackingNumber);
    await synced(r.id);
    const f = [...t.emu.state.fulfillments.values()].find((x) => x.status !== 'CANCELLED')!;
    expect(f.trackingInfo.map((x) => x.number)).toEqual([r.trackingNumber]);
    expect(t.emu.mails().map((m) => m.trackingNumbers[0])).toEqual([p.trackingNumber]);
    await handOver([r.trackingNumber]);
    await waitFor(async () => !!(await api(t!.app, 'shopify.parcel', { parcelId: r.id }))?.notifiedAt, 'buyer told the new number', 15_000);
    expect(t.emu.mails().map((m) => [m.orderName, m.trackingNumbers[0]])).toEqual([
      ['#1001', p.trackingNumber],
      ['#1001', r.trackingNumber],
    ]);
    // Settings, notification times and the reship's Shopify row are projections: a rebuild gives them back.
    await api(t.app, 'shopify.notifyAt', { storeId: 'shop', notifyAt: 'pick' });
    await t.runner.stop();
    const before = dumpProjections(sqliteOf(t.app.store));
    rebuildProjections(sqliteOf(t.app.store));
    expect(dumpProjections(sqliteOf(t.app.store))).toEqual(before);
  });
});
