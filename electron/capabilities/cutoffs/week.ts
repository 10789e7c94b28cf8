// "This week" for the supervisor: per line, the week's pickups with the parcels riding each, the
// next cut-off, and what is at risk of missing it.
import type { ServiceContext } from '../../core/context';
import { siteInfo } from '../../core/context';
import { isoWeekStart, civilDate, WEEKDAY_NAMES } from './civil';
import { buildSchedule } from './schedule';
import { localDayOf } from './zoned';

const DAY_MS = 86_400_000;

export function thisWeek(ctx: ServiceContext) {
  const now = ctx.clock.now();
  const reader = ctx.store.read.cutoffs;
  const zone = siteInfo(ctx).zone;
  const lines = ctx.store.read.lines.all().filter((l) => l.active);
  return {
    now: now.toISOString(),
    zone,
    weekOf: civilDate(isoWeekStart(localDayOf(now.getTime(), zone))),
    lines: lines.map((line) => {
      const saved = reader.current(line.id);
      if (!saved) return { lineId: line.id, lineName: line.name, routeType: line.routeType, hasCalendar: false, rules: [], pickups: [], next: null };
      const cal = saved.calendar;
      const today = localDayOf(now.getTime(), cal.zone);
      const weekStart = isoWeekStart(today);
      // From the week before (the previous pickup sets how many days feed the first one) to two weeks on.
      const slots = buildSchedule(cal, weekStart - 7, weekStart + 20);
      const open = slots.filter((s) => s.open);
      const loads = new Map(
        reader
          .pickupLoads(line.id, new Date(open[0]?.pickupMs ?? now.getTime()).toISOString(), new Date(now.getTime() + 21 * DAY_MS).toISOString())
          .map((l) => [l.pickupAt, l]),
      );
      const expectedFor = (cutoffMs: number) => {
        const prev = [...open].reverse().find((s) => s.cutoffMs < cutoffMs);
        const days = prev ? Math.max(1, Math.round((cutoffMs - prev.cutoffMs) / DAY_MS)) : 1;
        return line.dailyVolume * days;
      };
      const nextSlot = open.find((s) => s.cutoffMs >= now.getTime());
      const view = (s: (typeof slots)[number]) => {
        const iso = new Date(s.pickupMs).toISOString();
        const load = loads.get(iso);
        return {
          date: s.date,
          day: WEEKDAY_NAMES[s.weekday],
          cutoffAt: new Date(s.cutoffMs).toISOString(),
          pickupAt: iso,
          open: s.open,
          state: !s.open
            ? ('closed' as const)
            : s.pickupMs < now.getTime()
              ? ('gone' as const)
              : s === nextSlot
                ? ('next' as const)
                : s.cutoffMs < now.getTime()
                  ? ('loading' as const)
                  : ('later' as const),
          picked: load?.parcels ?? 0,
          expected: s.open ? expectedFor(s.cutoffMs) : 0,
        };
      };
      const week = slots.filter((s) => s.day >= weekStart && s.day < weekStart + 7);
      let next = null;
      if (nextSlot) {
        const load = loads.get(new Date(nextSlot.pickupMs).toISOString());
        next = {
          ...view(nextSlot),
          minutesLeft: Math.floor((nextSlot.cutoffMs - now.getTime()) / 60_000),
          openOrders: reader.openOrders(line.id),
          unlabelled: load?.unlabelled ?? 0,
        };
      }
      return { lineId: line.id, lineName: line.name, routeType: line.routeType, hasCalendar: true, rules: cal.rules, pickups: week.map(view), next };
    }),
  };
}
