import type { LineCalendar } from './calendar';
import { isoWeekday, WEEKDAY_NAMES } from './civil';
import { compileDayStarts, compileSpan, lowerBound, memoDayStart } from './compiled-span';
import { daySpan, pickTimes, slotFor } from './replay-picks';
import { median } from './stats';
import type { FirstScanWindow } from './window';

const MS_PER_DAY = 86_400_000;

export type WeekdaySilence = { weekday: number; name: string; picks: number; medianDays: number | null };

/**
 * Median worst-case silence per local weekday of the pick, Mon..Sun: days from the pick, or with
 * `from: 'pickup'` from the pickup (when the buyer gets tracking, see whatif.ts).
 */
export function silenceMatrix(cal: LineCalendar, window: FirstScanWindow, picks: Date[], from: 'pick' | 'pickup' = 'pick'): WeekdaySilence[] {
  const ms = pickTimes(picks);
  const byWeekday = Array.from({ length: 8 }, () => [] as number[]);
  if (ms.length > 0) {
    const [firstDay, lastDay] = daySpan(cal.zone, ms);
    const dayStart = memoDayStart(cal.zone);
    const span = compileSpan(cal, window, firstDay, lastDay, dayStart);
    const dayStarts = compileDayStarts(dayStart, firstDay, lastDay);
    for (let i = 0; i < ms.length; i++) {
      const dayIndex = lowerBound(dayStarts, ms[i] + 1) - 1;
      const slot = slotFor(span, ms[i]);
      const silence = (span.latestScan[slot] - (from === 'pickup' ? span.pickups[slot] : ms[i])) / MS_PER_DAY;
      byWeekday[isoWeekday(firstDay + dayIndex)].push(silence);
    }
  }
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const values = Float64Array.from(byWeekday[weekday]);
    return { weekday, name: WEEKDAY_NAMES[weekday], picks: values.length, medianDays: values.length ? median(values) : null };
  });
}

/** Local ISO weekday (1-7) of each pick, for grouping many replays of the same picks. */
export function pickWeekdays(zone: string, ms: Float64Array): Uint8Array {
  const out = new Uint8Array(ms.length);
  if (ms.length === 0) return out;
  const [firstDay, lastDay] = daySpan(zone, ms);
  const dayStarts = compileDayStarts(memoDayStart(zone), firstDay, lastDay);
  for (let i = 0; i < ms.length; i++) out[i] = isoWeekday(firstDay + lowerBound(dayStarts, ms[i] + 1) - 1);
  return out;
}

/** Median of `values` per weekday in `weekdays` (same order), Mon..Sun. Does not modify `values`. */
export function medianByWeekday(values: Float64Array, weekdays: Uint8Array): WeekdaySilence[] {
  const counts = new Int32Array(8);
  for (let i = 0; i < weekdays.length; i++) counts[weekdays[i]]++;
  const buckets = Array.from(counts, (n) => new Float64Array(n));
  const fill = new Int32Array(8);
  for (let i = 0; i < values.length; i++) buckets[weekdays[i]][fill[weekdays[i]]++] = values[i];
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    name: WEEKDAY_NAMES[weekday],
    picks: counts[weekday],
    medianDays: counts[weekday] ? median(buckets[weekday]) : null,
  }));
}
