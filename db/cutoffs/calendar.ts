/**
 * The data a line's calendar and first-scan window are stored as. Validation (zod, with messages a
 * supervisor can act on) lives in electron/capabilities/cutoffs/calendar.ts, which checks that its schema
 * yields exactly these shapes.
 */
export type WeeklyPickup = { weekday: number; cutoff: string; pickup: string };
export type Holiday = { date: string; name: string; scope: 'carrier' | 'site' };
export type Override = { date: string; kind: 'extra' | 'cancelled'; cutoff?: string; pickup?: string; reason: string };
export type CalendarRule = 'thursday-shift';
export type LineCalendar = {
  zone: string;
  pickups: WeeklyPickup[];
  holidays: Holiday[];
  overrides: Override[];
  rules: CalendarRule[];
  effectiveFrom?: string;
};

export type FirstScanWindow = {
  bestHours: number;
  worstHours: number;
  countsNonWorkingDays: boolean;
  /** ISO weekdays on which the carrier scans */
  carrierWorkdays: number[];
};
