import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../../support/app';
import { capabilities } from '../../../../../electron/app/capabilities';
import { printingCapabilityWith } from '../../../../../electron/capabilities/devices/printing/handlers';
import { scannersCapabilityWith } from '../../../../../electron/capabilities/devices/handlers';
import { SettableClock } from '../../../../../electron/core/clock';
import { FakePrinter } from '../../../../../native/printers/fake9100';
import { dumpProjections, rebuildProjections } from '../../../../../db/rebuild';
import { sqliteOf } from '../../../../../db/core/handle';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App;
const extra: FakePrinter[] = [];

afterEach(async () => {
  for (const p of extra.splice(0)) await p.stop();
  await app?.dispose();
});

async function start() {
  const clock = new SettableClock(new Date('2026-11-27T02:00:00.000Z'));
  const caps = capabilities.map((c) =>
    c.name === 'printing'
      ? printingCapabilityWith({ healthIntervalMs: 3_600_000, tcp: { idleTimeoutMs: 300 } })
      : c.name === 'scanners'
        ? scannersCapabilityWith({ sources: () => [] })
        : c,
  );
  app = await demoApp({ runJobs: false, demoOrders: 40, testClock: clock, capabilities: caps });
  clockOf = clock;
  return { clock, fake: app.fakePrinter! };
}

/** Run the outbox until nothing due is left (time does not move by itself here). */
async function drain() {
  while (app.runner.pass() > 0) await app.runner.idle();
}

/** Let backoffs expire and drain again, a few rounds. */
async function settle(clock: SettableClock, rounds = 5) {
  for (let i = 0; i < rounds; i++) {
    clock.advance(20_000);
    await drain();
  }
}

let clockOf: SettableClock;
/** Picks one after another, a millisecond apart like a real station (see the report on same-ms ties). */
async function pick(n: number, from: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    clockOf.advance(1);
    const r = await api(app, 'pick.scan', { code: `#${from + i}` });
    if (r.outcome !== 'issued') throw new Error(`pick ${from + i}: ${r.outcome}`);
    out.push(r.parcel.trackingNumber);
  }
  return out;
}

const printedNumbers = (p: FakePrinter, all: string[]) => p.labels().map((l) => all.find((n) => l.includes(n)) ?? '?');

async function secondPrinter(id: string, language: 'zpl' | 'pdf') {
  const p = new FakePrinter();
  extra.push(p);
  const at = await p.start();
  await api(app, 'printers.save', {
    id,
    name: id === 'pdf-office' ? 'Office laser' : 'Second Zebra',
    transport: 'tcp9100',
    host: at.host,
    port: at.port,
    language,
  });
  return p;
}

function expectRebuildEqual() {
  const before = dumpProjections(sqliteOf(app.store));
  rebuildProjections(sqliteOf(app.store));
  expect(dumpProjections(sqliteOf(app.store))).toEqual(before);
}

describe('printer queue', () => {
  it('paper out mid-batch: the Pick screen says so, the queue holds, then resumes in order with nothing lost or doubled', async () => {
    const { clock, fake } = await start();
    const first = await pick(3, 1001);
    await drain();
    expect((await api(app, 'printers.health', {}))!.level).toBe('ok');

    fake.setStatus({ paperOut: true });
    const health = (await api(app, 'printers.check', { printerId: 'demo-printer' }))!;
    expect(health).toMatchObject({ level: 'bad', problems: ['paper_out'] });
    expect(health.message).toMatch(/out of labels — load a new roll/);

    const during = await pick(4, 1004);
    clock.advance(1);
    const warn = await api(app, 'pick.scan', { code: '#1008' });
    expect(warn.outcome === 'issued' && warn.warnings.map((w) => w.code)).toEqual(['printer_problem']);
    during.push(warn.outcome === 'issued' ? warn.parcel.trackingNumber : '');
    await settle(clock);
    expect(fake.labels().length).toBe(3);
    const jobs = await api(app, 'print.jobs', { printerId: 'demo-printer' });
    expect(
      jobs
        .filter((j) => j.status === 'held')
        .map((j) => j.tracking)
        .reverse(),
    ).toEqual(during);

    fake.setStatus({ paperOut: false });
    await api(app, 'printers.check', { printerId: 'demo-printer' });
    await drain();
    const all = [...first, ...during];
    expect(printedNumbers(fake, all)).toEqual(all);
    expect((await api(app, 'print.jobs', {})).every((j) => j.status === 'printed')).toBe(true);
    expectRebuildEqual();
  });

  it('pause holds a printer, resume sends its labels in order; move sends them to another printer', async () => {
    const { fake } = await start();
    const other = await secondPrinter('zebra-2', 'zpl');
    await api(app, 'printers.pause', { printerId: 'demo-printer' });
    const a = await pick(3, 1001);
    await drain();
    expect(fake.labels()).toEqual([]);
    expect((await api(app, 'printers.health', {}))!).toMatchObject({ level: 'warn', paused: true, queued: 3 });

    expect(await api(app, 'printers.move', { from: 'demo-printer', to: 'zebra-2' })).toEqual({ moved: 3 });
    await drain();
    expect(printedNumbers(other, a)).toEqual(a);

    const b = await pick(2, 1004);
    await drain();
    expect(fake.labels()).toEqual([]);
    await api(app, 'printers.resume', { printerId: 'demo-printer' });
    await drain();
    expect(printedNumbers(fake, b)).toEqual(b);
    expectRebuildEqual();
  });

  it('a printer that takes a label without confirming: never resent blindly, the lane waits for a person', async () => {
    const { clock, fake } = await start();
    await fake.setMode('hang');
    const [first] = await pick(1, 1001);
    await drain();
    expect(fake.labels().length).toBe(1); // it did print, but the console cannot know
    await fake.setMode('ok');
    const [second] = await pick(1, 1002);
    await settle(clock);
    expect(fake.labels().length).toBe(1); // neither resent nor overtaken

    const health = (await api(app, 'printers.health', {}))!;
    expect(health.level).toBe('bad');
    expect(health.questions).toEqual([expect.objectContaining({ tracking: first })]);
    const jobs = await api(app, 'print.jobs', {});
    expect(jobs.find((j) => j.tracking === first)!.status).toBe('printed?');

    await api(app, 'print.confirm', { jobId: health.questions[0].jobId, printed: true });
    await drain();
    expect(printedNumbers(fake, [first, second])).toEqual([first, second]);
    expect(app.store.read.parcels.byTracking(first)!.labelPrintedAt).not.toBeNull();
    expectRebuildEqual();
  });

  it('"it did not print" sends the held label again, then the rest', async () => {
    const { clock, fake } = await start();
    await fake.setMode('hang');
    const [first] = await pick(1, 1001);
    await drain();
    await fake.setMode('ok');
    const [second] = await pick(1, 1002);
    const q = (await api(app, 'printers.health', {}))!.questions[0];
    await api(app, 'print.confirm', { jobId: q.jobId, printed: false });
    await settle(clock, 1);
    expect(printedNumbers(fake, [first, second])).toEqual([first, first, second]);
  });

  it('a ZPL printer that is down falls back to its PDF printer, keeping order, until it is back', async () => {
    const { clock, fake } = await start();
    const office = await secondPrinter('pdf-office', 'pdf');
    const setup = await api(app, 'printers.setup', { printerId: 'demo-printer' });
    await api(app, 'printers.configure', { printerId: 'demo-printer', setup: { ...setup, fallbackPrinterId: 'pdf-office' } });
    await fake.setMode('refuse');
    const a = await pick(3, 1001);
    await settle(clock, 3);
    expect(office.jobs().length).toBe(3);
    expect(office.jobs().every((j) => j.startsWith('%PDF'))).toBe(true);
    expect((await api(app, 'printers.health', {}))!.divertedTo).toBe('pdf-office');
    const jobs = await api(app, 'print.jobs', {});
    expect(jobs.map((j) => j.printedOn).reverse()).toEqual(['pdf-office', 'pdf-office', 'pdf-office']);
    expect(a.every((n) => app.store.read.parcels.byTracking(n)!.labelPrintedAt)).toBe(true);

    await fake.setMode('ok');
    await api(app, 'printers.check', { printerId: 'demo-printer' });
    const b = await pick(1, 1004);
    await drain();
    expect(printedNumbers(fake, b)).toEqual(b);
    expectRebuildEqual();
  });

  it('a printer refusing connections: failed with a reason, retried, printed once when back', async () => {
    const { clock, fake } = await start();
    await fake.setMode('refuse');
    const a = await pick(2, 1001);
    await drain();
    const failed = (await api(app, 'print.jobs', {})).find((j) => j.tracking === a[0])!;
    expect(failed.status).toBe('failed');
    expect(failed.reason).toMatch(/refused the connection/);
    await fake.setMode('ok');
    await settle(clock);
    expect(printedNumbers(fake, a)).toEqual(a);
  });

  it('a printer closing mid-job after taking every byte: asked, not guessed; "no" prints it once', async () => {
    const { clock, fake } = await start();
    await fake.setMode('close-mid-job');
    const a = await pick(2, 1001);
    await drain();
    const job = (await api(app, 'print.jobs', {})).find((j) => j.tracking === a[0])!;
    expect(job.status).toBe('printed?');
    await fake.setMode('ok');
    await settle(clock);
    expect(fake.labels()).toEqual([]);
    await api(app, 'print.confirm', { jobId: job.id, printed: false });
    await settle(clock, 1);
    expect(printedNumbers(fake, a)).toEqual(a);
  });

  it('labels follow the printer size and resolution; lines can carry a customs block', async () => {
    await start();
    await api(app, 'printers.configure', {
      printerId: 'demo-printer',
      setup: { transport: 'tcp9100', queue: null, size: '4x4', dpi: 300, fallbackPrinterId: null, statusCheck: true },
    });
    await api(app, 'lines.customs.save', {
      lineId: 'postal-s10',
      customs: { enabled: true, category: 'gift', originCountry: 'CN', currency: 'USD', valuePerItem: 12.5, weightPerItemKg: 0.2, items: {} },
    });
    const postal = app.store.read.orders.list({ status: 'open', limit: 100 }).find((o) => o.lineId === 'postal-s10')!;
    const r = await api(app, 'pick.scan', { code: postal.name });
    if (r.outcome !== 'issued') throw new Error(r.outcome);
    await drain();
    const zpl = app.fakePrinter!.labels()[0];
    expect(zpl).toContain('^PW1200');
    expect(zpl).toContain('^LL1200');
    expect(zpl).toContain('CUSTOMS DECLARATION CN22 - GIFT');
    expect(zpl).toMatch(/TOTAL [\d.]+ kg \| USD [\d.]+ \| ORIGIN CN/);
    const preview = await api(app, 'labels.preview', { parcelId: r.parcel.id });
    expect(preview.zpl.trim()).toBe(zpl);
  });
});
