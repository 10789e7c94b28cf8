import { postalS10Line } from '../electron/capabilities/cutoffs/examples';
import { defaultFirstScan } from '../electron/capabilities/cutoffs/defaults';
import { syntheticPicks } from '../electron/capabilities/cutoffs/history';
import { whatIfReport } from '../electron/capabilities/cutoffs/whatif-view';
import { replayWhatIf } from '../electron/capabilities/cutoffs/whatif';
import { nextPickup } from '../electron/capabilities/cutoffs/shipdate';
import { expectedFirstScan } from '../electron/capabilities/cutoffs/window';
import { epochDay } from '../electron/capabilities/cutoffs/civil';
import { round, summarize } from './stats';
import type { Bench } from './types';

const DAYS = 90;
const PER_DAY = Number(process.env.BENCH_CUTOFF_PER_DAY ?? 5000);
const RUNS = Number(process.env.BENCH_CUTOFF_RUNS ?? 15);
const FLOOR_SAMPLE = 2000;

/**
 * cutoff.whatif_ms: the what-if the supervisor screen asks for (cutoffs.whatif), for one line over
 * 90 days at 5,000 picks a day: both window ends, histograms, tickets, weekday medians.
 * Floor: the obvious per-pick path (nextPickup + expectedFirstScan per pick), measured on a sample
 * in the same run and scaled to the same number of picks.
 */
export const cutoffsBench: Bench = {
  name: 'cutoffs',
  async run() {
    const cal = { ...postalS10Line, zone: 'Asia/Shanghai' };
    const withRule = { ...cal, rules: ['thursday-shift' as const] };
    const window = defaultFirstScan('postal');
    const first = epochDay('2026-01-05');
    const picks = syntheticPicks('bench', PER_DAY, cal.zone, first, first + DAYS - 1, true);
    const opts = { from: 'pickup' as const, ticketRate: 0.175, ticketAfterDays: 4 };

    whatIfReport(cal, withRule, window, window, picks, opts); // warm-up (JIT)
    const times: number[] = [];
    let changed = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = whatIfReport(cal, withRule, window, window, picks, opts);
      times.push(performance.now() - t0);
      changed = r.earliest.changed;
    }
    const single: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      replayWhatIf(cal, 'thursday-shift', picks, window, { ticketRate: 0.175, silenceFrom: 'pickup' });
      single.push(performance.now() - t0);
    }
    const sample = picks.slice(0, FLOOR_SAMPLE);
    const t0 = performance.now();
    for (const p of sample) expectedFirstScan(cal, window, nextPickup(cal, p).pickupAt);
    const naiveMs = ((performance.now() - t0) / FLOOR_SAMPLE) * picks.length;

    const s = summarize(times);
    const one = summarize(single);
    if (picks.length !== DAYS * PER_DAY || changed === 0) throw new Error(`cutoffs bench: ${picks.length} picks, ${changed} changed`);
    return [
      {
        key: 'cutoff.whatif_ms',
        value: round(s.p50, 1),
        unit: 'ms',
        target: '<= 500',
        pass: s.p50 <= 500,
        note: `median of ${s.n} runs, p99 ${round(s.p99, 1)} ms; ${picks.length.toLocaleString('en')} picks; 2 window ends x (replay + weekday medians)`,
      },
      {
        key: 'cutoff.replay_one_ms',
        value: round(one.p50, 1),
        unit: 'ms',
        target: 'info',
        note: `one replayWhatIf (one window end), p99 ${round(one.p99, 1)} ms`,
      },
      {
        key: 'cutoff.naive_floor_ms',
        value: round(naiveMs, 0),
        unit: 'ms',
        target: 'floor (per-pick nextPickup + expectedFirstScan)',
        note: `extrapolated from ${FLOOR_SAMPLE} picks; what-if is ${round(naiveMs / s.p50, 1)}x faster`,
      },
    ];
  },
};
