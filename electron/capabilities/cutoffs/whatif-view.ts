// The what-if as the supervisor screen shows it: the same picks replayed against two calendars,
// for both ends of the first-scan window, with ticket estimates and per-weekday medians.
import type { FirstScanData } from '../../../db/cutoffs/events';
import { badInput } from '../../core/errors';
import type { ServiceContext } from '../../core/context';
import type { CalendarRule, LineCalendar } from './calendar';
import { defaultTicketRate, TICKET_AFTER_DAYS } from './defaults';
import { pickHistory } from './history';
import { checkDraft, currentSettings, requireLine, type CalendarDraft } from './settings';
import { upcomingPickups } from './upcoming';
import { replayCompare, type SilenceSummary } from './whatif';
import type { FirstScanWindow } from './window';

import { silenceStart, thursdayShiftRefusal, type SilenceFrom } from './told';

export type { SilenceFrom };
export type ReportOptions = { from: SilenceFrom; ticketRate: number; ticketAfterDays: number };

const METRIC: Record<SilenceFrom, string> = {
  pickup: 'Silence = days from the carrier pickup to the expected first scan.',
  pick: 'Silence = days from the pick to the expected first scan.',
};

function round(x: number, d = 2) {
  return Math.round(x * 10 ** d) / 10 ** d;
}

const summary = (s: SilenceSummary) => ({
  picks: s.picks,
  meanDays: round(s.meanDays),
  medianDays: round(s.medianDays),
  p90Days: round(s.p90Days),
  maxDays: round(s.maxDays),
  overTicketThreshold: s.overTicketThreshold,
});

function basisReport(before: LineCalendar, after: LineCalendar, wBefore: FirstScanWindow, wAfter: FirstScanWindow, picks: Date[], o: ReportOptions) {
  const r = replayCompare(
    before,
    after,
    picks,
    wBefore,
    { ticketRate: o.ticketRate, ticketAfterDays: o.ticketAfterDays, silenceFrom: o.from, byWeekday: true },
    wAfter,
  );
  const mBefore = r.weekdaysBefore!;
  const mAfter = r.weekdaysAfter!;
  return {
    before: summary(r.before),
    after: summary(r.after),
    changed: r.changed,
    histogram: r.histogramBefore.map((b, i) => ({ days: b.days, before: b.count, after: r.histogramAfter[i]?.count ?? 0 })),
    ticketsBefore: round(r.expectedTicketsBefore, 1),
    ticketsAfter: round(r.expectedTicketsAfter, 1),
    weekdays: mBefore.map((m, i) => ({
      day: m.name,
      picks: m.picks,
      before: m.medianDays === null ? null : round(m.medianDays),
      after: mAfter[i].medianDays === null ? null : round(mAfter[i].medianDays!),
    })),
  };
}

const ends = (w: FirstScanWindow) => ({ earliest: { ...w, worstHours: w.bestHours }, latest: w });

/** Pure: the report for two calendars over given picks (the bench times this). */
export function whatIfReport(before: LineCalendar, after: LineCalendar, wBefore: FirstScanWindow, wAfter: FirstScanWindow, picks: Date[], o: ReportOptions) {
  const b = ends(wBefore);
  const a = ends(wAfter);
  return {
    earliest: basisReport(before, after, b.earliest, a.earliest, picks, o),
    latest: basisReport(before, after, b.latest, a.latest, picks, o),
  };
}

function framing(ctx: ServiceContext, lineId: string, zone: string, weeks: number, o: Partial<ReportOptions>) {
  const line = requireLine(ctx, lineId);
  const history = pickHistory(ctx, line, zone, weeks);
  const start = silenceStart(ctx, lineId);
  const opts: ReportOptions = {
    from: o.from ?? start.from,
    ticketRate: o.ticketRate ?? defaultTicketRate(line.routeType),
    ticketAfterDays: o.ticketAfterDays ?? TICKET_AFTER_DAYS,
  };
  const head = {
    lineId,
    lineName: line.name,
    weeks,
    source: history.source,
    note: history.note,
    picks: history.picks.length,
    from: opts.from,
    ticketRate: opts.ticketRate,
    ticketAfterDays: opts.ticketAfterDays,
    metric: `${METRIC[opts.from]}${o.from ? '' : ` ${start.why}`} Expected tickets = ${Math.round(opts.ticketRate * 1000) / 10} % of parcels silent over ${opts.ticketAfterDays} days (Table 4 footnote).`,
  };
  return { history, opts, head };
}

/** The saved calendar of a line without and with a rule, replayed over its history. */
export function whatIf(ctx: ServiceContext, input: { lineId: string; rule: CalendarRule; weeks: number; from?: SilenceFrom; ticketRate?: number }) {
  const saved = currentSettings(ctx, input.lineId);
  if (!saved) throw badInput(`Line "${input.lineId}" has no calendar yet: set its pickups and cut-offs first, then try the what-if.`);
  const refusal = input.rule === 'thursday-shift' ? thursdayShiftRefusal(requireLine(ctx, input.lineId)) : null;
  if (refusal) throw badInput(`${refusal} Try it on a postal line.`, [{ path: 'lineId', message: 'not a postal line' }]);
  const without = { ...saved.calendar, rules: saved.calendar.rules.filter((r) => r !== input.rule) };
  const withRule = { ...without, rules: [...without.rules, input.rule] };
  const { history, opts, head } = framing(ctx, input.lineId, saved.calendar.zone, input.weeks, input);
  return { ...head, rule: input.rule, ...whatIfReport(without, withRule, saved.firstScan, saved.firstScan, history.picks, opts) };
}

/** A draft calendar against the saved one: validation first, nothing is saved. */
export function previewDraft(
  ctx: ServiceContext,
  input: { lineId: string; calendar: CalendarDraft; firstScan: FirstScanData; weeks: number; from?: SilenceFrom },
) {
  requireLine(ctx, input.lineId);
  const { calendar, errors } = checkDraft(ctx, input.calendar, input.firstScan);
  if (!calendar) return { ok: false as const, errors, upcomingBefore: [], upcomingAfter: [], report: null };
  const saved = currentSettings(ctx, input.lineId);
  const before = saved?.calendar ?? { ...calendar, rules: [] };
  const wBefore = saved?.firstScan ?? input.firstScan;
  const { history, opts, head } = framing(ctx, input.lineId, calendar.zone, input.weeks, input);
  const now = ctx.clock.now();
  return {
    ok: true as const,
    errors: [],
    upcomingBefore: upcomingPickups(before, now, 14),
    upcomingAfter: upcomingPickups(calendar, now, 14),
    report: { ...head, ...whatIfReport(before, calendar, wBefore, input.firstScan, history.picks, opts) },
  };
}
