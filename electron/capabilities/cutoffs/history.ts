// The picks a what-if replays: the line's own picks of the last N weeks, or — when the line has
// fewer than N weeks of them (a demo, a new line) — a deterministic synthetic "demo history".
import type { LineData } from '../../../db/event-types';
import type { ServiceContext } from '../../core/context';
import { isoWeekday } from './civil';
import { localDayOf, resolveWallTime } from './zoned';

const DAY_MS = 86_400_000;

/** Share of a line's daily volume picked on each ISO weekday (Mon..Sun): a 6-day floor, light Sunday. */
export const WEEKDAY_PROFILE = [0, 1.1, 1, 1, 1, 1.15, 0.6, 0.15] as const;
/** Picks fall between 08:00 and 20:00 local time. */
const SHIFT_START_MIN = 8 * 60;
const SHIFT_MINUTES = 12 * 60;

export type PickHistory = { picks: Date[]; source: 'picks' | 'demo history'; note: string };

export function pickHistory(ctx: ServiceContext, line: LineData, zone: string, weeks: number): PickHistory {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - weeks * 7 * DAY_MS);
  const reader = ctx.store.read.cutoffs;
  const first = reader.firstPickAt(line.id);
  if (first !== null && first <= since.toISOString()) {
    const picks = reader.pickTimes(line.id, since.toISOString()).map((t) => new Date(t));
    return { picks, source: 'picks', note: `${picks.length.toLocaleString('en')} real picks of the last ${weeks} weeks` };
  }
  const today = localDayOf(now.getTime(), zone);
  const picks = syntheticPicks(line.id, line.dailyVolume, zone, today - weeks * 7, today - 1);
  return {
    picks,
    source: 'demo history',
    note: `demo history: ${picks.length.toLocaleString('en')} synthetic picks (${weeks} weeks, ~${line.dailyVolume}/day, 08:00-20:00) — this line has fewer than ${weeks} weeks of real picks`,
  };
}

/**
 * Deterministic synthetic picks on local days fromDay..toDay (epoch days): `perDay` scaled by the
 * weekday profile (pass `flat` for exactly perDay a day), times uniform over the shift.
 */
export function syntheticPicks(seedKey: string, perDay: number, zone: string, fromDay: number, toDay: number, flat = false): Date[] {
  let s = [...seedKey].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 2166136261);
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const out: Date[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const n = Math.round(perDay * (flat ? 1 : WEEKDAY_PROFILE[isoWeekday(day)]));
    const start = resolveWallTime(zone, day, SHIFT_START_MIN).ms;
    for (let i = 0; i < n; i++) out.push(new Date(start + Math.floor(rand() * SHIFT_MINUTES) * 60_000));
  }
  return out;
}
