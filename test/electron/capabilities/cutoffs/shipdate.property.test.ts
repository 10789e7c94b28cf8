import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { validateCalendar, type LineCalendar } from '../../../../electron/capabilities/cutoffs/calendar';
import { nextPickup } from '../../../../electron/capabilities/cutoffs/shipdate';

// Independent oracle: walks local dates with luxon, no engine code.
// Generated times stay in 08:00-23:59 so no DST gap is involved.
const YEAR_START = DateTime.fromISO('2026-01-01', { zone: 'UTC' });
const isoDate = (offsetDays: number) => YEAR_START.plus({ days: offsetDays }).toISODate()!;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function hasPickup(cal: LineCalendar, date: string): boolean {
  const override = cal.overrides.find((o) => o.date === date);
  if (override) return override.kind === 'extra';
  if (cal.holidays.some((h) => h.date === date)) return false;
  return cal.pickups.some((p) => p.weekday === DateTime.fromISO(date).weekday);
}

function cutoffOf(cal: LineCalendar, date: string): number {
  const override = cal.overrides.find((o) => o.date === date);
  const time = override?.cutoff ?? cal.pickups.find((p) => p.weekday === DateTime.fromISO(date).weekday)!.cutoff;
  return DateTime.fromISO(`${date}T${time}`, { zone: cal.zone }).toMillis();
}

const shiftDays = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate()!;
const mondayOf = (date: string) => shiftDays(date, 1 - DateTime.fromISO(date).weekday);

const calendarArb: fc.Arbitrary<LineCalendar> = fc
  .record({
    zone: fc.constantFrom('Asia/Shanghai', 'America/Los_Angeles', 'Europe/London'),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    cutoffMinute: fc.integer({ min: 8 * 60, max: 21 * 60 }),
    pickupDelay: fc.integer({ min: 0, max: 120 }),
    holidayDays: fc.uniqueArray(fc.integer({ min: 0, max: 420 }), { maxLength: 4 }),
    overrideDays: fc.uniqueArray(fc.integer({ min: 0, max: 420 }), { maxLength: 3 }),
  })
  .map(({ zone, weekdays, cutoffMinute, pickupDelay, holidayDays, overrideDays }) => {
    const base: LineCalendar = {
      zone,
      pickups: weekdays.map((weekday) => ({ weekday, cutoff: hhmm(cutoffMinute), pickup: hhmm(cutoffMinute + pickupDelay) })),
      holidays: holidayDays.map((d, i) => ({ date: isoDate(d), name: `H${i}`, scope: i % 2 ? 'carrier' : 'site' })),
      overrides: [],
      rules: [],
    };
    // Cancel days that have a pickup, add extras on days that do not — both valid.
    base.overrides = overrideDays.map((d) => {
      const date = isoDate(d);
      return hasPickup(base, date)
        ? { date, kind: 'cancelled' as const, reason: 'generated' }
        : { date, kind: 'extra' as const, cutoff: '09:00', pickup: '10:00', reason: 'generated' };
    });
    return base;
  });

const pickArb = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T23:59:59Z'), noInvalidDate: true });

describe('nextPickup properties', () => {
  it('generated calendars are valid', () => {
    fc.assert(
      fc.property(calendarArb, (cal) => {
        expect(validateCalendar(cal)).toMatchObject({ ok: true });
      }),
    );
  });

  it('ships no earlier than the pick, on a pickup day, and on the first one whose cut-off is not past', () => {
    fc.assert(
      fc.property(calendarArb, pickArb, (cal, pick) => {
        const r = nextPickup(cal, pick);
        expect(r.cutoffAt.getTime()).toBeGreaterThanOrEqual(pick.getTime());
        expect(r.pickupAt.getTime()).toBeGreaterThanOrEqual(r.cutoffAt.getTime());
        expect(hasPickup(cal, r.localDate)).toBe(true);
        expect(DateTime.fromJSDate(r.pickupAt, { zone: cal.zone }).toISODate()).toBe(r.localDate);
        expect(cutoffOf(cal, r.localDate)).toBe(r.cutoffAt.getTime());

        const pickDate = DateTime.fromJSDate(pick, { zone: cal.zone }).toISODate()!;
        for (let d = pickDate; d < r.localDate; d = shiftDays(d, 1)) {
          if (hasPickup(cal, d)) expect(cutoffOf(cal, d)).toBeLessThan(pick.getTime());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('with thursday-shift, ship days are still real pickup days after the pick', () => {
    fc.assert(
      fc.property(calendarArb, pickArb, (cal, pick) => {
        const r = nextPickup({ ...cal, rules: ['thursday-shift'] }, pick);
        expect(r.cutoffAt.getTime()).toBeGreaterThanOrEqual(pick.getTime());
        expect(hasPickup(cal, r.localDate)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("thursday-shift moves only parcels picked after the last Mon-Thu cut-off, to the next week's first pickup", () => {
    fc.assert(
      fc.property(calendarArb, pickArb, (cal, pick) => {
        const before = nextPickup(cal, pick);
        const after = nextPickup({ ...cal, rules: ['thursday-shift'] }, pick);

        const monday = mondayOf(before.localDate);
        const monToThu = [0, 1, 2, 3].map((i) => shiftDays(monday, i));
        const anchor = monToThu.filter((d) => hasPickup(cal, d)).at(-1);

        if (anchor === undefined || before.localDate <= anchor) {
          expect(after).toEqual(before);
          return;
        }
        let firstNextWeek = shiftDays(monday, 7);
        while (!hasPickup(cal, firstNextWeek)) firstNextWeek = shiftDays(firstNextWeek, 1);

        expect(pick.getTime()).toBeGreaterThan(cutoffOf(cal, anchor));
        expect(after.localDate).toBe(firstNextWeek);
        expect(after.cutoffAt.getTime()).toBeGreaterThanOrEqual(pick.getTime());
      }),
      { numRuns: 600 },
    );
  });
});
