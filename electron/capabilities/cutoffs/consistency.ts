// Cross-field checks of a structurally valid calendar. Each finding says
// what is wrong and what to do about it.
import { epochDay, isoWeekday, isRealDate, isTime, minutesOfDay, WEEKDAY_NAMES } from './civil';
import { formatInZone, isKnownZone, resolveWallTime } from './zoned';

type Finding = { path: Array<string | number>; message: string };

type CalendarShape = {
  zone: string;
  pickups: Array<{ weekday: number; cutoff: string; pickup: string }>;
  holidays: Array<{ date: string; name: string }>;
  overrides: Array<{ date: string; kind: 'extra' | 'cancelled'; cutoff?: string; pickup?: string }>;
};

export function checkConsistency(cal: CalendarShape): Finding[] {
  return [...checkPickups(cal), ...checkHolidays(cal), ...checkOverrides(cal)];
}

function checkPickups(cal: CalendarShape): Finding[] {
  if (cal.pickups.length === 0) {
    return [
      {
        path: ['pickups'],
        message: 'no pickup days — add at least one weekly pickup, e.g. { weekday: 1, cutoff: "16:00", pickup: "17:30" }',
      },
    ];
  }
  const findings: Finding[] = [];
  const firstIndex = new Map<number, number>();
  cal.pickups.forEach((p, i) => {
    const earlier = firstIndex.get(p.weekday);
    if (earlier === undefined) {
      firstIndex.set(p.weekday, i);
      return;
    }
    findings.push({
      path: ['pickups', i, 'weekday'],
      message: `${WEEKDAY_NAMES[p.weekday]} (weekday ${p.weekday}) is listed twice (also pickups.${earlier}) — keep one cut-off per weekday`,
    });
  });
  return findings;
}

function checkHolidays(cal: CalendarShape): Finding[] {
  const findings: Finding[] = [];
  const firstIndex = new Map<string, number>();
  cal.holidays.forEach((h, i) => {
    const earlier = firstIndex.get(h.date);
    if (earlier === undefined) firstIndex.set(h.date, i);
    else findings.push({ path: ['holidays', i, 'date'], message: `${h.date} is already a holiday (holidays.${earlier}) — keep one entry per date` });
  });
  return findings;
}

function checkOverrides(cal: CalendarShape): Finding[] {
  const findings: Finding[] = [];
  const weekly = new Set(cal.pickups.map((p) => p.weekday));
  const holidays = new Map(cal.holidays.map((h) => [h.date, h.name]));
  const firstIndex = new Map<string, number>();

  cal.overrides.forEach((o, i) => {
    if (!isRealDate(o.date)) return;
    const earlier = firstIndex.get(o.date);
    if (earlier !== undefined) {
      findings.push({
        path: ['overrides', i, 'date'],
        message: `${o.date} already has an override (overrides.${earlier}) — keep one override per date`,
      });
      return;
    }
    firstIndex.set(o.date, i);

    const weekday = isoWeekday(epochDay(o.date));
    const dayName = WEEKDAY_NAMES[weekday];
    const holiday = holidays.get(o.date);
    const hasPickup = weekly.has(weekday) && holiday === undefined;

    if (o.kind === 'extra' && hasPickup) {
      findings.push({
        path: ['overrides', i, 'kind'],
        message: `${o.date} is a ${dayName}, which already has a weekly pickup — an extra pickup is only for a day without one`,
      });
    }
    if (o.kind === 'cancelled' && !hasPickup) {
      const why = holiday !== undefined ? `it is already the holiday "${holiday}"` : `there is no weekly pickup on ${dayName}`;
      findings.push({
        path: ['overrides', i, 'kind'],
        message: `${o.date} has no pickup to cancel — ${why}; remove this override`,
      });
    }
    if (o.kind === 'extra') findings.push(...checkWallTimes(cal.zone, o, i));
  });
  return findings;
}

function checkWallTimes(zone: string, o: CalendarShape['overrides'][number], index: number): Finding[] {
  if (!isKnownZone(zone)) return [];
  const findings: Finding[] = [];
  for (const field of ['cutoff', 'pickup'] as const) {
    const time = o[field];
    if (time === undefined || !isTime(time)) continue;
    const resolved = resolveWallTime(zone, epochDay(o.date), minutesOfDay(time));
    if (resolved.kind !== 'gap') continue;
    const firstValid = formatInZone(resolved.ms, zone, 'HH:mm');
    findings.push({
      path: ['overrides', index, field],
      message: `${field === 'cutoff' ? 'cut-off' : 'pickup'} ${time} does not exist in ${zone} on ${o.date} (clocks skip it for daylight saving) — use ${firstValid} or later`,
    });
  }
  return findings;
}
