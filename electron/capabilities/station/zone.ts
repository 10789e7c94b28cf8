import { DateTime } from 'luxon';

/** Midnight today in the warehouse zone, as a UTC ISO instant (for "today" counters). */
export function startOfLocalDay(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).startOf('day').toUTC().toISO()!;
}

export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}
