import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shipByFor } from '../../../../electron/capabilities/cutoffs/for-parcel';
import { defaultWindows } from '../../../../electron/capabilities/cutoffs/window';
import { rememberShipBy, type KnownShipBy } from '../../../../electron/capabilities/pick/ship-by';
import { weekdayLine, MON_FRI } from '../cutoffs/fixtures';

const window = { ...defaultWindows['postal-us'], route: 'postal' };
const zones = ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe'];
const settingsFor = (zone: string, version: number, cutoff: string) => ({
  lineId: 'l',
  version,
  calendar: weekdayLine(zone, MON_FRI, cutoff, '17:30', { holidays: [{ date: '2026-03-30', name: 'Monday off', scope: 'carrier' as const }] }),
  firstScan: window,
  savedAt: '',
  savedBy: '',
  reason: '',
});

describe('rememberShipBy (the pick path asks the calendar once per cut-off)', () => {
  it('gives what the calendar gives for every pick, across cut-offs, midnights and DST changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2026-03-01T00:00:00Z'), max: new Date('2026-11-15T00:00:00Z'), noInvalidDate: true }),
        // Mostly forward steps (a shift of scans), sometimes back (a clock moved back).
        fc.array(fc.oneof(fc.integer({ min: -60_000, max: 120_000 }), fc.integer({ min: -3_600_000, max: 4 * 3_600_000 })), { minLength: 5, maxLength: 80 }),
        (zone, start, steps) => {
          const s = settingsFor(zone, 1, '16:00');
          const known = new Map<string, KnownShipBy>();
          let t = start.getTime();
          for (const step of steps) {
            t += step;
            const at = new Date(t);
            expect(rememberShipBy(known, 'l', 1, at, () => s)).toEqual(shipByFor(s, at));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('minute by minute through the days around DST changes', () => {
    const days: Array<[string, string]> = [
      ['America/Los_Angeles', '2026-03-07T00:00:00Z'],
      ['Europe/London', '2026-10-24T00:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T00:00:00Z'],
      ['Asia/Shanghai', '2026-11-26T00:00:00Z'],
    ];
    for (const [zone, from] of days) {
      const s = settingsFor(zone, 1, '16:00');
      const known = new Map<string, KnownShipBy>();
      for (let t = Date.parse(from); t < Date.parse(from) + 3 * 86_400_000; t += 59_000) {
        const at = new Date(t);
        expect(rememberShipBy(known, 'l', 1, at, () => s)).toEqual(shipByFor(s, at));
      }
    }
  });

  it('a new calendar version is asked again, even for the same instant', () => {
    const known = new Map<string, KnownShipBy>();
    const at = new Date('2026-11-26T07:00:00Z'); // Thu 15:00 Shanghai
    const v1 = settingsFor('Asia/Shanghai', 1, '16:00');
    const v2 = settingsFor('Asia/Shanghai', 2, '14:00');
    expect(rememberShipBy(known, 'l', 1, at, () => v1)!.late).toBe(false);
    expect(rememberShipBy(known, 'l', 2, at, () => v2)!.late).toBe(true);
  });
});
