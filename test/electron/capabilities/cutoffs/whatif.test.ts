import { describe, expect, it } from 'vitest';
import type { LineCalendar } from '../../../../electron/capabilities/cutoffs/calendar';
import { postalS10Line, privateExpressLine } from '../../../../electron/capabilities/cutoffs/examples';
import { nextPickup } from '../../../../electron/capabilities/cutoffs/shipdate';
import { replayWhatIf, silenceMatrix } from '../../../../electron/capabilities/cutoffs/whatif';
import { defaultWindows, expectedFirstScan, type FirstScanWindow } from '../../../../electron/capabilities/cutoffs/window';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5); // Mon 5 Jan 2026

/** Deterministic pseudo-random picks: `perDay` a day for `days` days. */
function picks(days: number, perDay: number, seed = 42): Date[] {
  let s = seed;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out: Date[] = [];
  for (let d = 0; d < days; d++) for (let i = 0; i < perDay; i++) out.push(new Date(START + d * DAY + Math.floor(rand() * DAY)));
  return out;
}

/** The slow, obviously-correct path: one nextPickup + expectedFirstScan per pick. */
function slowSilence(cal: LineCalendar, window: FirstScanWindow, pick: Date) {
  const ship = nextPickup(cal, pick);
  return { pickup: ship.pickupAt.getTime(), silence: (expectedFirstScan(cal, window, ship.pickupAt).latest.getTime() - pick.getTime()) / DAY };
}

const sortedMedian = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('replayWhatIf', () => {
  const window = defaultWindows['postal-us'];
  const sample = picks(30, 30);
  const withRule: LineCalendar = { ...postalS10Line, rules: ['thursday-shift'] };

  it('matches the per-pick slow path', () => {
    const result = replayWhatIf(postalS10Line, 'thursday-shift', sample, window, { ticketRate: 0.175, ticketAfterDays: 8 });
    const before = sample.map((p) => slowSilence(postalS10Line, window, p));
    const after = sample.map((p) => slowSilence(withRule, window, p));

    expect(result.changed).toBe(before.filter((b, i) => b.pickup !== after[i].pickup).length);
    expect(result.before.picks).toBe(sample.length);
    expect(result.before.medianDays).toBeCloseTo(sortedMedian(before.map((b) => b.silence)), 9);
    expect(result.after.medianDays).toBeCloseTo(sortedMedian(after.map((a) => a.silence)), 9);
    expect(result.after.maxDays).toBeCloseTo(Math.max(...after.map((a) => a.silence)), 9);
    expect(result.after.meanDays).toBeCloseTo(after.reduce((t, a) => t + a.silence, 0) / after.length, 9);

    const overBefore = before.filter((b) => b.silence > 8).length;
    expect(result.before.overTicketThreshold).toBe(overBefore);
    expect(result.expectedTicketsBefore).toBeCloseTo(overBefore * 0.175, 9);

    const histogramTotal = (h: Array<{ count: number }>) => h.reduce((t, b) => t + b.count, 0);
    expect(histogramTotal(result.histogramBefore)).toBe(sample.length);
    expect(histogramTotal(result.histogramAfter)).toBe(sample.length);
    const bin = (days: number) => before.filter((b) => Math.floor(b.silence) === days).length;
    for (const { days, count } of result.histogramBefore) expect(count).toBe(bin(days));
  });

  it('treats a calendar that already has the rule as "after"', () => {
    const a = replayWhatIf(postalS10Line, 'thursday-shift', sample, window, { ticketRate: 0.175 });
    const b = replayWhatIf(withRule, 'thursday-shift', sample, window, { ticketRate: 0.175 });
    expect(b).toEqual(a);
  });

  it('measured from the pick, holding Friday production to Monday never shortens silence', () => {
    const r = replayWhatIf(postalS10Line, 'thursday-shift', sample, window, { ticketRate: 0.175 });
    expect(r.changed).toBeGreaterThan(0);
    expect(r.after.meanDays).toBeGreaterThan(r.before.meanDays);
  });

  it('measured from the pickup, the shift narrows the best-case wait', () => {
    const bestAsWorst = { ...window, worstHours: window.bestHours };
    const r = replayWhatIf(postalS10Line, 'thursday-shift', sample, bestAsWorst, { ticketRate: 0.175, silenceFrom: 'pickup' });
    expect(r.after.meanDays).toBeLessThan(r.before.meanDays);
  });

  it('handles no picks', () => {
    const r = replayWhatIf(postalS10Line, 'thursday-shift', [], window, { ticketRate: 0.175 });
    expect(r).toMatchObject({ changed: 0, histogramBefore: [], expectedTicketsAfter: 0, before: { picks: 0 } });
  });

  it('throws like nextPickup when a pick has no pickup within 60 days', () => {
    const late = { ...postalS10Line, effectiveFrom: '2026-06-01' };
    expect(() => replayWhatIf(late, 'thursday-shift', [new Date('2026-01-05T00:00:00Z')], window, { ticketRate: 0.175 })).toThrow(/no pickup within 60 days/);
  });

  it('replays 90 days × 5,000 picks', () => {
    const big = picks(90, 5_000, 7);
    const t0 = performance.now();
    const r = replayWhatIf(postalS10Line, 'thursday-shift', big, window, { ticketRate: 0.175 });
    const ms = performance.now() - t0;
    console.log(
      `replayWhatIf: ${big.length} picks in ${ms.toFixed(0)} ms; changed ${r.changed}; ` +
        `median ${r.before.medianDays.toFixed(2)} -> ${r.after.medianDays.toFixed(2)} d; p90 ${r.before.p90Days.toFixed(2)} -> ${r.after.p90Days.toFixed(2)} d`,
    );
    expect(r.before.picks).toBe(450_000);
  });
});

describe('silenceMatrix', () => {
  it('medians per local weekday of the pick match the slow path', () => {
    const window = defaultWindows['express-us'];
    const sample = picks(28, 30);
    const matrix = silenceMatrix(privateExpressLine, window, sample);
    expect(matrix.map((m) => m.name)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    for (const row of matrix) {
      const mine = sample.filter((p) => nextPickupWeekdayOfPick(p) === row.weekday);
      expect(row.picks).toBe(mine.length);
      expect(row.medianDays).toBeCloseTo(sortedMedian(mine.map((p) => slowSilence(privateExpressLine, window, p).silence)), 9);
    }
  });

  it('reports null for weekdays without picks', () => {
    const monday = [new Date('2026-03-09T02:00:00Z')];
    const matrix = silenceMatrix(postalS10Line, defaultWindows['postal-us'], monday);
    expect(matrix[0].picks).toBe(1);
    expect(matrix.slice(1).every((m) => m.medianDays === null)).toBe(true);
  });
});

// ISO weekday of the pick in Asia/Shanghai (UTC+8, no DST).
function nextPickupWeekdayOfPick(pick: Date): number {
  const local = new Date(pick.getTime() + 8 * 3_600_000);
  return ((local.getUTCDay() + 6) % 7) + 1;
}
