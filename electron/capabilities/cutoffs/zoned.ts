// Wall-clock <-> instant conversion in an IANA zone, with explicit DST rules:
//  - a wall time inside a spring-forward gap resolves to the first valid
//    instant after the gap (e.g. 02:30 on 2026-03-08 in Los Angeles -> 03:00 PDT);
//  - a wall time that occurs twice (fall-back) resolves to its first occurrence,
//    which is the conservative choice for a cut-off.
import { DateTime, IANAZone } from 'luxon';

const MS_PER_DAY = 86_400_000;
const MS_PER_MIN = 60_000;

export type WallResolution = { ms: number; kind: 'exact' | 'ambiguous' | 'gap' };

export function resolveWallTime(zone: string, day: number, minutes: number): WallResolution {
  const z = IANAZone.create(zone);
  const wall = day * MS_PER_DAY + minutes * MS_PER_MIN;
  // The true instant is within ±14 h of `wall`; offsets a day either side
  // cover both sides of any single transition.
  const offsets = new Set([z.offset(wall - MS_PER_DAY), z.offset(wall), z.offset(wall + MS_PER_DAY)]);
  const candidates = [...offsets].map((o) => wall - o * MS_PER_MIN);
  const valid = candidates.filter((t) => wall - z.offset(t) * MS_PER_MIN === t);
  if (valid.length > 0) {
    return { ms: Math.min(...valid), kind: valid.length > 1 ? 'ambiguous' : 'exact' };
  }
  return { ms: transitionBetween(z, Math.min(...candidates), Math.max(...candidates)), kind: 'gap' };
}

/** First minute-aligned instant in (lo, hi] whose offset differs from lo's. */
function transitionBetween(z: IANAZone, lo: number, hi: number): number {
  const before = z.offset(lo);
  let a = Math.floor(lo / MS_PER_MIN);
  let b = Math.ceil(hi / MS_PER_MIN);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (z.offset(mid * MS_PER_MIN) === before) a = mid;
    else b = mid;
  }
  return b * MS_PER_MIN;
}

export function wallTimeExists(zone: string, day: number, minutes: number): boolean {
  return resolveWallTime(zone, day, minutes).kind !== 'gap';
}

/** Epoch day of the local calendar date of `ms` in `zone`. */
export function localDayOf(ms: number, zone: string): number {
  const offset = IANAZone.create(zone).offset(ms);
  return Math.floor((ms + offset * MS_PER_MIN) / MS_PER_DAY);
}

export function formatInZone(ms: number, zone: string, format: string): string {
  return DateTime.fromMillis(ms, { zone }).setLocale('en').toFormat(format);
}

export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
