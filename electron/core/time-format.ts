// The one time format of every screen and printed label: warehouse zone, "Sun 6 Dec 20:10",
// 24-hour unless the site chose 12-hour ("Sun 6 Dec 8:10 PM"). Pure (Intl only): the renderer
// imports it too.

export type ClockStyle = '24h' | '12h';

type Parts = { weekday: string; day: string; month: string; hour: number; minute: string; ymd: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, zone: string): Parts {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(ms)) p[x.type] = x.value;
  let d = dayFormatters.get(zone);
  if (!d) dayFormatters.set(zone, (d = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return { weekday: p.weekday, day: p.day, month: p.month, hour: Number(p.hour) % 24, minute: p.minute, ymd: d.format(ms) };
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
