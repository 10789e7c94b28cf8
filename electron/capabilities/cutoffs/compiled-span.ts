// A calendar + first-scan window compiled for a span of local dates into flat
// arrays, so replaying hundreds of thousands of picks is a binary search per
// pick with no time-zone work. Zone math happens once per pickup slot / day.
import type { LineCalendar } from './calendar';
import { buildSchedule } from './schedule';
import { resolveWallTime } from './zoned';
import { addScanHours, type FirstScanWindow } from './window';

export type CompiledSpan = {
  /** open pickups only, ascending */
  cutoffs: Float64Array;
  pickups: Float64Array;
  /** worst-case expected first scan per pickup */
  latestScan: Float64Array;
};

export function compileSpan(
  cal: LineCalendar,
  window: FirstScanWindow,
  firstDay: number,
  lastDay: number,
  dayStart: (day: number) => number = memoDayStart(cal.zone),
): CompiledSpan {
  const open = buildSchedule(cal, firstDay, lastDay).filter((s) => s.open);
  return {
    cutoffs: Float64Array.from(open, (s) => s.cutoffMs),
    pickups: Float64Array.from(open, (s) => s.pickupMs),
    latestScan: Float64Array.from(open, (s) => addScanHours(cal, window, s.pickupMs, window.worstHours, dayStart)),
  };
}

/** Local-midnight instants, computed once per day. */
export function memoDayStart(zone: string): (day: number) => number {
  const cache = new Map<number, number>();
  return (day) => {
    let ms = cache.get(day);
    if (ms === undefined) {
      ms = resolveWallTime(zone, day, 0).ms;
      cache.set(day, ms);
    }
    return ms;
  };
}

/** Index of the first element >= value (sorted input); length when none. */
export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Start instants of the local dates firstDay..lastDay+1, for day lookups. */
export function compileDayStarts(dayStart: (day: number) => number, firstDay: number, lastDay: number): Float64Array {
  const starts = new Float64Array(lastDay - firstDay + 2);
  for (let i = 0; i < starts.length; i++) starts[i] = dayStart(firstDay + i);
  return starts;
}
