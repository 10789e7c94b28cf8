// Replays historical picks against a calendar without and with a rule.
//
// silence = worst-case expected first scan minus pick time, in days
// (Firstscan assigns tracking at pick, so the customer's wait starts there).
// With silenceFrom: 'pickup' it is measured from the pickup instead — the view
// the article takes when it says the Thursday shift "narrows silence windows".
// Measured from the pick, holding parcels to Monday can only lengthen silence.
//
// Ticket model: a parcel whose silence exceeds ticketAfterDays (default 4,
// Table 3 "tickets land within 4 days") raises a ticket with probability
// ticketRate (e.g. 0.175 = Table 4's ~15-20 tickets per 100 orders).
import type { CalendarRule, LineCalendar } from './calendar';
import { compileSpan, memoDayStart } from './compiled-span';
import { daySpan, pickTimes, slotFor } from './replay-picks';
import { dayHistogram, mean, median, nearestRank } from './stats';
import type { FirstScanWindow } from './window';

import { medianByWeekday, pickWeekdays, type WeekdaySilence } from './silence-matrix';
export { silenceMatrix, type WeekdaySilence } from './silence-matrix';

const MS_PER_DAY = 86_400_000;

export type WhatIfOptions = {
  ticketRate: number;
  ticketAfterDays?: number;
  silenceFrom?: 'pick' | 'pickup';
  /** also return median silence per weekday of the pick (the supervisor's line x weekday matrix) */
  byWeekday?: boolean;
};

export type SilenceSummary = {
  picks: number;
  meanDays: number;
  medianDays: number;
  p90Days: number;
  maxDays: number;
  /** picks whose silence exceeds ticketAfterDays */
  overTicketThreshold: number;
};

export type SilenceHistogram = Array<{ days: number; count: number }>;

export type WhatIfResult = {
  before: SilenceSummary;
  after: SilenceSummary;
  /** picks whose pickup differs between before and after */
  changed: number;
  histogramBefore: SilenceHistogram;
  histogramAfter: SilenceHistogram;
  expectedTicketsBefore: number;
  expectedTicketsAfter: number;
  /** median silence per local weekday of the pick; only when asked for (opts.byWeekday) */
  weekdaysBefore?: WeekdaySilence[];
  weekdaysAfter?: WeekdaySilence[];
};

/** `before` is the calendar without `rule`, `after` the calendar with it. */
export function replayWhatIf(cal: LineCalendar, rule: CalendarRule, picks: Date[], window: FirstScanWindow, opts: WhatIfOptions): WhatIfResult {
  const withoutRule = { ...cal, rules: cal.rules.filter((r) => r !== rule) };
  const withRule = { ...withoutRule, rules: [...withoutRule.rules, rule] };
  return replayCompare(withoutRule, withRule, picks, window, opts);
}

/**
 * The same picks against two calendars (and optionally two windows): a saved calendar against an
 * edited draft, or a calendar without and with a rule. Both calendars are in the same zone.
 */
export function replayCompare(
  calBefore: LineCalendar,
  calAfter: LineCalendar,
  picks: Date[],
  window: FirstScanWindow,
  opts: WhatIfOptions,
  windowAfter: FirstScanWindow = window,
): WhatIfResult {
  const ticketAfterDays = opts.ticketAfterDays ?? 4;
  const fromPickup = opts.silenceFrom === 'pickup';

  const ms = pickTimes(picks);
  const [firstDay, lastDay] = daySpan(calBefore.zone, ms);
  const dayStart = memoDayStart(calBefore.zone);
  const spanBefore = compileSpan(calBefore, window, firstDay, lastDay, dayStart);
  const spanAfter = compileSpan(calAfter, windowAfter, firstDay, lastDay, calAfter.zone === calBefore.zone ? dayStart : memoDayStart(calAfter.zone));

  const silenceBefore = new Float64Array(ms.length);
  const silenceAfter = new Float64Array(ms.length);
  let changed = 0;
  for (let i = 0; i < ms.length; i++) {
    const b = slotFor(spanBefore, ms[i]);
    const a = slotFor(spanAfter, ms[i]);
    silenceBefore[i] = (spanBefore.latestScan[b] - (fromPickup ? spanBefore.pickups[b] : ms[i])) / MS_PER_DAY;
    silenceAfter[i] = (spanAfter.latestScan[a] - (fromPickup ? spanAfter.pickups[a] : ms[i])) / MS_PER_DAY;
    if (spanBefore.pickups[b] !== spanAfter.pickups[a]) changed++;
  }

  // Before summarize: it reorders the arrays.
  const weekdays = opts.byWeekday ? pickWeekdays(calBefore.zone, ms) : null;
  const weekdaysBefore = weekdays ? medianByWeekday(silenceBefore, weekdays) : undefined;
  const weekdaysAfter = weekdays ? medianByWeekday(silenceAfter, weekdays) : undefined;
  const before = summarize(silenceBefore, ticketAfterDays);
  const after = summarize(silenceAfter, ticketAfterDays);
  const lo = Math.floor(Math.min(before.minDays, after.minDays));
  const hi = Math.floor(Math.max(before.summary.maxDays, after.summary.maxDays));
  return {
    before: before.summary,
    after: after.summary,
    changed,
    histogramBefore: ms.length ? dayHistogram(silenceBefore, lo, hi) : [],
    histogramAfter: ms.length ? dayHistogram(silenceAfter, lo, hi) : [],
    expectedTicketsBefore: before.summary.overTicketThreshold * opts.ticketRate,
    expectedTicketsAfter: after.summary.overTicketThreshold * opts.ticketRate,
    ...(weekdays ? { weekdaysBefore, weekdaysAfter } : {}),
  };
}

/** Reorders `silence` in place (the histogram does not depend on order). */
function summarize(silence: Float64Array, ticketAfterDays: number): { summary: SilenceSummary; minDays: number } {
  let min = Infinity;
  let max = -Infinity;
  let over = 0;
  for (let i = 0; i < silence.length; i++) {
    const v = silence[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v > ticketAfterDays) over++;
  }
  const meanDays = mean(silence);
  return {
    minDays: silence.length ? min : 0,
    summary: {
      picks: silence.length,
      meanDays,
      medianDays: median(silence),
      p90Days: nearestRank(silence, 0.9),
      maxDays: silence.length ? max : 0,
      overTicketThreshold: over,
    },
  };
}
