// A line's cut-off settings (calendar + first-scan window): read, save as a new version, undo.
import { thursdayShiftRefusal } from './told';
import type { CutoffSettingsRow } from '../../../db/cutoffs/reader';
import type { FirstScanData } from '../../../db/cutoffs/events';
import type { LineData } from '../../../db/event-types';
import { badInput, notFound } from '../../core/errors';
import { actorOf, siteInfo, type ServiceContext } from '../../core/context';
import { validateCalendar, type CalendarError, type LineCalendar } from './calendar';
import { defaultFirstScan } from './defaults';
import { upcomingPickups } from './upcoming';

export type CalendarDraft = Omit<LineCalendar, 'zone' | 'rules'> & { zone?: string; rules: string[] };

export function requireLine(ctx: ServiceContext, lineId: string): LineData {
  const line = ctx.store.read.lines.get(lineId);
  if (!line) throw notFound(`Carrier line "${lineId}"`, 'Choose a line from the list.');
  return line;
}

export function currentSettings(ctx: ServiceContext, lineId: string): CutoffSettingsRow | undefined {
  return ctx.store.read.cutoffs.current(lineId);
}

/** Checks a draft in the warehouse zone; every problem at once, with a path per field. */
export function checkDraft(ctx: ServiceContext, draft: CalendarDraft, firstScan: FirstScanData): { calendar?: LineCalendar; errors: CalendarError[] } {
  const cal = validateCalendar({ ...draft, zone: draft.zone ?? siteInfo(ctx).zone });
  const errors = cal.ok ? [] : cal.errors.map((e) => ({ path: `calendar.${e.path === 'calendar' ? '' : e.path}`.replace(/\.$/, ''), message: e.message }));
  errors.push(...checkFirstScan(firstScan));
  return { calendar: cal.ok && errors.length === 0 ? cal.calendar : undefined, errors };
}

function checkFirstScan(w: FirstScanData): CalendarError[] {
  const errors: CalendarError[] = [];
  if (w.worstHours < w.bestHours)
    errors.push({
      path: 'firstScan.worstHours',
      message: `worst case ${w.worstHours} h is shorter than best case ${w.bestHours} h — the worst case must be the longer one`,
    });
  if (!w.countsNonWorkingDays && w.carrierWorkdays.length === 0)
    errors.push({ path: 'firstScan.carrierWorkdays', message: 'the carrier scans on no day — tick at least one weekday the carrier works' });
  if (new Set(w.carrierWorkdays).size !== w.carrierWorkdays.length)
    errors.push({ path: 'firstScan.carrierWorkdays', message: 'a weekday is listed twice — list each carrier working day once' });
  return errors;
}

export function saveSettings(ctx: ServiceContext, input: { lineId: string; calendar: CalendarDraft; firstScan: FirstScanData; reason: string }) {
  const line = requireLine(ctx, input.lineId);
  const { calendar, errors } = checkDraft(ctx, input.calendar, input.firstScan);
  const refusal = input.calendar.rules?.includes('thursday-shift') ? thursdayShiftRefusal(line) : null;
  if (refusal) throw badInput(`The calendar was not saved. ${refusal} Untick the Thursday shift.`, [{ path: 'calendar.rules', message: 'postal lines only' }]);
  if (!calendar)
    throw badInput(`The calendar was not saved: ${errors.length} problem${errors.length === 1 ? '' : 's'}. Fix the marked fields and save again.`, errors);
  const reader = ctx.store.read.cutoffs;
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({
      type: 'cutoffs.calendar_saved',
      subject: input.lineId,
      payload: {
        lineId: input.lineId,
        version: reader.maxVersion(input.lineId) + 1,
        calendar,
        firstScan: normalizeWindow(input.firstScan),
        reason: input.reason,
      },
    }),
  );
  return settingsView(ctx, input.lineId);
}

export function undoSettings(ctx: ServiceContext, input: { lineId: string; reason: string }) {
  requireLine(ctx, input.lineId);
  const reader = ctx.store.read.cutoffs;
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => {
    const current = reader.current(input.lineId);
    if (!current) throw badInput(`Line "${input.lineId}" has no saved calendar: there is nothing to undo.`);
    emit({
      type: 'cutoffs.calendar_undone',
      subject: input.lineId,
      payload: {
        lineId: input.lineId,
        undoneVersion: current.version,
        restoredVersion: reader.previousActive(input.lineId, current.version),
        reason: input.reason,
      },
    });
  });
  return settingsView(ctx, input.lineId);
}

function normalizeWindow(w: FirstScanData): FirstScanData {
  return { ...w, carrierWorkdays: [...w.carrierWorkdays].sort((a, b) => a - b) };
}

export function settingsView(ctx: ServiceContext, lineId: string) {
  const line = requireLine(ctx, lineId);
  const reader = ctx.store.read.cutoffs;
  const cur = reader.current(lineId);
  return {
    lineId,
    lineName: line.name,
    routeType: line.routeType,
    zone: cur?.calendar.zone ?? siteInfo(ctx).zone,
    version: cur?.version ?? null,
    savedAt: cur?.savedAt ?? null,
    savedBy: cur?.savedBy ?? null,
    reason: cur?.reason ?? null,
    calendar: cur?.calendar ?? null,
    firstScan: cur?.firstScan ?? null,
    defaultFirstScan: defaultFirstScan(line.routeType),
    upcoming: cur ? upcomingPickups(cur.calendar, ctx.clock.now(), 14) : [],
    history: reader.history(lineId).map((h) => ({
      version: h.version,
      savedAt: h.savedAt,
      savedBy: h.savedBy,
      reason: h.reason,
      rules: h.calendar.rules,
      undoneAt: h.undoneAt,
      undoneBy: h.undoneBy,
      undoReason: h.undoReason,
    })),
  };
}
