import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { renderZplPng } from '../../../../electron/capabilities/devices/labels/preview';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
  delete process.env.FIRSTSCAN_FAKE_SCALE;
});

const waitFor = async (fn: () => Promise<boolean>, what: string) => {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

async function benchOn(recording: string, order: string, r: { needsWeight?: boolean; needsCustoms?: boolean }) {
  process.env.FIRSTSCAN_FAKE_SCALE = recording;
  app = await demoApp({ runJobs: false });
  const o = app.store.read.orders.byName(order)[0];
  await api(app, 'pack.rulesSave', {
    scope: `line:${o.lineId}`,
    verify: false,
    itemsPerParcel: null,
    needsWeight: !!r.needsWeight,
    needsCustoms: !!r.needsCustoms,
  });
  expect((await api(app, 'pick.scan', { code: order })).outcome).toBe('pack');
  await waitFor(async () => (await api(app!, 'pack.scale', {})).connected !== null, 'the fake scale');
  return o;
}

describe('weight from the scale', () => {
  it('a line that needs a weight refuses the label until the scale gives a stable one, which lands on the parcel and its label', async () => {
    const o = await benchOn('settle-1234g', '#1001', { needsWeight: true });
    const early = await api(app!, 'pack.scan', { orderId: o.id, code: 'PACK-LABEL' });
    expect(early.outcome).toBe('refused');
    expect(early.message).toMatch(/needs a weight/);
    expect(app!.store.read.parcels.forOrder(o.id)).toHaveLength(0);
    const w = await api(app!, 'pack.weigh', { orderId: o.id });
    expect(w).toMatchObject({ outcome: 'weighed', grams: 1234 });
    const out = await api(app!, 'pack.label', { orderId: o.id });
    expect(out.parcels[0].weightG).toBe(1234);
    expect((await api(app!, 'labels.preview', { parcelId: out.parcels[0].id })).zpl).toContain('1.23 kg');
    expect(app!.store.read.events.about([o.id]).find((e) => e.type === 'pack.weighed')?.payload).toMatchObject({ grams: 1234, source: 'scale_hid' });
  });

  it('never lands a reading the scale does not call stable', async () => {
    const o = await benchOn('never-stable', '#1002', { needsWeight: true });
    const w = await api(app!, 'pack.weigh', { orderId: o.id });
    expect(w.outcome).toBe('refused');
    expect(w.message).toMatch(/still moving/);
    expect((await api(app!, 'pack.view', { orderId: o.id })).weights).toEqual([]);
    const r = await invoke(app!.handlers, 'pack.label', { orderId: o.id });
    expect(r.ok).toBe(false);
  });
});

describe('customs data', () => {
  const csv = (value: string, hs = '610910') =>
    `sku,description,hs_code,origin,value,currency,weight_g\n${SKUS.map((s) => `${s},cotton T-shirt,${hs},CN,${value},USD,180`).join('\n')}\n`;
  let SKUS: string[] = [];

  it('refuses the number when an HS code is missing, before it is issued; CN22 at low value, CN23 above the UPU threshold', async () => {
    const o = await benchOn('settle-1234g', '#1003', { needsCustoms: true });
    SKUS = app!.store.read.orders.items(o.id).map((i) => i.sku);
    const before = app!.store.read.lines.rangeRemaining(o.lineId!);
    const r = await api(app!, 'pack.scan', { orderId: o.id, code: 'PACK-LABEL' });
    expect(r.outcome).toBe('refused');
    expect(r.message).toMatch(/has no HS code/);
    expect(app!.store.read.lines.rangeRemaining(o.lineId!)).toBe(before);
    expect(app!.store.read.parcels.forOrder(o.id)).toHaveLength(0);

    await api(app!, 'customs.import', { csv: csv('12.50') });
    const low = await api(app!, 'pack.view', { orderId: o.id });
    expect(low.customs).toMatchObject({ form: 'CN22', currency: 'USD', missing: [] });
    await api(app!, 'customs.import', { csv: csv('450') });
    const high = await api(app!, 'pack.view', { orderId: o.id });
    expect(high.customs?.form).toBe('CN23');

    const out = await api(app!, 'pack.label', { orderId: o.id });
    const { zpl, pngBase64 } = await api(app!, 'labels.preview', { parcelId: out.parcels[0].id });
    expect(zpl).toContain('CUSTOMS DECLARATION CN23');
    expect(zpl).toContain('HS 610910');
    expect(Buffer.from(pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect((await renderZplPng(zpl)).length).toBeGreaterThan(1000);
  });

  it('imports the customs table all or nothing, naming every bad row', async () => {
    app = await demoApp({ runJobs: false });
    const bad = await invoke(app.handlers, 'customs.import', {
      csv: 'sku,description,hs_code,origin,value\nA,mug,691200,CN,4\nB,,691200,CN,4\nC,plate,69A,CN,4\nD,bowl,691200,ZZ,4\n',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toMatch(/3 rows cannot be taken, so nothing was imported: row 3: B: the description is empty/);
      expect(bad.error.message).toMatch(/row 4: C: HS code "69A"/);
      expect(bad.error.message).toMatch(/row 5: D: origin "ZZ"/);
    }
    expect(await api(app, 'customs.skus', {})).toEqual([]);
    expect((await api(app, 'customs.import', { csv: 'SKU,Description,HS_Code\nA,mug,6912.00\n' })).imported).toBe(1);
    expect(await api(app, 'customs.skus', {})).toEqual([{ sku: 'A', description: 'mug', hsCode: '691200' }]);
  });
});
