import type { LineData } from '../../../db/event-types';
import type { ServiceContext } from '../../core/context';

const DAY = 86_400_000;
const rateCache = new Map<string, { at: number; perDay: number }>();

/** Parcels per day on a line: last 7 days' average, or the configured volume until there is history. */
export function dailyRate(ctx: ServiceContext, line: LineData): number {
  const now = ctx.clock.now().getTime();
  const key = `${ctx.store.station}|${line.id}|${line.dailyVolume}`;
  const hit = rateCache.get(key);
  if (hit && now - hit.at < 60_000 && now >= hit.at) return hit.perDay;
  const recent = ctx.store.read.lines.pickedSince(line.id, new Date(now - 7 * DAY).toISOString()) / 7;
  const perDay = Math.max(recent, line.dailyVolume);
  rateCache.set(key, { at: now, perDay });
  return perDay;
}

export function remainingNumbers(ctx: ServiceContext, line: LineData): number {
  return line.numberSource === 'pool' ? ctx.store.read.lines.poolRemaining(line.id) : ctx.store.read.lines.rangeRemaining(line.id);
}

function daysLeftOf(ctx: ServiceContext, line: LineData) {
  const remaining = remainingNumbers(ctx, line);
  const daysLeft = Math.round((remaining / dailyRate(ctx, line)) * 10) / 10;
  return { remaining, daysLeft, low: daysLeft < line.lowDays };
}

export function lineStatus(ctx: ServiceContext, line: LineData) {
  return {
    ...line,
    ...daysLeftOf(ctx, line),
    ranges: ctx.store.read.lines.ranges(line.id).map(({ id, params, first, last, next, remaining }) => ({ id, params, first, last, next, remaining })),
  };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function numbersLowWarning(ctx: ServiceContext, line: LineData): { code: string; message: string } | null {
  const s = daysLeftOf(ctx, line);
  if (!s.low) return null;
  const days = s.daysLeft < 1 ? 'less than a day' : `about ${plural(s.daysLeft, 'day', 'days')}`;
  const what =
    line.numberSource === 'pool'
      ? 'Ask the carrier for more pre-allocated numbers and import them as a pool in Setup.'
      : 'Ask the carrier for a new range and add it in Setup.';
  return {
    code: 'numbers_low',
    message: `${line.name}: ${plural(s.remaining, 'tracking number', 'tracking numbers')} left (${days}). ${what}`,
  };
}
