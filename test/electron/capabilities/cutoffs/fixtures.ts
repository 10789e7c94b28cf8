import type { LineCalendar } from '../../../../electron/capabilities/cutoffs/calendar';

export function weekdayLine(zone: string, days: number[], cutoff: string, pickup: string, extra: Partial<LineCalendar> = {}): LineCalendar {
  return {
    zone,
    pickups: days.map((weekday) => ({ weekday, cutoff, pickup })),
    holidays: [],
    overrides: [],
    rules: [],
    ...extra,
  };
}

export const MON_FRI = [1, 2, 3, 4, 5];

export const at = (iso: string) => new Date(iso);
