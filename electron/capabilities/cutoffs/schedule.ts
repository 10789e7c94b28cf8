// Expands a calendar into concrete pickup slots (real instants) for a span of
// local dates. At most one slot per local date: validation forbids duplicate
// weekdays and extra pickups on days that already have one.
//
// Precedence per date: override > holiday > weekly pickup. An explicit
// date-specific override is the most specific instruction, so an "extra"
// pickup on a holiday runs (e.g. the carrier collects on a public holiday).
// Dates before `effectiveFrom` have no slots.
import type { LineCalendar } from './calendar';
import { civilDate, epochDay, isoWeekday, isoWeekStart, minutesOfDay } from './civil';
import { closedUnderThursdayShift } from './thursday-shift';
import { resolveWallTime } from './zoned';

export type Slot = {
  day: number; // epoch day of the local date
  date: string; // YYYY-MM-DD, local
  weekday: number; // ISO, local
  cutoffMs: number;
  pickupMs: number;
  source: 'weekly' | 'extra';
  /** false when a rule keeps the pickup running but it takes no new parcels */
  open: boolean;
};

type Times = { cutoff: string; pickup: string; source: Slot['source'] };

/**
 * Slots on local dates from..to (epoch days, inclusive), plus the earlier days
 * of `from`'s ISO week, which weekly rules need to see.
 */
export function buildSchedule(cal: LineCalendar, from: number, to: number): Slot[] {
  const weekly = new Map(cal.pickups.map((p) => [p.weekday, p]));
  const holidays = new Set(cal.holidays.map((h) => h.date));
  const overrides = new Map(cal.overrides.map((o) => [o.date, o]));
  const firstDay = Math.max(isoWeekStart(from), cal.effectiveFrom ? epochDay(cal.effectiveFrom) : -Infinity);

  const slots: Slot[] = [];
  for (let day = firstDay; day <= to; day++) {
    const date = civilDate(day);
    const times = timesFor(date, isoWeekday(day), weekly, holidays, overrides);
    if (times) slots.push(toSlot(cal.zone, day, date, times));
  }
  if (cal.rules.includes('thursday-shift')) {
    const closed = closedUnderThursdayShift(slots);
    slots.forEach((s, i) => (s.open = !closed[i]));
  }
  return slots;
}

function timesFor(
  date: string,
  weekday: number,
  weekly: Map<number, LineCalendar['pickups'][number]>,
  holidays: Set<string>,
  overrides: Map<string, LineCalendar['overrides'][number]>,
): Times | undefined {
  const override = overrides.get(date);
  if (override?.kind === 'cancelled') return undefined;
  if (override?.kind === 'extra' && override.cutoff && override.pickup) {
    return { cutoff: override.cutoff, pickup: override.pickup, source: 'extra' };
  }
  if (holidays.has(date)) return undefined;
  const regular = weekly.get(weekday);
  return regular && { cutoff: regular.cutoff, pickup: regular.pickup, source: 'weekly' };
}

function toSlot(zone: string, day: number, date: string, t: Times): Slot {
  return {
    day,
    date,
    weekday: isoWeekday(day),
    cutoffMs: resolveWallTime(zone, day, minutesOfDay(t.cutoff)).ms,
    pickupMs: resolveWallTime(zone, day, minutesOfDay(t.pickup)).ms,
    source: t.source,
    open: true,
  };
}
