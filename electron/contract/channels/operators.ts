import { z } from 'zod';
import { ch, Empty } from './define';
import { IsoInstant, IsoTime } from '../schemas';
import { ROLES } from '../roles';

const Role = z.enum(ROLES);
const OperatorId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9.-]{1,29}$/, 'use 2 to 30 lower-case letters, digits, dots or dashes, starting with a letter');
const Pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
const Who = z.object({ id: z.string(), name: z.string(), role: Role });

export const Operator = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  badge: z.string(),
  hasPin: z.boolean(),
  active: z.boolean(),
  failures: z.number().int(),
  lockedUntil: IsoTime.nullable(),
  createdAt: IsoTime,
});

const SignInSettings = z.object({
  idleMinutes: z.number().min(0).max(720).describe('sign out after this many minutes without a key or scan (0: never)'),
  maxFailures: z.number().int().min(3).max(20),
  lockMinutes: z.number().int().min(1).max(1440),
});

const NotifySettings = z.object({
  webhookUrl: z
    .string()
    .trim()
    .url('give a full address, e.g. https://hooks.example.com/firstscan')
    .refine((u) => /^https?:\/\//.test(u), 'the webhook must be http:// or https://')
    .nullable(),
  exceptionsOver: z.number().int().min(1).max(10_000),
});

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .optional();

const Figures = z.object({
  day: z.string(),
  operators: z.array(
    z.object({
      actor: z.string(),
      name: z.string(),
      picked: z.number().int(),
      perHour: z.array(z.object({ hour: z.number().int(), parcels: z.number().int() })),
      refusals: z.array(z.object({ reason: z.string(), count: z.number().int() })),
      reprints: z.array(z.object({ reason: z.string(), count: z.number().int() })),
      medianGapSec: z.number().nullable().describe('median time between two picks, seconds'),
      firstAt: IsoTime.nullable(),
      lastAt: IsoTime.nullable(),
      perHourRate: z.number().nullable().describe('parcels per hour between the first and the last pick'),
    }),
  ),
  lines: z.array(
    z.object({
      lineId: z.string(),
      lineName: z.string(),
      picked: z.number().int(),
      reprints: z.number().int(),
      byOperator: z.array(z.object({ actor: z.string(), name: z.string(), picked: z.number().int() })),
    }),
  ),
});

export const operatorsChannels = {
  'operators.session': ch(
    z.object({ active: z.boolean().optional().describe('a person used this console (key, touch, scan) since the last call') }).strict(),
    z.object({
      operator: Who.nullable(),
      since: IsoTime.nullable(),
      idleLeftSec: z.number().nullable(),
      firstAdmin: z.boolean().describe('no operator exists yet: the first one to be made is an admin'),
      siteWait: z.string().nullable().describe('a station joining a site waits for the site\u2019s operators before anyone signs in (why, in words)'),
      notice: z
        .string()
        .nullable()
        .describe('for whoever signs in next, when nobody is signed in: why the station signed out (a supervisor’s override was done)'),
      demo: z.array(z.object({ id: z.string(), name: z.string(), role: Role, badge: z.string(), pin: z.string().nullable(), pngBase64: z.string() })),
    }),
    'Who is signed in at this station, and how long before idle sign-out. The demo site also lists its operators and badges.',
    'anyone',
  ),
  'operators.signIn': ch(
    z.object({ code: z.string().trim().min(1, 'scan your badge').max(60), pin: Pin.optional() }).strict(),
    z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('signed_in'), operator: Who }),
      z.object({ outcome: z.literal('signed_out'), operator: z.object({ id: z.string(), name: z.string() }) }),
      z.object({ outcome: z.literal('pin_needed'), operator: Who }),
    ]),
    'A badge scanned (or an operator id typed) with or without a PIN. The signed-in operator’s own badge signs out; another badge switches in one scan.',
    'anyone',
  ),
  'operators.signOut': ch(Empty, z.object({ operator: z.object({ id: z.string(), name: z.string() }).nullable() }), 'Sign out at this station.', 'anyone'),
  'operators.firstAdmin': ch(
    z.object({ id: OperatorId, name: z.string().trim().min(1).max(60), pin: Pin }).strict(),
    z.object({ operator: Operator }),
    'A site without operators: make the first admin (with a PIN) and sign them in. Refused once any operator exists.',
    'anyone',
  ),
  'operators.list': ch(Empty, z.array(Operator), 'Every operator with role, badge, PIN set or not, locked or not.', 'supervisor'),
  'operators.create': ch(
    z.object({ id: OperatorId, name: z.string().trim().min(1).max(60), role: Role, pin: Pin.nullable().optional() }).strict(),
    Operator,
    'Add an operator; a badge code is made for them (supervisors and admins need a PIN).',
    'admin',
  ),
  'operators.change': ch(
    z
      .object({
        id: z.string().min(1),
        name: z.string().trim().min(1).max(60).optional(),
        role: Role.optional(),
        pin: Pin.nullable().optional(),
        active: z.boolean().optional(),
        reason: z.string().trim().max(200).optional(),
      })
      .strict(),
    Operator,
    'Rename, change the role, set or clear the PIN, disable or enable an operator.',
    'admin',
  ),
  'operators.unlock': ch(z.object({ id: z.string().min(1) }).strict(), Operator, 'Lift the lock of an operator after too many wrong PINs.', 'supervisor'),
  'operators.badges': ch(
    z.object({ ids: z.array(z.string()).optional() }).strict(),
    z.array(z.object({ id: z.string(), name: z.string(), role: Role, badge: z.string(), pngBase64: z.string() })),
    'The badge sheet: one Code 128 per active operator, to print and cut out.',
    'supervisor',
  ),
  'operators.badgeSheet': ch(
    z.object({ ids: z.array(z.string()).optional() }).strict(),
    z.object({ fileName: z.string(), pdfBase64: z.string(), operators: z.number().int() }),
    'The badge sheet as an A4 PDF to print and cut out: ten cards a page, each with name, role, Code 128 and code.',
    'supervisor',
  ),
  'operators.settings': ch(Empty, SignInSettings, 'Idle sign-out and PIN lockout of the site.', 'picker'),
  'operators.settings.save': ch(SignInSettings.strict(), SignInSettings, 'Change idle sign-out and PIN lockout.', 'admin'),
  'tokens.list': ch(
    Empty,
    z.array(z.object({ id: z.string(), name: z.string(), role: Role, createdAt: IsoTime, createdBy: z.string(), revokedAt: IsoTime.nullable() })),
    'Integrators’ API tokens (never the tokens themselves).',
    'admin',
  ),
  'tokens.create': ch(
    z.object({ name: z.string().trim().min(2).max(60), role: Role }).strict(),
    z.object({ id: z.string(), name: z.string(), role: Role, token: z.string().describe('shown once: copy it now') }),
    'Make an API token for one integrator, with a role. Send it as Authorization: Bearer <token>.',
    'admin',
  ),
  'tokens.revoke': ch(
    z.object({ id: z.string().min(1) }).strict(),
    z.object({ id: z.string(), revokedAt: IsoTime.nullable() }),
    'Revoke an API token at once.',
    'admin',
  ),
  'audit.list': ch(
    z
      .object({
        actor: z.string().optional(),
        ref: z.string().trim().max(80).optional().describe('a parcel, order (id or #name) or manifest'),
        type: z.string().max(60).optional().describe('an event type, or a prefix ending in "." (e.g. "cutoffs.")'),
        from: IsoInstant.optional().describe('from this instant (UTC)'),
        to: IsoInstant.optional().describe('before this instant (UTC)'),
        fromDay: Day.describe('from 00:00 of this warehouse day (the site zone, YYYY-MM-DD)'),
        toDay: Day.describe('to the end of this warehouse day, included (the site zone, YYYY-MM-DD)'),
        limit: z.number().int().min(1).max(5000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({
      rows: z.array(
        z.object({
          seq: z.number().int(),
          station: z.string(),
          stationName: z.string(),
          actor: z.string(),
          actorName: z.string(),
          occurredAt: IsoTime,
          type: z.string(),
          subject: z.string().nullable(),
          payload: z.unknown(),
        }),
      ),
      total: z.number().int(),
      actors: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
    'Who did what, when and where: events newest first, filtered; PIN and token hashes left out.',
    'supervisor',
  ),
  'figures.day': ch(
    z.object({ day: Day }).strict(),
    Figures,
    'One day per picker (parcels per hour of the shift, refusals and reprints with reasons, time between picks) and per line.',
    'supervisor',
  ),
  'figures.csv': ch(
    z.object({ day: Day }).strict(),
    z.object({ filename: z.string(), csv: z.string() }),
    'The day’s figures per operator and line as CSV.',
    'supervisor',
  ),
  'notify.settings': ch(Empty, NotifySettings, 'Where supervisor notifications go besides the desktop: the site’s webhook.', 'supervisor'),
  'notify.settings.save': ch(
    NotifySettings.strict(),
    NotifySettings,
    'Set or clear the site’s webhook and the exception-queue size that raises a notification.',
    'admin',
  ),
  'notify.recent': ch(
    z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    z.array(z.object({ seq: z.number().int(), kind: z.string(), title: z.string(), body: z.string(), screen: z.string(), raisedAt: IsoTime })),
    'Supervisor notifications raised lately, newest first; each names the screen that fixes it.',
    'supervisor',
  ),
  'notify.check': ch(
    Empty,
    z.object({ raised: z.number().int().describe('new notifications raised (the same trouble is raised once an hour)') }),
    'Look for trouble now (numbers low, a printer down, a cut-off at risk, dead letters, exceptions) instead of at the next minute.',
    'supervisor',
  ),
} as const;
