import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineCalendar } from '../../../../electron/capabilities/cutoffs/calendar';
import { postalS10Line } from '../../../../electron/capabilities/cutoffs/examples';
import { shipByFor } from '../../../../electron/capabilities/cutoffs/for-parcel';
import { syntheticPicks } from '../../../../electron/capabilities/cutoffs/history';
import { nextPickup } from '../../../../electron/capabilities/cutoffs/shipdate';
import { epochDay } from '../../../../electron/capabilities/cutoffs/civil';
import { replayCompare, replayWhatIf, silenceMatrix } from '../../../../electron/capabilities/cutoffs/whatif';
import { defaultWindows, expectedFirstScan } from '../../../../electron/capabilities/cutoffs/window';
import { weekdayLine, MON_FRI } from './fixtures';

const window = defaultWindows['postal-us'];
const picks = syntheticPicks('test', 40, 'Asia/Shanghai', epochDay('2026-01-05'), epochDay('2026-02-15'));

describe('replayCompare', () => {
  it('is replayWhatIf when the two calendars differ by the rule only', () => {
    const withRule: LineCalendar = { ...postalS10Line, rules: ['thursday-shift'] };
    const a = replayCompare(postalS10Line, withRule, picks, window, { ticketRate: 0.175, silenceFrom: 'pickup' });
    const b = replayWhatIf(postalS10Line, 'thursday-shift', picks, window, { ticketRate: 0.175, silenceFrom: 'pickup' });
    expect(a).toEqual(b);
  });

  it('weekday medians of the replay equal silenceMatrix, before and after', () => {
    const later = weekdayLine('Asia/Shanghai', MON_FRI, '18:00', '19:00');
    const r = replayCompare(postalS10Line, later, picks, window, { ticketRate: 0.175, silenceFrom: 'pickup', byWeekday: true });
    expect(r.weekdaysBefore).toEqual(silenceMatrix(postalS10Line, window, picks, 'pickup'));
    expect(r.weekdaysAfter).toEqual(silenceMatrix(later, window, picks, 'pickup'));
    // A later cut-off lets more picks make the same day's pickup.
    expect(r.changed).toBeGreaterThan(0);
  });

  it('a draft with another window changes silence without changing pickups', () => {
    const r = replayCompare(
      postalS10Line,
      postalS10Line,
      picks,
      window,
      { ticketRate: 0.175, silenceFrom: 'pickup' },
      { ...window, worstHours: window.worstHours + 24 },
    );
    expect(r.changed).toBe(0);
    expect(r.after.meanDays).toBeGreaterThan(r.before.meanDays);
  });
});

describe('syntheticPicks (demo history)', () => {
  it('is deterministic, inside 08:00-20:00 local, and follows the weekday profile', () => {
    const again = syntheticPicks('test', 40, 'Asia/Shanghai', epochDay('2026-01-05'), epochDay('2026-02-15'));
    expect(again.map(Number)).toEqual(picks.map(Number));
    for (const p of picks) {
      const localHour = (p.getUTCHours() + 8) % 24;
      expect(localHour).toBeGreaterThanOrEqual(8);
      expect(localHour).toBeLessThan(20);
    }
    const flat = syntheticPicks('x', 10, 'Europe/London', epochDay('2026-03-23'), epochDay('2026-04-05'), true);
    expect(flat.length).toBe(140);
  });
});

describe('shipByFor (the cached scan path) agrees with nextPickup + expectedFirstScan', () => {
  const zones = ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/London'];
  it('for any pick across DST boundaries, with and without the Thursday shift', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.boolean(),
        fc.date({ min: new Date('2026-03-01T00:00:00Z'), max: new Date('2026-11-15T00:00:00Z'), noInvalidDate: true }),
        (zone, shift, at) => {
          const cal = weekdayLine(zone, MON_FRI, '16:00', '17:30', {
            rules: shift ? ['thursday-shift'] : [],
            holidays: [{ date: '2026-03-30', name: 'Monday off', scope: 'carrier' }],
          });
          const settings = { lineId: `l-${zone}`, version: 1, calendar: cal, firstScan: { ...window, route: 'postal' }, savedAt: '', savedBy: '', reason: '' };
          const got = shipByFor(settings, at)!;
          const want = nextPickup(cal, at);
          const scan = expectedFirstScan(cal, window, want.pickupAt);
          expect(got).toEqual({
            cutoffAt: want.cutoffAt.toISOString(),
            pickupAt: want.pickupAt.toISOString(),
            label: want.label,
            late: want.late,
            firstScanFrom: scan.earliest.toISOString(),
            firstScanTo: scan.latest.toISOString(),
          });
          expect(got.pickupAt >= at.toISOString()).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the same line id and version with different content never share a cache entry', () => {
    const at = new Date('2026-11-27T02:00:00Z'); // Fri 10:00 Shanghai
    const base = { lineId: 'same', version: 1, firstScan: { ...window, route: 'postal' }, savedAt: '', savedBy: '', reason: '' };
    const plain = shipByFor({ ...base, calendar: postalS10Line }, at)!;
    const shifted = shipByFor({ ...base, calendar: { ...postalS10Line, rules: ['thursday-shift'] } }, at)!;
    expect(plain.label).toBe('ships Fri 27 Nov 17:30');
    expect(shifted.label).toBe('ships Mon 30 Nov 17:30');
  });
});
