import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../support/app';
import { bindGate, invoke, type CallResult, type Handlers } from '../../../electron/app/invoke';
import { channelNames, channels, type ChannelName, type Input } from '../../../electron/contract/channels';
import { ApiError } from '../../../electron/core/errors';
import { upsLine, upsRange } from '../../support/setups';

type BadInput = Extract<CallResult, { ok: false }>;

let app: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  app = await demoApp({ runJobs: false, demoOrders: 5 });
});
afterAll(async () => app?.dispose());

/**
 * One valid input per channel. Typed over ChannelName, so a new channel without a sample here does
 * not compile: every input of the contract is checked for unknown keys.
 */
const valid: { [C in ChannelName]: Input<C> } = {
  'app.info': {},
  'clock.set': { at: '2026-11-27T08:00:00.000Z' },
  'site.clock.save': { clock: '12h' },
  'pick.stores': {},
  'station.get': {},
  'station.save': {
    name: 'Pick 1',
    printerId: null,
    scanner: { maxInterKeyMs: 35, minLength: 4, suffix: 'Enter', prefix: '', endTimeoutMs: 60 },
  },
  'events.export': {},
  'station.health': {},
  'station.database': {},
  'retention.get': {},
  'retention.save': { horizonDays: 120 },
  'retention.run': {},
  'pick.scan': { code: '#1001' },
  'pick.reprint': { parcelId: 'pcl_x', reason: 'label smudged' },
  'pick.stats': {},
  'parcels.list': {},
  'parcels.get': { id: 'pcl_x' },
  'labels.preview': { parcelId: 'pcl_x' },
  'pack.view': { orderId: 'ord_x' },
  'pack.scan': { orderId: 'ord_x', code: '0123456789012' },
  'pack.parcels': { orderId: 'ord_x', parcels: 3 },
  'pack.weigh': { orderId: 'ord_x' },
  'pack.weighTyped': { orderId: 'ord_x', grams: 1234 },
  'pack.label': { orderId: 'ord_x', override: { supervisor: 'Mia Chen', reason: 'barcode label torn' } },
  'pack.scale': {},
  'pack.scaleZero': { tare: true },
  'pack.customsForm': { parcelId: 'pcl_x' },
  'pack.customsFormPrint': { parcelId: 'pcl_x', reason: 'form torn' },
  'pack.customsFormPdf': { parcelId: 'pcl_x' },
  'pack.scaleSettings': {},
  'pack.scaleSave': { serial: { path: '/dev/ttyUSB0', baudRate: 9600, protocol: 'st-gs' } },
  'pack.rules': {},
  'pack.rulesRemove': { scope: 'store:x' },
  'pack.rulesSave': { scope: 'line:ln_x', verify: true, itemsPerParcel: null, needsWeight: true, needsCustoms: false },
  'customs.skus': {},
  'customs.import': { csv: 'sku,description\nTEE,cotton T-shirt\n' },
  'pack.batchStart': { lineId: 'ln_x', limit: 500 },
  'pack.batch': { batchId: 'bat_x' },
  'pack.batches': {},
  'pack.batchStop': { batchId: 'bat_x' },
  'pack.batchResume': { batchId: 'bat_x' },
  'lines.list': {},
  'lines.save': upsLine('test-line', 'Test line'),
  'ranges.add': upsRange('ups', 1, 2),
  'pool.import': { lineId: 'ups', csv: '1Z999AA10123456784' },
  'tracking.validate': { number: '1Z999AA10123456784' },
  'site.status': {},
  'site.fingerprint': {},
  'site.conflicts': { status: 'open' },
  'site.settle': { conflictId: 'order_picked_twice:ord_x', resolution: 'voided the second parcel', note: '' },
  'desktop.status': {},
  'desktop.settings': { kiosk: false, fullscreen: false, startAtLogin: false },
  'desktop.diagnostics': {},
  'backup.status': {},
  'backup.settings.save': { folder: '/srv/backup', everyHours: 4, keep: 14 },
  'backup.run': {},
  'backup.restore.preview': { file: '/srv/backup/firstscan-x.db' },
  'backup.restore.stage': { file: '/srv/backup/firstscan-x.db' },
  'backup.restore.check': {},
  'backup.restore.confirm': { confirmGap: false },
  'backup.restore.release': { orderId: 'ord_x', decision: 'pick_again', note: '' },
  'backup.restore.answer': { jobId: 'job_x', decision: 'went', note: '' },
  'assessment.report': { from: '2026-11-23', to: '2026-12-06' },
  'assessment.pdf': {},
  'orders.import': { format: 'csv', text: 'order,line' },
  'orders.import.start': { format: 'csv', text: 'order,line' },
  'orders.import.status': { importId: 'nope' },
  'printers.list': {},
  'printers.save': { id: 'p1', name: 'Printer', transport: 'tcp9100', host: '127.0.0.1', port: 9100, language: 'zpl' },
  'jobs.list': {},
  'jobs.retry': { id: 'job_x' },
  'monitor.queue': {},
  'monitor.pass': {},
  'monitor.assign': { ids: ['exc_x'], owner: 'lin' },
  'monitor.resolve': { ids: ['exc_x'], reason: 'buyer confirmed receipt' },
  'monitor.contactPreview': { exceptionId: 'exc_x' },
  'monitor.contact': { exceptionIds: ['exc_x'] },
  'monitor.reship': { exceptionIds: ['exc_x'], reason: 'lost in transit' },
  'monitor.rules.get': {},
  'monitor.rules.save': {
    rules: {
      noFirstScan: { enabled: true, hoursByRoute: { postal: 120, private: 72, express: 72, domestic: 72 } },
      noUpdate: { enabled: true, days: 5 },
      failedDelivery: { enabled: true },
      notHandedOver: { enabled: true, graceHours: 2, fallbackPickupHours: 24 },
      lost: { enabled: true, days: 15 },
      dueHours: { lost: 4, failed_delivery: 8, not_handed_over: 2, no_first_scan: 12, no_update: 24 },
      lines: { ups: { noFirstScanHours: 48 } },
    },
    reason: 'tighter UPS window',
  },
  'monitor.sources': {},
  'monitor.import': { csv: 'tracking_number,status,scanned_at\nLX100000000CN,accepted,2026-11-27 10:00' },
  'monitor.push': {
    sourceId: 'aggregator',
    data: [{ number: 'LX100000000CN', track_info: { tracking: { providers: [{ events: [{ stage: 'PickedUp', time_utc: '2026-11-27T10:00:00Z' }] }] } } }],
  },
  'monitor.parcel': { id: 'pcl_x' },
  'monitor.support': { query: '#1001' },
  'monitor.site': {},
  'monitor.costs.save': { hourlyRate: 15, minutesPerTicket: 5, ticketRates: { postal: 0.175, private: 0.04, express: 0.04, domestic: 0.04 } },
  'monitor.demo.scan': { query: '#1001', status: 'accepted' },
  'printers.setup': { printerId: 'p1' },
  'printers.configure': { printerId: 'p1', setup: { transport: 'tcp9100', queue: null, size: '4x4', dpi: 300, fallbackPrinterId: null, statusCheck: true } },
  'printers.health': {},
  'printers.check': { printerId: 'p1' },
  'printers.pause': { printerId: 'p1' },
  'printers.resume': { printerId: 'p1' },
  'printers.move': { from: 'p1', to: 'p2' },
  'print.jobs': {},
  'print.confirm': { jobId: 'job_x', printed: true },
  'printers.simulate': { printerId: 'demo-printer', status: { paperOut: true } },
  'scanners.list': {},
  'scanners.configure': { key: 'hid:0c2e:0b61:123', role: 'pick' },
  'scanners.profiles': {},
  'selftest.print': {},
  'lines.customs': { lineId: 'postal-s10' },
  'lines.customs.save': { lineId: 'postal-s10', customs: null },
  'shopify.status': {},
  'shopify.test': { shopDomain: 'shop.myshopify.com', accessToken: 'shpat_0123456789' },
  'shopify.connect': { id: 'shop', shopDomain: 'shop.myshopify.com', accessToken: 'shpat_0123456789' },
  'shopify.disconnect': { storeId: 'shop' },
  'shopify.notifyAt': { storeId: 'shop', notifyAt: 'pick' },
  'shopify.trackingPages': {},
  'shopify.trackingPage': { storeId: 'shop', template: 'https://track.example.com/{number}', useInShopify: true, milestones: true },
  'shopify.intake': { storeId: 'shop' },
  'shopify.parcel': { parcelId: 'pcl_x' },
  'shopify.fix': { jobId: 'job_x', company: 'UPS' },
  'shopify.requests': { storeId: 'shop' },
  'shopify.requests.answer': { storeId: 'shop', foGid: 'gid://shopify/FulfillmentOrder/1', accept: true },
  'shopify.demo.network': { online: false },
  'parcel.relink': { parcelId: 'pcl_1', reason: 'label unreadable', number: 'LX100000017CN' },
  'dispatch.board': {},
  'dispatch.rules.save': {
    lineId: 'ups',
    services: ['Worldwide Saver'],
    maxParcels: null,
    maxWeightGrams: null,
    bags: 'none',
    weight: 'off',
    expectedPickup: '17:00',
    acceptance: 'scan',
  },
  'dispatch.open': { lineId: 'ups' },
  'dispatch.manifest': { manifestId: 'mft_x' },
  'dispatch.scan': { manifestId: 'mft_x', code: '1Z999AA10123456784' },
  'dispatch.unload': { manifestId: 'mft_x', parcelId: 'pcl_x', reason: 'wrong pile' },
  'dispatch.close': { manifestId: 'mft_x' },
  'dispatch.reopen': { manifestId: 'mft_x', reason: 'late parcel' },
  'dispatch.void': { manifestId: 'mft_x', reason: 'truck cancelled' },
  'dispatch.pdf': { manifestId: 'mft_x' },
  'dispatch.csv': { manifestId: 'mft_x' },
  'dispatch.handover': { code: 'MF-DWS-UPS-20261127-01', driver: 'Li Wei', via: 'lead_confirm' },
  'dispatch.resolve': { id: 'dsc_x', resolution: 'dismissed', note: 'not ours' },
  'dispatch.voidParcel': { parcelId: 'pcl_x', reason: 'damaged' },
  'cutoffs.get': { lineId: 'postal-s10' },
  'cutoffs.save': {
    lineId: 'postal-s10',
    calendar: { pickups: [{ weekday: 1, cutoff: '16:00', pickup: '17:30' }], holidays: [], overrides: [], rules: [] },
    firstScan: { route: 'Low-cost postal to US', bestHours: 72, worstHours: 120, countsNonWorkingDays: false, carrierWorkdays: [1, 2, 3, 4, 5] },
    reason: 'new carrier schedule',
  },
  'cutoffs.undo': { lineId: 'postal-s10', reason: 'saved by mistake' },
  'cutoffs.preview': {
    lineId: 'postal-s10',
    calendar: { pickups: [{ weekday: 1, cutoff: '16:00', pickup: '17:30' }], holidays: [], overrides: [], rules: ['thursday-shift'] },
    firstScan: { route: 'Low-cost postal to US', bestHours: 72, worstHours: 120, countsNonWorkingDays: false, carrierWorkdays: [1, 2, 3, 4, 5] },
  },
  'cutoffs.whatif': { lineId: 'postal-s10', rule: 'thursday-shift' },
  'cutoffs.week': {},
  'cutoffs.matrix': {},
  'operators.session': { active: true },
  'operators.signIn': { code: 'OP-ANA1-4821' },
  'operators.signOut': {},
  'operators.firstAdmin': { id: 'first', name: 'First Admin', pin: '9999' },
  'operators.list': {},
  'operators.create': { id: 'pia', name: 'Pia Picker', role: 'picker' },
  'operators.change': { id: 'ana', role: 'dispatch' },
  'operators.unlock': { id: 'ana' },
  'operators.badges': {},
  'operators.badgeSheet': {},
  'operators.settings': {},
  'operators.settings.save': { idleMinutes: 15, maxFailures: 5, lockMinutes: 15 },
  'tokens.list': {},
  'tokens.create': { name: 'WMS bridge', role: 'dispatch' },
  'tokens.revoke': { id: 'tok_x' },
  'audit.list': { actor: 'sam', type: 'cutoffs.' },
  'figures.day': { day: '2026-12-06' },
  'figures.csv': {},
  'notify.settings': {},
  'notify.settings.save': { webhookUrl: 'https://hooks.example.com/firstscan', exceptionsOver: 25 },
  'notify.recent': { limit: 10 },
  'notify.check': {},
};

function expectBadInput(r: CallResult, channel: string): BadInput {
  expect(r.ok).toBe(false);
  const bad = r as BadInput;
  expect(bad.status).toBe(400);
  expect(bad.error.code).toBe('BAD_INPUT');
  expect(bad.error.message).toContain(`Input for ${channel} is not valid`);
  expect(bad.error.issues?.length ?? 0).toBeGreaterThan(0);
  for (const i of bad.error.issues ?? []) {
    expect(i.path).not.toBe('');
    expect(i.message).not.toBe('');
  }
  return bad;
}

describe('invoke: the contract refuses bad input on every channel', () => {
  it('knows every channel of the table', () => {
    expect(channelNames.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(valid).sort()).toEqual([...channelNames].sort());
  });

  it.each(channelNames)('%s: a number instead of an object is 400 BAD_INPUT', async (channel) => {
    const bad = expectBadInput(await invoke(app.handlers, channel, 42), channel);
    expect(bad.error.issues![0].path).toBe('(input)');
  });

  it.each(channelNames)('%s: {"__bogus": true} is 400 BAD_INPUT', async (channel) => {
    expectBadInput(await invoke(app.handlers, channel, { __bogus: true }), channel);
  });

  it.each(channelNames)('%s: a valid input with an unknown key is refused, naming the key', async (channel) => {
    // The sample itself is valid, so the only thing wrong below is the extra key.
    expect(channels[channel].input.safeParse(valid[channel]).success).toBe(true);
    const bad = expectBadInput(await invoke(app.handlers, channel, { ...valid[channel], __bogus: true }), channel);
    expect(bad.error.message).toContain('__bogus');
  });

  it('refuses unknown keys nested in the station scanner settings', async () => {
    const input = { ...valid['station.save'], scanner: { ...valid['station.save'].scanner, turbo: true } };
    const bad = expectBadInput(await invoke(app.handlers, 'station.save', input), 'station.save');
    expect(bad.error.issues!.some((i) => i.path === 'scanner')).toBe(true);
    expect(bad.error.message).toContain('turbo');
  });

  it('names the field and the rule in the issues', async () => {
    const bad = expectBadInput(await invoke(app.handlers, 'pick.reprint', { parcelId: 'pcl_x', reason: ' ' }), 'pick.reprint');
    expect(bad.error.issues).toEqual([{ path: 'reason', message: 'say why the label is reprinted' }]);
    expect(bad.error.message).toContain('reason: say why the label is reprinted');
  });

  it('treats a missing body as {} (channels without input work)', async () => {
    const r = await invoke(app.handlers, 'app.info', undefined);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data).toMatchObject({ mode: 'headless', demo: true, site: { zone: 'Asia/Shanghai' } });
  });
});

describe('invoke: errors', () => {
  it('answers an unknown channel with 404 NOT_FOUND', async () => {
    const r = await invoke(app.handlers, 'pick.teleport', {});
    expect(r).toEqual({
      ok: false,
      status: 404,
      error: { code: 'NOT_FOUND', message: 'There is no channel "pick.teleport". GET /api lists them.' },
    });
    // Inherited object keys are not channels either.
    expect((await invoke(app.handlers, 'toString', {})).ok).toBe(false);
    expect(await invoke(app.handlers, '__proto__', {})).toMatchObject({ status: 404 });
  });

  it('turns a handler ApiError NOT_FOUND into status 404 with its message', async () => {
    const r = await invoke(app.handlers, 'parcels.get', { id: 'pcl_nope' });
    expect(r).toEqual({
      ok: false,
      status: 404,
      error: { code: 'NOT_FOUND', message: 'Parcel pcl_nope not found. Check the number, or search in Parcels.', issues: undefined },
    });
  });

  it('maps each ApiError code to its HTTP status', async () => {
    const codes = [
      ['BAD_INPUT', 400],
      ['UNAUTHORIZED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
      ['UNAVAILABLE', 503],
      ['INTERNAL', 500],
    ] as const;
    for (const [code, status] of codes) {
      const handlers = {
        ...app.handlers,
        'app.info': () => {
          throw new ApiError(code, `because ${code}`, [{ path: 'x', message: 'y' }]);
        },
      } as Handlers;
      expect(await invoke(handlers, 'app.info', {})).toEqual({
        ok: false,
        status,
        error: { code, message: `because ${code}`, issues: [{ path: 'x', message: 'y' }] },
      });
    }
  });

  it('does not throw when a handler throws a plain error: 500 INTERNAL naming the channel', async () => {
    const handlers = {
      ...app.handlers,
      'pick.stats': async () => {
        throw new Error('disk on fire');
      },
    } as Handlers;
    bindGate(handlers, app.env.sessions);
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const r = await invoke(handlers, 'pick.stats', {});
      expect(r).toMatchObject({ ok: false, status: 500, error: { code: 'INTERNAL' } });
      if (!r.ok) expect(r.error.message).toBe('Something went wrong on pick.stats: disk on fire. Try again; if it repeats, report it.');
    } finally {
      console.error = quiet;
    }
  });

  it('reports an answer that breaks the output contract as 500 INTERNAL with issues', async () => {
    const handlers = { ...app.handlers, 'pick.stats': () => ({ pickedToday: 'many' }) } as unknown as Handlers;
    bindGate(handlers, app.env.sessions);
    const r = await invoke(handlers, 'pick.stats', {});
    expect(r).toMatchObject({ ok: false, status: 500, error: { code: 'INTERNAL' } });
    if (!r.ok) {
      expect(r.error.message).toContain('breaks its own contract on pick.stats');
      expect(r.error.issues!.map((i) => i.path)).toContain('pickedToday');
    }
  });

  it('passes validated, defaulted input to the handler and returns its data', async () => {
    const r = await api(app, 'parcels.list', {});
    expect(r).toEqual({ rows: [], total: 0 });
    const v = await api(app, 'tracking.validate', { number: '1Z999AA10123456784' });
    expect(v).toMatchObject({ valid: true, carrier: 'UPS', normalized: '1Z999AA10123456784' });
  });
});
