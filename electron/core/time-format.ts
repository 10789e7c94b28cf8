// The one time format of every screen and printed label: warehouse zone, "Sun 6 Dec 20:10",
// 24-hour unless the site chose 12-hour ("Sun 6 Dec 8:10 PM"). Pure (Intl only): the renderer
// imports it too.

export type ClockStyle = '24h' | '12h';

type Parts = { weekday: string; day: string; month: string; hour: number; minute: string; ymd: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

// Intl's formatToParts costs tens of µs, and a long list formats two times a row on every scroll
// frame. So a zone's offset from UTC is asked of Intl once per UTC day: when the offset is the same at
// both ends of the day (no change of clocks that day) every instant of the day is plain arithmetic;
// a day with a change asks Intl for each instant. Offsets are kept per zone and day, a bounded cache.
const offsetCache = new Map<string, number | null>();
const OFFSET_CACHE_MAX = 20_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's wall clock minus UTC at an instant, in ms. */
function offsetAt(ms: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const x of formatterOf(zone).formatToParts(ms)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The zone's offset for the whole UTC day of `ms`, or null when its clocks change that day. */
function dayOffset(ms: number, zone: string): number | null {
  const day = Math.floor(ms / DAY_MS);
  const key = `${zone}|${day}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  if (offsetCache.size >= OFFSET_CACHE_MAX) offsetCache.clear();
  const start = offsetAt(day * DAY_MS, zone);
  const offset = start === offsetAt((day + 1) * DAY_MS - 1000, zone) ? start : null;
  offsetCache.set(key, offset);
  return offset;
}

function partsOf(ms: number, zone: string): Parts {
  const local = new Date(ms + (dayOffset(ms, zone) ?? offsetAt(ms, zone)));
  const ymd = local.toISOString().slice(0, 10);
  return {
    weekday: WEEKDAYS[local.getUTCDay()],
    day: String(local.getUTCDate()),
    month: MONTHS[local.getUTCMonth()],
    hour: local.getUTCHours(),
    minute: String(local.getUTCMinutes()).padStart(2, '0'),
    ymd,
  };
}

/** "20:10" or "8:10 PM" from hours and minutes. */
export function clockText(hour: number, minute: number | string, clock: ClockStyle = '24h'): string {
  const mm = String(minute).padStart(2, '0');
  if (clock === '24h') return `${String(hour).padStart(2, '0')}:${mm}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A wall time "HH:MM" (calendars) in the site's clock style. */
export function wallText(hhmm: string, clock: ClockStyle = '24h'): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? clockText(Number(m[1]), m[2], clock) : hhmm;
}

/**
 * A typed time as "HH:MM" (24-hour), or null: "16:00", "1600", "4:00 PM", "4pm", "16.00".
 * Both styles are accepted whatever the site's setting, since "4:00 PM" and "16:00" cannot be confused.
 */
export function parseWallTime(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  const ap = m[3]?.toLowerCase()[0];
  if (min > 59) return null;
  if (ap) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ap === 'p' ? 12 : 0);
  } else if (h > 23 || m[2] === undefined) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export interface TimeFormat {
  zone: string;
  clock: ClockStyle;
}

const ms = (t: string | Date | number) => (typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime());

/** "20:10" in the warehouse zone. */
export function timeOf(t: string | Date | number, f: TimeFormat): string {
  const p = partsOf(ms(t), f.zone);
  return clockText(p.hour, p.minute, f.clock);
}

/** "Sun 6 Dec" in the warehouse zone. */
export function dateOf(t: string | Date | number, f: TimeFormat): string {
  const p = partsOf(ms(t), f.zone);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "Sun 6 Dec 20:10" in the warehouse zone. */
export function dateTimeOf(t: string | Date | number, f: TimeFormat): string {
  const p = partsOf(ms(t), f.zone);
  return `${p.weekday} ${p.day} ${p.month} ${clockText(p.hour, p.minute, f.clock)}`;
}

/** The warehouse's calendar day "2026-12-06" of an instant. */
export function dayOf(t: string | Date | number, zone: string): string {
  return partsOf(ms(t), zone).ymd;
}

/** Floor screens: the time alone when it is today at the warehouse, else the date and time. */
export function whenOf(t: string | Date | number, f: TimeFormat, now: number): string {
  const x = ms(t);
  if (Number.isNaN(x)) return String(t);
  return dayOf(x, f.zone) === dayOf(now, f.zone) ? timeOf(x, f) : dateTimeOf(x, f);
}
