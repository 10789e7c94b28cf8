import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { SettableClock } from '../../../../electron/core/clock';
import { api, demoApp } from '../../../support/app';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { sqliteOf } from '../../../../db/core/handle';

// Thu 26 Nov 2026 09:00 in Shanghai (UTC+8).
const THU_MORNING = new Date('2026-11-26T01:00:00Z');
const postalWindow = {
  route: 'Low-cost postal (Yanwen, EUB) to US',
  bestHours: 72,
  worstHours: 120,
  countsNonWorkingDays: false,
  carrierWorkdays: [1, 2, 3, 4, 5],
};
const weekdays = (days: number[], cutoff = '16:00', pickup = '17:30') => days.map((weekday) => ({ weekday, cutoff, pickup }));

let apps: Array<Awaited<ReturnType<typeof demoApp>>> = [];
afterEach(async () => {
  for (const a of apps) await a.dispose();
  apps = [];
});
async function console_(at = THU_MORNING) {
  const clock = new SettableClock(at);
  const app = await demoApp({ runJobs: false, demoOrders: 20, testClock: clock });
  apps.push(app);
  return { app, clock };
}

describe('calendars are demo data, stored as events', () => {
  it('the demo seeds the three lines with the article’s calendars and Table 3 windows, in the warehouse zone', async () => {
    const { app } = await console_();
    const postal = await api(app, 'cutoffs.get', { lineId: 'postal-s10' });
    expect(postal).toMatchObject({ zone: 'Asia/Shanghai', version: 1, savedBy: 'demo', firstScan: { bestHours: 72, worstHours: 120 } });
    expect(postal.calendar!.pickups.map((p) => p.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(postal.upcoming[0]).toMatchObject({
      date: '2026-11-26',
      day: 'Thu',
      cutoffAt: '2026-11-26T08:00:00.000Z',
      pickupAt: '2026-11-26T09:30:00.000Z',
      open: true,
    });
    const ups = await api(app, 'cutoffs.get', { lineId: 'ups' });
    expect(ups).toMatchObject({ zone: 'Asia/Shanghai', firstScan: { bestHours: 12, worstHours: 24 } });
    const events = await api(app, 'events.export', {});
    expect(
      events
        .filter((e) => e.type === 'cutoffs.calendar_saved')
        .map((e) => e.subject)
        .sort(),
    ).toEqual(['express-dhl', 'postal-s10', 'ups']);
  });

  it('a save is a new version with who and why; undo goes back to the one before, and again', async () => {
    const { app } = await console_();
    const before = await api(app, 'cutoffs.get', { lineId: 'postal-s10' });
    const saved = await api(app, 'cutoffs.save', {
      lineId: 'postal-s10',
      calendar: { ...before.calendar!, rules: ['thursday-shift'] },
      firstScan: postalWindow,
      reason: 'Thursday shift for postal',
    });
    expect(saved).toMatchObject({ version: 2, savedBy: 'ada', reason: 'Thursday shift for postal', calendar: { rules: ['thursday-shift'] } });
    // Friday's pickup still runs but takes no new parcels.
    expect(saved.upcoming.find((p) => p.day === 'Fri')).toMatchObject({ open: false });

    const undone = await api(app, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'not this week' });
    expect(undone).toMatchObject({ version: 1, calendar: { rules: [] } });
    expect(undone.history[0]).toMatchObject({ version: 2, undoneBy: 'ada', undoReason: 'not this week' });
    const none = await api(app, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'start over' });
    expect(none).toMatchObject({ version: null, calendar: null, upcoming: [] });
    const r = await invoke(app.handlers, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'again' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('nothing to undo') } });
  });
});

describe('bad input: clear errors, nothing saved half-way', () => {
  const bad = async (calendar: object, firstScan = postalWindow) => {
    const { app } = await console_();
    const r = await invoke(app.handlers, 'cutoffs.save', {
      lineId: 'postal-s10',
      calendar: { pickups: [], holidays: [], overrides: [], rules: [], ...calendar },
      firstScan,
      reason: 'trying',
    });
    expect(r.ok).toBe(false);
    const saved = await api(app, 'cutoffs.get', { lineId: 'postal-s10' });
    expect(saved.version).toBe(1);
    expect((await api(app, 'events.export', {})).filter((e) => e.type.startsWith('cutoffs.')).length).toBe(3);
    return r.ok ? [] : r.error.issues!;
  };

  it('a line with no pickup days', async () => {
    expect(await bad({ pickups: [] })).toEqual([{ path: 'calendar.pickups', message: expect.stringContaining('no pickup days') }]);
  });

  it('02:30 on a spring-forward day in Los Angeles', async () => {
    const issues = await bad({
      zone: 'America/Los_Angeles',
      pickups: weekdays([1, 2, 3, 4, 5]),
      overrides: [{ date: '2026-03-08', kind: 'extra', cutoff: '02:30', pickup: '04:00', reason: 'Sunday run' }],
    });
    expect(issues).toEqual([{ path: 'calendar.overrides.0.cutoff', message: expect.stringMatching(/02:30 does not exist .* use 03:00 or later/) }]);
  });

  it('overlapping overrides, and a holiday list with a bad date, all reported at once', async () => {
    const issues = await bad({
      pickups: weekdays([1, 2, 3, 4, 5]),
      holidays: [{ date: '2026-02-30', name: 'Nope', scope: 'site' }],
      overrides: [
        { date: '2026-12-05', kind: 'extra', cutoff: '10:00', pickup: '11:00', reason: 'Saturday run' },
        { date: '2026-12-05', kind: 'extra', cutoff: '12:00', pickup: '13:00', reason: 'again' },
      ],
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['calendar.holidays.0.date', 'calendar.overrides.1.date']);
    expect(issues.find((i) => i.path === 'calendar.holidays.0.date')!.message).toContain('not a real calendar date');
  });

  it('a worst case shorter than the best case', async () => {
    const issues = await bad({ pickups: weekdays([1]) }, { ...postalWindow, bestHours: 120, worstHours: 72 });
    expect(issues).toEqual([{ path: 'firstScan.worstHours', message: expect.stringContaining('must be the longer one') }]);
  });

  it('preview reports the same errors and saves nothing', async () => {
    const { app } = await console_();
    const r = await api(app, 'cutoffs.preview', {
      lineId: 'postal-s10',
      calendar: { pickups: [], holidays: [], overrides: [], rules: [] },
      firstScan: postalWindow,
    });
    expect(r).toMatchObject({ ok: false, report: null, errors: [{ path: 'calendar.pickups' }] });
  });
});

describe('ship date at pick', () => {
  it('a parcel picked before cut-off ships today; after cut-off it is late and ships on the next pickup', async () => {
    const { app, clock } = await console_();
    const first = await api(app, 'pick.scan', { code: '#1001' });
    const lineOf = (r: typeof first) => ('parcel' in r ? r.parcel : null)!;
    const p1 = lineOf(first);
    expect(p1.shipLabel).toMatch(/^ships Thu 26 Nov (17:30|19:00)$/);
    expect(p1.late).toBe(false);

    clock.set(new Date('2026-11-27T11:00:00Z')); // Fri 19:00 local: after every cut-off of the day
    const orders = app.store.read.orders.list({ status: 'open', limit: 50 });
    const postal = orders.find((o) => o.lineId === 'postal-s10')!;
    const p2 = lineOf(await api(app, 'pick.scan', { code: postal.name }));
    expect(p2).toMatchObject({ shipLabel: 'ships Mon 30 Nov 17:30', late: true, pickupAt: '2026-11-30T09:30:00.000Z', cutoffAt: '2026-11-30T08:00:00.000Z' });
    // Monday 17:30 + 120 carrier working hours (Mon-Fri) = next Monday 17:30.
    expect(p2.expectedFirstScanBy).toBe('2026-12-07T09:30:00.000Z');
    expect(p2.expectedFirstScanFrom).toBe('2026-12-03T09:30:00.000Z');
    const got = await api(app, 'parcels.get', { id: p2.id });
    expect(got.parcel.expectedFirstScanBy).toBe('2026-12-07T09:30:00.000Z');
  });

  it('with the Thursday shift saved, a Friday-morning postal pick ships Monday', async () => {
    const { app, clock } = await console_();
    const cur = await api(app, 'cutoffs.get', { lineId: 'postal-s10' });
    await api(app, 'cutoffs.save', {
      lineId: 'postal-s10',
      calendar: { ...cur.calendar!, rules: ['thursday-shift'] },
      firstScan: cur.firstScan!,
      reason: 'Thursday shift',
    });
    clock.set(new Date('2026-11-27T02:00:00Z')); // Fri 10:00 local, before Friday's 16:00 cut-off
    const postal = app.store.read.orders.list({ status: 'open', limit: 50 }).find((o) => o.lineId === 'postal-s10')!;
    const r = await api(app, 'pick.scan', { code: postal.name });
    expect(r).toMatchObject({ outcome: 'issued', parcel: { shipLabel: 'ships Mon 30 Nov 17:30', late: true } });
  });

  it('a line without a calendar still picks; the parcel just has no ship date', async () => {
    const { app } = await console_();
    await api(app, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'no calendar' });
    const postal = app.store.read.orders.list({ status: 'open', limit: 50 }).find((o) => o.lineId === 'postal-s10')!;
    const r = await api(app, 'pick.scan', { code: postal.name });
    expect(r).toMatchObject({ outcome: 'issued', parcel: { shipLabel: null, pickupAt: null, late: null } });
  });
});

describe('supervisor views', () => {
  it('what-if on demo history: the Thursday shift moves Friday production to Monday and narrows the silence from pickup', async () => {
    const { app } = await console_();
    const r = await api(app, 'cutoffs.whatif', { lineId: 'postal-s10', rule: 'thursday-shift', weeks: 8 });
    expect(r).toMatchObject({ source: 'demo history', from: 'pickup', ticketRate: 0.175, ticketAfterDays: 4 });
    expect(r.note).toContain('demo history');
    expect(r.metric).toMatch(/carrier pickup/);
    expect(r.earliest.changed).toBeGreaterThan(0);
    expect(r.earliest.after.meanDays).toBeLessThan(r.earliest.before.meanDays);
    expect(r.earliest.ticketsAfter).toBeLessThan(r.earliest.ticketsBefore);
    const fri = r.earliest.weekdays.find((d) => d.day === 'Fri')!;
    expect(fri.after!).toBeLessThan(fri.before!);
    const total = (k: 'before' | 'after') => r.earliest.histogram.reduce((t, b) => t + b[k], 0);
    expect(total('before')).toBe(r.picks);
    expect(total('after')).toBe(r.picks);
    // Same input, same answer: the synthetic history is deterministic.
    expect(await api(app, 'cutoffs.whatif', { lineId: 'postal-s10', rule: 'thursday-shift', weeks: 8 })).toEqual(r);
  });

  it("what-if measures the buyer's silence from when the store e-mails them: from pickup at handover, from the pick at pick (where the shift saves nothing)", async () => {
    const { app } = await console_();
    const store = {
      id: 'shop',
      shopDomain: 'shop.myshopify.com',
      apiVersion: '2026-07',
      endpoint: null,
      shopName: 'Shop One',
      locationId: null,
      locationName: null,
      flow: 'merchant' as const,
      lineRules: {},
      defaultLineId: 'postal-s10',
    };
    app.store.write('test', new Date(), (emit) => emit({ type: 'shopify.store_connected', subject: null, payload: { store, missingScopes: [] } }));
    const atHandover = await api(app, 'cutoffs.whatif', { lineId: 'postal-s10', rule: 'thursday-shift', weeks: 8 });
    expect(atHandover.from).toBe('pickup');
    expect(atHandover.metric).toMatch(/e-mails the buyers at handover/);
    await api(app, 'shopify.notifyAt', { storeId: 'shop', notifyAt: 'pick' });
    const atPick = await api(app, 'cutoffs.whatif', { lineId: 'postal-s10', rule: 'thursday-shift', weeks: 8 });
    expect(atPick.from).toBe('pick');
    expect(atPick.metric).toMatch(/Shop One e-mails buyers the tracking at pick/);
    // Measured from the pick, holding parcels to Monday cannot shorten anyone's wait.
    expect(atPick.earliest.ticketsAfter).toBeGreaterThanOrEqual(atPick.earliest.ticketsBefore);
    expect(atPick.earliest.after.meanDays).toBeGreaterThanOrEqual(atPick.earliest.before.meanDays);
    expect((await api(app, 'cutoffs.matrix', { weeks: 4 })).from).toBe('pick');
  });

  it('the Thursday shift is a postal-line rule: refused on an express line, in the what-if and in the calendar', async () => {
    const { app } = await console_();
    const r = await invoke(app.handlers, 'cutoffs.whatif', { lineId: 'express-dhl', rule: 'thursday-shift', weeks: 8 });
    expect(r).toMatchObject({
      ok: false,
      status: 400,
      error: { message: expect.stringMatching(/^The Thursday shift is a postal-line rule: .* is an express line/) },
    });
    const cur = await api(app, 'cutoffs.get', { lineId: 'express-dhl' });
    const save = await invoke(app.handlers, 'cutoffs.save', {
      lineId: 'express-dhl',
      calendar: { ...cur.calendar!, rules: ['thursday-shift'] },
      firstScan: cur.firstScan!,
      reason: 'try the shift',
    });
    expect(save).toMatchObject({ ok: false, status: 400, error: { issues: [{ path: 'calendar.rules' }] } });
  });

  it('preview compares the draft against the saved calendar', async () => {
    const { app } = await console_();
    const cur = await api(app, 'cutoffs.get', { lineId: 'postal-s10' });
    const p = await api(app, 'cutoffs.preview', {
      lineId: 'postal-s10',
      calendar: { ...cur.calendar!, rules: ['thursday-shift'] },
      firstScan: cur.firstScan!,
      weeks: 4,
    });
    expect(p.ok).toBe(true);
    expect(p.upcomingBefore.find((s) => s.day === 'Fri')!.open).toBe(true);
    expect(p.upcomingAfter.find((s) => s.day === 'Fri')!.open).toBe(false);
    expect(p.report!.earliest.changed).toBeGreaterThan(0);
    expect((await api(app, 'cutoffs.get', { lineId: 'postal-s10' })).version).toBe(1);
  });

  it('this week: pickups with parcels riding them, the next cut-off and what is at risk', async () => {
    const { app, clock } = await console_();
    const postal = app.store.read.orders.list({ status: 'open', limit: 50 }).filter((o) => o.lineId === 'postal-s10');
    await api(app, 'pick.scan', { code: postal[0].name });
    await api(app, 'pick.scan', { code: postal[1].name });
    clock.set(new Date('2026-11-26T07:40:00Z')); // Thu 15:40 local: 20 minutes to the 16:00 cut-off
    const w = await api(app, 'cutoffs.week', {});
    expect(w.weekOf).toBe('2026-11-23');
    const line = w.lines.find((l) => l.lineId === 'postal-s10')!;
    expect(line.pickups.map((p) => p.day)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    expect(line.next).toMatchObject({ day: 'Thu', minutesLeft: 20, picked: 2, openOrders: postal.length - 2, unlabelled: 2 });
    expect(line.pickups.find((p) => p.day === 'Mon')!.state).toBe('gone');
    expect(line.next!.expected).toBe(120);
  });

  it('matrix: one row per line, the Friday column stands out on the postal line', async () => {
    const { app } = await console_();
    const m = await api(app, 'cutoffs.matrix', { weeks: 4 });
    expect(m.rows.map((r) => r.lineId).sort()).toEqual(['express-dhl', 'postal-s10', 'ups']);
    const postal = m.rows.find((r) => r.lineId === 'postal-s10')!;
    const med = (d: string) => postal.cells.find((c) => c.day === d)!.medianDays!;
    expect(med('Fri')).toBeGreaterThan(med('Mon'));
  });
});

describe('projections rebuild from events', () => {
  it('calendars, versions, undos and parcels’ ship dates rebuild to the live state', async () => {
    const { app, clock } = await console_();
    const cur = await api(app, 'cutoffs.get', { lineId: 'postal-s10' });
    await api(app, 'cutoffs.save', {
      lineId: 'postal-s10',
      calendar: { ...cur.calendar!, rules: ['thursday-shift'] },
      firstScan: cur.firstScan!,
      reason: 'shift',
    });
    await api(app, 'cutoffs.save', {
      lineId: 'postal-s10',
      calendar: { ...cur.calendar!, rules: [] },
      firstScan: { ...cur.firstScan!, worstHours: 144 },
      reason: 'longer window',
    });
    await api(app, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'back' });
    await api(app, 'cutoffs.undo', { lineId: 'ups', reason: 'no calendar for UPS' });
    for (const [i, o] of app.store.read.orders.list({ status: 'open', limit: 8 }).entries()) {
      clock.set(new Date(Date.UTC(2026, 10, 26, 6 + i * 2)));
      await api(app, 'pick.scan', { code: o.name });
    }
    const live = dumpProjections(sqliteOf(app.store));
    expect(live.cutoff_calendar_versions.length).toBe(5);
    expect(live.parcels.some((p) => String(p).includes('"ship_label":"ships'))).toBe(true);
    rebuildProjections(sqliteOf(app.store));
    expect(dumpProjections(sqliteOf(app.store))).toEqual(live);
    expect((await api(app, 'cutoffs.get', { lineId: 'postal-s10' })).calendar!.rules).toEqual(['thursday-shift']);
  });
});
