// The screens' side of the one time format (electron/core/time-format.ts): the warehouse zone, the
// site's clock style and the console's "now" (it may run on a test clock), set once from app.info.
import { dateOf, dateTimeOf, timeOf, wallText, whenOf, type ClockStyle, type TimeFormat } from '../../../electron/core/time-format';

export type { ClockStyle } from '../../../electron/core/time-format';
export { parseWallTime } from '../../../electron/core/time-format';

let display: TimeFormat = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, clock: '24h' };
let offsetMs = 0;

export function setDisplay(zone: string, clock: ClockStyle, serverNowIso?: string): void {
  display = { zone, clock };
  if (serverNowIso) offsetMs = Date.parse(serverNowIso) - Date.now();
}

export const displayClock = (): ClockStyle => display.clock;

/** Now on the console's clock (a test clock, a station whose PC clock is off), as of its last app.info. */
export const consoleNow = (): number => Date.now() + offsetMs;

const fmt = (zone?: string): TimeFormat => (zone ? { zone, clock: display.clock } : display);
const bad = (iso: string) => Number.isNaN(Date.parse(iso));

/** Floor screens: "20:10" today at the warehouse, else "Sun 6 Dec 20:10". */
export function fmtWhen(iso: string | null | undefined): string {
  if (!iso) return '';
  return bad(iso) ? iso : whenOf(iso, display, consoleNow());
}

/** Always with the date: "Sun 6 Dec 20:10". */
export function fmtDateTime(iso: string | null | undefined, zone?: string): string {
  if (!iso) return '';
  return bad(iso) ? iso : dateTimeOf(iso, fmt(zone));
}

/** "20:10". */
export function fmtClock(iso: string | null | undefined, zone?: string): string {
  if (!iso) return '';
  return bad(iso) ? iso : timeOf(iso, fmt(zone));
}

/** "Sun 6 Dec". */
export function fmtDay(iso: string | null | undefined, zone?: string): string {
  if (!iso) return '';
  return bad(iso) ? iso : dateOf(iso, fmt(zone));
}

/** A calendar's wall time "16:00" in the site's style. */
export function fmtWall(hhmm: string): string {
  return wallText(hhmm, display.clock);
}

/** A warehouse calendar date "2026-11-27" as "Fri 27 Nov". */
export function fmtLocalDate(ymd: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? dateOf(`${ymd}T12:00:00Z`, { zone: 'UTC', clock: display.clock }) : ymd;
}
