import type { LineCalendar } from './calendar';
import { WEEKDAY_NAMES } from './civil';
import { buildSchedule } from './schedule';
import { localDayOf } from './zoned';

export type PickupView = { date: string; day: string; cutoffAt: string; pickupAt: string; open: boolean; extra: boolean };

/** The line's pickups on the local dates from today for `days` days (closed ones included, marked). */
export function upcomingPickups(cal: LineCalendar, now: Date, days: number, fromDay = localDayOf(now.getTime(), cal.zone)): PickupView[] {
  return buildSchedule(cal, fromDay, fromDay + days - 1)
    .filter((s) => s.day >= fromDay)
    .map((s) => ({
      date: s.date,
      day: WEEKDAY_NAMES[s.weekday],
      cutoffAt: new Date(s.cutoffMs).toISOString(),
      pickupAt: new Date(s.pickupMs).toISOString(),
      open: s.open,
      extra: s.source === 'extra',
    }));
}
