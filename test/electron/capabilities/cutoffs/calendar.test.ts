import { describe, expect, it } from 'vitest';
import { validateCalendar } from '../../../../electron/capabilities/cutoffs/calendar';
import { postalS10Line, privateExpressLine, upsLine } from '../../../../electron/capabilities/cutoffs/examples';
import { MON_FRI, weekdayLine } from './fixtures';

function errorsOf(input: unknown) {
  const result = validateCalendar(input);
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

const la = weekdayLine('America/Los_Angeles', MON_FRI, '16:00', '17:00');

describe('validateCalendar', () => {
  it('accepts the demo calendars', () => {
    for (const cal of [postalS10Line, privateExpressLine, upsLine]) {
      expect(validateCalendar(cal)).toEqual({ ok: true, calendar: cal });
    }
  });

  it('rejects an unknown zone and names a valid one', () => {
    expect(errorsOf({ ...la, zone: 'Asia/Shangai' })).toEqual([
      { path: 'zone', message: expect.stringMatching(/unknown IANA time zone "Asia\/Shangai".*Asia\/Shanghai/) },
    ]);
  });

  it('rejects a calendar without pickup days', () => {
    expect(errorsOf({ ...la, pickups: [] })).toEqual([
      { path: 'pickups', message: expect.stringContaining('no pickup days — add at least one weekly pickup') },
    ]);
  });

  it('rejects malformed times', () => {
    const errors = errorsOf({ ...la, pickups: [{ weekday: 1, cutoff: '24:00', pickup: '5pm' }] });
    expect(errors).toEqual([
      { path: 'pickups.0.cutoff', message: '"24:00" is not a valid time — use 24-hour HH:mm, e.g. "16:00"' },
      { path: 'pickups.0.pickup', message: '"5pm" is not a valid time — use 24-hour HH:mm, e.g. "16:00"' },
    ]);
  });

  it('rejects a pickup before its cut-off, on weekly pickups and extra overrides', () => {
    const errors = errorsOf({
      ...la,
      pickups: [{ weekday: 1, cutoff: '16:00', pickup: '15:30' }],
      overrides: [{ date: '2026-03-14', kind: 'extra', cutoff: '12:00', pickup: '11:00', reason: 'peak' }],
    });
    expect(errors).toEqual([
      { path: 'pickups.0.pickup', message: expect.stringContaining('pickup 15:30 is before cut-off 16:00') },
      { path: 'overrides.0.pickup', message: expect.stringContaining('pickup 11:00 is before cut-off 12:00') },
    ]);
  });

  it('accepts a pickup exactly at the cut-off', () => {
    expect(validateCalendar(weekdayLine('Europe/London', [1], '16:00', '16:00')).ok).toBe(true);
  });

  it('rejects a duplicate weekday', () => {
    const cal = { ...la, pickups: [...la.pickups, { weekday: 3, cutoff: '12:00', pickup: '13:00' }] };
    expect(errorsOf(cal)).toEqual([{ path: 'pickups.5.weekday', message: 'Wed (weekday 3) is listed twice (also pickups.2) — keep one cut-off per weekday' }]);
  });

  it('rejects an out-of-range weekday', () => {
    expect(errorsOf({ ...la, pickups: [{ weekday: 0, cutoff: '16:00', pickup: '17:00' }] })).toEqual([
      { path: 'pickups.0.weekday', message: expect.stringContaining('ISO: Monday = 1, Sunday = 7') },
    ]);
  });

  it('rejects holidays with impossible dates and duplicate holidays', () => {
    const errors = errorsOf({
      ...la,
      holidays: [
        { date: '2026-02-30', name: 'Nope', scope: 'site' },
        { date: '2026-07-03', name: 'Independence Day (observed)', scope: 'carrier' },
        { date: '2026-07-03', name: 'again', scope: 'site' },
      ],
    });
    expect(errors).toEqual([
      { path: 'holidays.0.date', message: '"2026-02-30" is not a real calendar date — use YYYY-MM-DD, e.g. "2026-02-28"' },
      { path: 'holidays.2.date', message: '2026-07-03 is already a holiday (holidays.1) — keep one entry per date' },
    ]);
  });

  it('rejects two overrides on one date', () => {
    const errors = errorsOf({
      ...la,
      overrides: [
        { date: '2026-03-10', kind: 'cancelled', reason: 'truck broken' },
        { date: '2026-03-10', kind: 'cancelled', reason: 'again' },
      ],
    });
    expect(errors).toEqual([{ path: 'overrides.1.date', message: '2026-03-10 already has an override (overrides.0) — keep one override per date' }]);
  });

  it('rejects an extra pickup on a day that already has one', () => {
    const errors = errorsOf({
      ...la,
      overrides: [{ date: '2026-03-11', kind: 'extra', cutoff: '10:00', pickup: '11:00', reason: 'second run' }],
    });
    expect(errors).toEqual([
      {
        path: 'overrides.0.kind',
        message: '2026-03-11 is a Wed, which already has a weekly pickup — an extra pickup is only for a day without one',
      },
    ]);
  });

  it('rejects cancelling a day without a pickup (weekend or holiday)', () => {
    const errors = errorsOf({
      ...la,
      holidays: [{ date: '2026-11-26', name: 'Thanksgiving', scope: 'carrier' }],
      overrides: [
        { date: '2026-03-14', kind: 'cancelled', reason: 'x' },
        { date: '2026-11-26', kind: 'cancelled', reason: 'y' },
      ],
    });
    expect(errors).toEqual([
      { path: 'overrides.0.kind', message: '2026-03-14 has no pickup to cancel — there is no weekly pickup on Sat; remove this override' },
      { path: 'overrides.1.kind', message: '2026-11-26 has no pickup to cancel — it is already the holiday "Thanksgiving"; remove this override' },
    ]);
  });

  it('requires times on extra pickups and forbids them on cancellations', () => {
    const errors = errorsOf({
      ...la,
      overrides: [
        { date: '2026-03-14', kind: 'extra', reason: 'peak' },
        { date: '2026-03-10', kind: 'cancelled', cutoff: '16:00', reason: 'x' },
      ],
    });
    expect(errors).toEqual([
      { path: 'overrides.0', message: 'an extra pickup needs both cutoff and pickup times (HH:mm)' },
      { path: 'overrides.1', message: 'a cancelled pickup takes no cutoff/pickup times — remove them' },
    ]);
  });

  it('rejects an override cut-off inside the spring-forward gap (Los Angeles 2026-03-08 02:30)', () => {
    const errors = errorsOf({
      ...la,
      overrides: [{ date: '2026-03-08', kind: 'extra', cutoff: '02:30', pickup: '04:00', reason: 'night run' }],
    });
    expect(errors).toEqual([
      {
        path: 'overrides.0.cutoff',
        message: 'cut-off 02:30 does not exist in America/Los_Angeles on 2026-03-08 (clocks skip it for daylight saving) — use 03:00 or later',
      },
    ]);
  });

  it('accepts an override at an ambiguous fall-back time (it happens, twice)', () => {
    const cal = { ...la, overrides: [{ date: '2026-11-01', kind: 'extra', cutoff: '01:30', pickup: '04:00', reason: 'x' }] };
    expect(validateCalendar(cal).ok).toBe(true);
  });

  it('does not fail a recurring weekday cut-off that falls into a DST gap on some dates', () => {
    expect(validateCalendar(weekdayLine('America/Los_Angeles', [7], '02:30', '03:15')).ok).toBe(true);
  });

  it('reports every problem in one pass', () => {
    const errors = errorsOf({
      zone: 'Mars/Olympus',
      pickups: [],
      holidays: [{ date: '2026-13-01', name: 'x', scope: 'site' }],
      overrides: [],
      rules: [],
    });
    expect(errors.map((e) => e.path)).toEqual(['zone', 'holidays.0.date', 'pickups']);
  });

  it('rejects an unknown rule', () => {
    expect(errorsOf({ ...la, rules: ['friday-off'] })).toEqual([{ path: 'rules.0', message: 'unknown rule — the only supported rule is "thursday-shift"' }]);
  });
});
