// Demo calendars for the console and tests. Holidays are illustrative.
import type { LineCalendar } from './calendar';

const weekly = (days: number[], cutoff: string, pickup: string) => days.map((weekday) => ({ weekday, cutoff, pickup }));

export const postalS10Line: LineCalendar = {
  zone: 'Asia/Shanghai',
  pickups: weekly([1, 2, 3, 4, 5], '16:00', '17:30'),
  holidays: [
    { date: '2026-05-01', name: 'Labour Day', scope: 'site' },
    { date: '2026-10-01', name: 'National Day', scope: 'carrier' },
  ],
  overrides: [],
  rules: [],
};

export const privateExpressLine: LineCalendar = {
  zone: 'Asia/Shanghai',
  pickups: weekly([1, 2, 3, 4, 5, 6], '18:00', '19:00'),
  holidays: [],
  overrides: [],
  rules: [],
};

export const upsLine: LineCalendar = {
  zone: 'America/Los_Angeles',
  pickups: weekly([1, 2, 3, 4, 5], '17:00', '18:00'),
  holidays: [
    { date: '2026-11-26', name: 'Thanksgiving', scope: 'carrier' },
    { date: '2026-12-25', name: 'Christmas Day', scope: 'carrier' },
  ],
  overrides: [],
  rules: [],
};
