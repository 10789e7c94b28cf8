import type { LineCalendar } from './calendar';
import { isoWeekday, WEEKDAY_NAMES } from './civil';
import { compileDayStarts, compileSpan, lowerBound, memoDayStart } from './compiledSpan';
import { daySpan, pickTimes, slotFor } from './replayPicks';
import { median } from './stats';
import type { FirstScanWindow } from './window';

const MS_PER_DAY = 86_400_000;

export type WeekdaySilence = { weekday: number; name: string; picks: number; medianDays: number | null };

/** Median worst-case silence (days from pick) per local weekday of the pick, Mon..Sun. */
export function silenceMatrix(cal: LineCalendar, window: FirstScanWindow, picks: Date[]): WeekdaySilence[] {
  const ms = pickTimes(picks);
  const byWeekday = Array.from({ length: 8 }, () => [] as number[]);
  if (ms.length > 0) {
    const [firstDay, lastDay] = daySpan(cal.zone, ms);
    const dayStart = memoDayStart(cal.zone);
    const span = compileSpan(cal, window, firstDay, lastDay, dayStart);
    const dayStarts = compileDayStarts(dayStart, firstDay, lastDay);
    for (let i = 0; i < ms.length; i++) {
      const dayIndex = lowerBound(dayStarts, ms[i] + 1) - 1;
      const silence = (span.latestScan[slotFor(span, ms[i])] - ms[i]) / MS_PER_DAY;
      byWeekday[isoWeekday(firstDay + dayIndex)].push(silence);
    }
  }
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const values = Float64Array.from(byWeekday[weekday]);
    return { weekday, name: WEEKDAY_NAMES[weekday], picks: values.length, medianDays: values.length ? median(values) : null };
  });
}
