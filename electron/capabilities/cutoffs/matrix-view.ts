// Line x weekday of the median silence window, each line on its saved calendar and its own history.
import type { ServiceContext } from '../../core/context';
import { pickHistory } from './history';
import { silenceMatrix } from './whatif';
import { silenceStart, type SilenceFrom } from './told';

export function matrix(ctx: ServiceContext, input: { weeks: number; basis: 'earliest' | 'latest'; from?: SilenceFrom }) {
  const reader = ctx.store.read.cutoffs;
  const from = input.from ?? silenceStart(ctx).from;
  const rows = ctx.store.read.lines
    .all()
    .filter((l) => l.active)
    .flatMap((line) => {
      const saved = reader.current(line.id);
      if (!saved) return [];
      const w = input.basis === 'earliest' ? { ...saved.firstScan, worstHours: saved.firstScan.bestHours } : saved.firstScan;
      const history = pickHistory(ctx, line, saved.calendar.zone, input.weeks);
      const cells = silenceMatrix(saved.calendar, w, history.picks, from).map((m) => ({
        day: m.name,
        picks: m.picks,
        medianDays: m.medianDays === null ? null : Math.round(m.medianDays * 100) / 100,
      }));
      return [{ lineId: line.id, lineName: line.name, rules: saved.calendar.rules, source: history.source, cells }];
    });
  return { weeks: input.weeks, basis: input.basis, from, rows };
}
