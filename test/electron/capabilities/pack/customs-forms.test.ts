import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp, signInAs } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { pdfStrings } from '../../../support/pdf-text';
import { sqliteOf } from '../../../../db/core/handle';
import { FakePrinter } from '../../../../native/printers/fake9100';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | null = null;
const printers: FakePrinter[] = [];
afterEach(async () => {
  await app?.dispose();
  app = null;
  for (const p of printers.splice(0)) await p.stop();
});

const rules = (lineId: string, r: Partial<{ verify: boolean; itemsPerParcel: number | null; needsWeight: boolean }> = {}) => ({
  scope: `line:${lineId}`,
  verify: false,
  itemsPerParcel: null,
  needsWeight: false,
  needsCustoms: true,
  ...r,
});

/** An open order of the demo on `lineId` with at least two lines (so two parcels can carry different items). */
function twoLineOrder(a: App, lineId: string) {
  const o = a.store.read.orders
    .list({ status: 'open', limit: 10_000 })
    .find((x) => x.lineId === lineId && a.store.read.orders.items(x.id).length >= 2 && a.store.read.orders.items(x.id)[1].quantity === 1);
  if (!o) throw new Error(`no open two-line order on ${lineId}`);
  return { order: o, items: a.store.read.orders.items(o.id) };
}

/** The customs table: every SKU of the order at `value` USD, HS 610910, made in Portugal, 180 g. */
const csvFor = (items: Array<{ sku: string }>, value: number) =>
  `sku,description,hs_code,origin,value,currency,weight_g\n${items.map((i) => `${i.sku},cotton T-shirt ${i.sku},610910,PT,${value},USD,180`).join('\n')}\n`;

async function pdfPrinter(a: App) {
  await api(a, 'printers.save', { id: 'office', name: 'Office A4', transport: 'tcp9100', host: '127.0.0.1', port: 9, language: 'pdf' });
}

describe('a split order declares per parcel', () => {
  it('each parcel carries only the items scanned into it: the whole order is a CN23, each parcel alone a CN22', async () => {
    app = await demoApp({ runJobs: false });
    const { order, items } = twoLineOrder(app, 'postal-s10');
    await api(app, 'pack.rulesSave', rules('postal-s10', { verify: true }));
    // 250 USD an item: the order (>= 2 items, 500 USD or more) is above the CN22 limit of 400 USD.
    await api(app, 'customs.import', { csv: csvFor(items, 250) });
    expect((await api(app, 'pick.scan', { code: order.name })).outcome).toBe('pack');
    expect((await api(app, 'pack.view', { orderId: order.id })).customs?.form).toBe('CN23');

    // Box 1: every unit of the first line; then PACK-ADD-PARCEL; box 2: the rest.
    const [first, ...rest] = items;
    for (let q = 0; q < first.quantity; q++) await api(app, 'pack.scan', { orderId: order.id, code: first.barcode ?? first.sku });
    expect((await api(app, 'pack.scan', { orderId: order.id, code: 'PACK-ADD-PARCEL' })).outcome).toBe('parcels');
    for (const it of rest) for (let q = 0; q < it.quantity; q++) await api(app, 'pack.scan', { orderId: order.id, code: it.barcode ?? it.sku });
    const out = await api(app, 'pack.label', { orderId: order.id });
    expect(out.parcels.map((p) => `${p.piece} of ${p.pieces}`)).toEqual(['1 of 2', '2 of 2']);

    const one = await api(app, 'pack.customsForm', { parcelId: out.parcels[0].id });
    const two = await api(app, 'pack.customsForm', { parcelId: out.parcels[1].id });
    expect(one.items.map((i) => [i.description, i.quantity])).toEqual([[`cotton T-shirt ${first.sku}`, first.quantity]]);
    expect(two.items.map((i) => [i.description, i.quantity])).toEqual(rest.map((i) => [`cotton T-shirt ${i.sku}`, i.quantity]));
    expect(one.value).toBe(250 * first.quantity);
    expect(two.value).toBe(250 * rest.reduce((n, i) => n + i.quantity, 0));
    // What the printed label says for the first parcel: its own items, its own form.
    const zpl1 = (await api(app, 'labels.preview', { parcelId: out.parcels[0].id })).zpl;
    expect(zpl1).toContain(first.sku);
    for (const it of rest) if (it.sku !== first.sku) expect(zpl1).not.toContain(`cotton T-shirt ${it.sku}`);
    expect(first.quantity).toBe(1); // the demo's first line is one gift box
    expect(one.form).toBe('CN22');
    expect(zpl1).toContain('CN22');
  });

  it('without scan-to-verify, a "one parcel per N items" line fills the parcels N items at a time', async () => {
    app = await demoApp({ runJobs: false });
    const { order, items } = twoLineOrder(app, 'postal-s10');
    const units = items.reduce((n, i) => n + i.quantity, 0);
    await api(app, 'pack.rulesSave', rules('postal-s10', { itemsPerParcel: 1 }));
    await api(app, 'customs.import', { csv: csvFor(items, 10) });
    await api(app, 'pick.scan', { code: order.name });
    const out = await api(app, 'pack.label', { orderId: order.id });
    expect(out.parcels).toHaveLength(units);
    const declared = await Promise.all(out.parcels.map((p) => api(app!, 'pack.customsForm', { parcelId: p.id })));
    expect(declared.map((d) => d.items.reduce((n, i) => n + i.quantity, 0))).toEqual(out.parcels.map(() => 1));
    expect(declared.flatMap((d) => d.items.map((i) => i.description)).sort()).toEqual(
      items.flatMap((i) => Array.from({ length: i.quantity }, () => `cotton T-shirt ${i.sku}`)).sort(),
    );
  });
});

describe('the CN23 form', () => {
  it('is queued on the PDF printer with the labels, as a PDF with the parcel’s sender, addressee, items, totals, category and signature', async () => {
    app = await demoApp({ runJobs: false });
    await pdfPrinter(app);
    const { order, items } = twoLineOrder(app, 'postal-s10');
    await api(app, 'pack.rulesSave', rules('postal-s10'));
    await api(app, 'customs.import', { csv: csvFor(items, 450) });
    await api(app, 'pick.scan', { code: order.name });
    await api(app, 'pack.weighTyped', { orderId: order.id, grams: 1234 });
    const [parcel] = (await api(app, 'pack.label', { orderId: order.id })).parcels;

    const jobs = sqliteOf(app.store).prepare("SELECT target, payload FROM jobs WHERE kind = 'print.customs_form' AND ref = ?").all(parcel.id) as Array<{
      target: string;
      payload: string;
    }>;
    expect(jobs).toHaveLength(1);
    expect(jobs[0].target).toBe('printer:office');
    const signer = app.env.sessions.current()!.name;
    expect(JSON.parse(jobs[0].payload)).toMatchObject({ parcelId: parcel.id, printerId: 'office' });

    const pdf = await api(app, 'pack.customsFormPdf', { parcelId: parcel.id });
    expect(pdf.fileName).toBe(`CN23-${order.name.replace('#', '')}-${parcel.trackingNumber}.pdf`);
    const bytes = Buffer.from(pdf.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.FIRSTSCAN_KEEP_CN23) writeFileSync(process.env.FIRSTSCAN_KEEP_CN23, bytes);
    const text = pdfStrings(bytes).join('\n');
    const site = (await api(app, 'app.info', {})) as unknown as { site?: { shipFrom?: { name: string } } };
    expect(text).toContain('CUSTOMS DECLARATION CN 23');
    expect(text).toContain(`No. ${parcel.trackingNumber}`);
    expect(text).toContain('FROM (SENDER)');
    if (site.site?.shipFrom) expect(text).toContain(site.site.shipFrom.name);
    expect(text).toContain('TO (ADDRESSEE)');
    expect(text).toContain(order.shipTo.name);
    expect(text).toContain(order.shipTo.address1);
    for (const it of items) {
      expect(text).toContain(`cotton T-shirt ${it.sku}`);
      expect(text).toContain((450 * it.quantity).toFixed(2));
      expect(text).toContain((0.18 * it.quantity).toFixed(3));
    }
    expect(text).toContain('610910');
    expect(text).toContain('PT');
    const units = items.reduce((n, i) => n + i.quantity, 0);
    expect(text).toContain(`Total gross weight: 1.234 kg    Total value: ${(450 * units).toFixed(2)} USD`);
    expect(text).toContain('[X] Sale of goods');
    expect(text).toContain("DATE AND SENDER'S SIGNATURE");
    expect(text).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2} {4}${signer}`));

    // Printed again from the parcel: a second job on the same lane, on the parcel's timeline.
    const again = await api(app, 'pack.customsFormPrint', { parcelId: parcel.id, reason: 'form torn' });
    expect(again.message).toMatch(/sent to Office A4/);
    expect(
      (sqliteOf(app.store).prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'print.customs_form' AND ref = ?").get(parcel.id) as { n: number }).n,
    ).toBe(2);
    expect(app.store.read.events.about([parcel.id]).filter((e) => e.type === 'customs.form_queued')).toHaveLength(2);
  });

  it('prints through the outbox: the label on the label printer, the CN23 as a PDF on the office printer', async () => {
    app = await demoApp({ runJobs: false });
    const office = new FakePrinter();
    printers.push(office);
    const at = await office.start();
    await api(app, 'printers.save', { id: 'office', name: 'Office A4', transport: 'tcp9100', host: at.host, port: at.port, language: 'pdf' });
    const { order, items } = twoLineOrder(app, 'postal-s10');
    await api(app, 'pack.rulesSave', rules('postal-s10'));
    await api(app, 'customs.import', { csv: csvFor(items, 450) });
    await api(app, 'pick.scan', { code: order.name });
    const [parcel] = (await api(app, 'pack.label', { orderId: order.id })).parcels;
    for (let i = 0; i < 50 && office.jobs().length === 0; i++) {
      while (app.runner.pass() > 0) await app.runner.idle();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(office.jobs()).toHaveLength(1);
    expect(office.jobs()[0].startsWith('%PDF-')).toBe(true);
    expect(app.fakePrinter!.labels().some((l) => l.includes(parcel.trackingNumber))).toBe(true);
    const job = sqliteOf(app.store).prepare("SELECT status FROM jobs WHERE kind = 'print.customs_form' AND ref = ?").get(parcel.id) as { status: string };
    expect(job.status).toBe('done');
  });

  it('is refused for a parcel under the CN22 limit, with what to do instead', async () => {
    app = await demoApp({ runJobs: false });
    await pdfPrinter(app);
    const { order, items } = twoLineOrder(app, 'postal-s10');
    await api(app, 'pack.rulesSave', rules('postal-s10'));
    await api(app, 'customs.import', { csv: csvFor(items, 5) });
    await api(app, 'pick.scan', { code: order.name });
    const [parcel] = (await api(app, 'pack.label', { orderId: order.id })).parcels;
    expect((sqliteOf(app.store).prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'print.customs_form'").get() as { n: number }).n).toBe(0);
    const r = await invoke(app.handlers, 'pack.customsFormPrint', { parcelId: parcel.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/needs no CN23.*Reprint the label instead/);
  });
});

describe('an override at the bench', () => {
  it('a picker prints a normal label but is refused an override (FORBIDDEN, need supervisor); a supervisor’s override is recorded with their name', async () => {
    app = await demoApp({ runJobs: false, signIn: 'picker' });
    const o = app.store.read.orders.byName('#1005')[0];
    await signInAs(app, 'supervisor');
    await api(app, 'pack.rulesSave', { ...rules(o.lineId!, { verify: true, needsWeight: true }), needsCustoms: false });
    await signInAs(app, 'picker');
    expect((await api(app, 'pick.scan', { code: '#1005' })).outcome).toBe('pack');
    const refused = await invoke(app.handlers, 'pack.label', { orderId: o.id, override: { reason: 'scale is broken' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.status).toBe(403);
      expect(refused.error).toMatchObject({ code: 'FORBIDDEN', need: 'supervisor', role: 'picker' });
      expect(refused.error.message).toMatch(/needs a supervisor\. Ask a supervisor to scan their badge at this bench/);
    }
    expect(app.store.read.parcels.forOrder(o.id)).toHaveLength(0);

    const supervisor = await signInAs(app, 'supervisor');
    const out = await api(app, 'pack.label', {
      orderId: o.id,
      override: { supervisor: 'Somebody Else', reason: 'scale is broken, weighed on the floor scale' },
    });
    expect(out.parcels).toHaveLength(1);
    const ev = app.store.read.events.about([o.id]).find((e) => e.type === 'pack.overridden');
    expect(ev?.payload).toMatchObject({ supervisor: supervisor.name, waived: ['count', 'weight'] });
    expect(ev?.actor).toBe(supervisor.id);
  });

  it('a picker prints a normal label when nothing needs overriding', async () => {
    app = await demoApp({ runJobs: false, signIn: 'picker' });
    const o = app.store.read.orders.byName('#1006')[0];
    await signInAs(app, 'supervisor');
    await api(app, 'pack.rulesSave', { ...rules(o.lineId!), needsCustoms: false });
    await signInAs(app, 'picker');
    await api(app, 'pick.scan', { code: '#1006' });
    expect((await api(app, 'pack.label', { orderId: o.id })).parcels).toHaveLength(1);
  });
});
