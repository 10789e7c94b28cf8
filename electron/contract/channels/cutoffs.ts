import { z } from 'zod';
import { IsoTime } from '../schemas';
import { ch, Empty } from './define';

// Shapes only: the calendar's rules (real dates, HH:mm, DST gaps, overlaps) are checked by the
// service, which answers with one issue per field (paths start with "calendar." / "firstScan.").
const Calendar = z
  .object({
    zone: z.string().optional().describe('IANA zone; defaults to the warehouse zone'),
    pickups: z.array(z.object({ weekday: z.number().int(), cutoff: z.string(), pickup: z.string() }).strict()),
    holidays: z.array(z.object({ date: z.string(), name: z.string(), scope: z.enum(['carrier', 'site']) }).strict()),
    overrides: z.array(
      z
        .object({ date: z.string(), kind: z.enum(['extra', 'cancelled']), cutoff: z.string().optional(), pickup: z.string().optional(), reason: z.string() })
        .strict(),
    ),
    rules: z.array(z.string()),
    effectiveFrom: z.string().optional(),
  })
  .strict();

const FirstScan = z
  .object({
    route: z.string().min(1).max(80),
    bestHours: z.number().min(0).max(2000),
    worstHours: z.number().min(0).max(2000),
    countsNonWorkingDays: z.boolean(),
    carrierWorkdays: z.array(z.number().int().min(1, 'weekdays are 1 (Mon) to 7 (Sun)').max(7, 'weekdays are 1 (Mon) to 7 (Sun)')),
  })
  .strict();

const SavedCalendar = Calendar.extend({ zone: z.string(), rules: z.array(z.enum(['thursday-shift'])) });

const Pickup = z.object({ date: z.string(), day: z.string(), cutoffAt: IsoTime, pickupAt: IsoTime, open: z.boolean(), extra: z.boolean() });

const Settings = z.object({
  lineId: z.string(),
  lineName: z.string(),
  routeType: z.string(),
  zone: z.string(),
  version: z.number().int().nullable(),
  savedAt: IsoTime.nullable(),
  savedBy: z.string().nullable(),
  reason: z.string().nullable(),
  calendar: SavedCalendar.nullable(),
  firstScan: FirstScan.nullable(),
  defaultFirstScan: FirstScan,
  upcoming: z.array(Pickup),
  history: z.array(
    z.object({
      version: z.number().int(),
      savedAt: IsoTime,
      savedBy: z.string(),
      reason: z.string(),
      rules: z.array(z.string()),
      undoneAt: IsoTime.nullable(),
      undoneBy: z.string().nullable(),
      undoReason: z.string().nullable(),
    }),
  ),
});

const Summary = z.object({
  picks: z.number().int(),
  meanDays: z.number(),
  medianDays: z.number(),
  p90Days: z.number(),
  maxDays: z.number(),
  overTicketThreshold: z.number().int(),
});
const Basis = z.object({
  before: Summary,
  after: Summary,
  changed: z.number().int(),
  histogram: z.array(z.object({ days: z.number().int(), before: z.number().int(), after: z.number().int() })),
  ticketsBefore: z.number(),
  ticketsAfter: z.number(),
  weekdays: z.array(z.object({ day: z.string(), picks: z.number().int(), before: z.number().nullable(), after: z.number().nullable() })),
});
const Report = z.object({
  lineId: z.string(),
  lineName: z.string(),
  weeks: z.number().int(),
  source: z.enum(['picks', 'demo history']),
  note: z.string(),
  picks: z.number().int(),
  from: z.enum(['pick', 'pickup']),
  ticketRate: z.number(),
  ticketAfterDays: z.number(),
  metric: z.string().describe('one line explaining the silence metric and the ticket model'),
  earliest: Basis.describe('silence to the best-case first scan'),
  latest: Basis.describe('silence to the worst-case first scan'),
});

const Weeks = z.number().int().min(1).max(26).default(8);
const From = z
  .enum(['pick', 'pickup'])
  .optional()
  .describe("where the buyer's silence starts (default: when the stores e-mail the buyer: at pick or at handover)");
const Reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(200);

export const cutoffsChannels = {
  'cutoffs.get': ch(
    z.object({ lineId: z.string().min(1) }).strict(),
    Settings,
    'A line’s calendar, first-scan window, next pickups and edit history.',
    'picker',
  ),
  'cutoffs.save': ch(
    z.object({ lineId: z.string().min(1), calendar: Calendar, firstScan: FirstScan, reason: Reason }).strict(),
    Settings,
    'Save a new version of a line’s calendar and first-scan window (all or nothing; errors per field).',
    'supervisor',
  ),
  'cutoffs.undo': ch(
    z.object({ lineId: z.string().min(1), reason: Reason }).strict(),
    Settings,
    'Withdraw the line’s current calendar version and go back to the one before.',
    'supervisor',
  ),
  'cutoffs.preview': ch(
    z.object({ lineId: z.string().min(1), calendar: Calendar, firstScan: FirstScan, weeks: Weeks, from: From }).strict(),
    z.object({
      ok: z.boolean(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
      upcomingBefore: z.array(Pickup),
      upcomingAfter: z.array(Pickup),
      report: Report.nullable(),
    }),
    'What a draft calendar would do, against the saved one, before it is saved. Saves nothing.',
    'picker',
  ),
  'cutoffs.whatif': ch(
    z
      .object({ lineId: z.string().min(1), rule: z.enum(['thursday-shift']), weeks: Weeks, from: From, ticketRate: z.number().min(0).max(1).optional() })
      .strict(),
    Report.extend({ rule: z.string() }),
    'Replay the line’s last N weeks of picks (or demo history) without and with a rule.',
    'supervisor',
  ),
  'cutoffs.week': ch(
    Empty,
    z.object({
      now: IsoTime,
      zone: z.string(),
      weekOf: z.string(),
      lines: z.array(
        z.object({
          lineId: z.string(),
          lineName: z.string(),
          routeType: z.string(),
          hasCalendar: z.boolean(),
          rules: z.array(z.string()),
          pickups: z.array(
            Pickup.omit({ extra: true }).extend({
              state: z.enum(['closed', 'gone', 'next', 'loading', 'later']),
              picked: z.number().int(),
              expected: z.number(),
            }),
          ),
          next: Pickup.omit({ extra: true })
            .extend({
              state: z.string(),
              picked: z.number().int(),
              expected: z.number(),
              minutesLeft: z.number().int(),
              openOrders: z.number().int(),
              unlabelled: z.number().int(),
            })
            .nullable(),
        }),
      ),
    }),
    'This week per line: pickups, parcels riding each, the next cut-off and what is at risk of missing it.',
    'picker',
  ),
  'cutoffs.matrix': ch(
    z.object({ weeks: Weeks, basis: z.enum(['earliest', 'latest']).default('earliest'), from: From }).strict(),
    z.object({
      weeks: z.number().int(),
      basis: z.string(),
      from: z.string(),
      rows: z.array(
        z.object({
          lineId: z.string(),
          lineName: z.string(),
          rules: z.array(z.string()),
          source: z.string(),
          cells: z.array(z.object({ day: z.string(), picks: z.number().int(), medianDays: z.number().nullable() })),
        }),
      ),
    }),
    'Median silence window per line and weekday of the pick, on each line’s saved calendar.',
    'picker',
  ),
} as const;
