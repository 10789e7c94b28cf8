import { z } from 'zod';
import { isRealDate, isTime, minutesOfDay } from './civil';
import { isKnownZone } from './zoned';
import { checkConsistency } from './consistency';
import type { WeeklyPickup, Holiday, Override, CalendarRule, LineCalendar } from '../../../db/cutoffs/calendar';

const Zone = z.string().superRefine((zone, ctx) => {
  if (!isKnownZone(zone)) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown IANA time zone "${zone}" — use a zone name such as "Asia/Shanghai" or "Europe/London"`,
    });
  }
});

const LocalDate = z.string().superRefine((date, ctx) => {
  if (!isRealDate(date)) {
    ctx.addIssue({ code: 'custom', message: `"${date}" is not a real calendar date — use YYYY-MM-DD, e.g. "2026-02-28"` });
  }
});

const LocalTime = z.string().superRefine((time, ctx) => {
  if (!isTime(time)) {
    ctx.addIssue({ code: 'custom', message: `"${time}" is not a valid time — use 24-hour HH:mm, e.g. "16:00"` });
  }
});

const IsoWeekday = z
  .int('weekday must be a whole number 1-7 (ISO: Monday = 1, Sunday = 7)')
  .min(1, 'weekday must be 1-7 (ISO: Monday = 1, Sunday = 7)')
  .max(7, 'weekday must be 1-7 (ISO: Monday = 1, Sunday = 7)');

export const WeeklyPickupSchema = z.object({ weekday: IsoWeekday, cutoff: LocalTime, pickup: LocalTime }).superRefine((p, ctx) => {
  if (isTime(p.cutoff) && isTime(p.pickup) && minutesOfDay(p.pickup) < minutesOfDay(p.cutoff)) {
    ctx.addIssue({
      code: 'custom',
      path: ['pickup'],
      message: `pickup ${p.pickup} is before cut-off ${p.cutoff} — the pickup must be at or after the cut-off on the same day`,
    });
  }
});

export const HolidaySchema = z.object({
  date: LocalDate,
  name: z.string().min(1, 'holiday needs a name'),
  scope: z.enum(['carrier', 'site'], 'scope must be "carrier" (carrier does not collect or scan) or "site" (warehouse closed)'),
});

export const OverrideSchema = z
  .object({
    date: LocalDate,
    kind: z.enum(['extra', 'cancelled'], 'kind must be "extra" or "cancelled"'),
    cutoff: LocalTime.optional(),
    pickup: LocalTime.optional(),
    reason: z.string().min(1, 'override needs a reason'),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'cancelled') {
      if (o.cutoff !== undefined || o.pickup !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'a cancelled pickup takes no cutoff/pickup times — remove them' });
      }
      return;
    }
    if (o.cutoff === undefined || o.pickup === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an extra pickup needs both cutoff and pickup times (HH:mm)' });
    } else if (isTime(o.cutoff) && isTime(o.pickup) && minutesOfDay(o.pickup) < minutesOfDay(o.cutoff)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pickup'],
        message: `pickup ${o.pickup} is before cut-off ${o.cutoff} — the pickup must be at or after the cut-off on the same day`,
      });
    }
  });

export const RuleSchema = z.enum(['thursday-shift'], 'unknown rule — the only supported rule is "thursday-shift"');

export const LineCalendarSchema = z
  .object({
    zone: Zone,
    pickups: z.array(WeeklyPickupSchema),
    holidays: z.array(HolidaySchema),
    overrides: z.array(OverrideSchema),
    rules: z.array(RuleSchema),
    effectiveFrom: LocalDate.optional(),
  })
  // Leaf issues do not abort this refinement, so every problem is reported in
  // one pass; checkConsistency skips entries whose own fields are invalid.
  .superRefine((cal, ctx) => {
    for (const { path, message } of checkConsistency(cal)) {
      ctx.addIssue({ code: 'custom', path, message });
    }
  });

export type { WeeklyPickup, Holiday, Override, CalendarRule, LineCalendar };

// The schema yields exactly the stored shapes of db/cutoffs/calendar.ts (a compile error here if they drift).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof LineCalendarSchema>, LineCalendar> = true;
void sameShape;

export type CalendarError = { path: string; message: string };
export type ValidationResult = { ok: true; calendar: LineCalendar } | { ok: false; errors: CalendarError[] };

export function validateCalendar(input: unknown): ValidationResult {
  const parsed = LineCalendarSchema.safeParse(input);
  if (parsed.success) return { ok: true, calendar: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.join('.') : 'calendar',
      message: issue.message,
    })),
  };
}
