import { z } from 'zod';
import { ROLES } from '../roles';
import * as S from '../schemas';
import { ch, Empty } from './define';

const Retention = z.object({
  horizonDays: z.number().int().describe('delivered parcels older than this many days go to the archive'),
  defaultDays: z.number().int(),
  archive: z.object({
    file: z.string().nullable(),
    bytes: z.number().int(),
    parcels: z.number().int().describe('parcels archived by every run so far'),
    rows: z.number().int(),
  }),
  hot: z.object({
    used: z.number().int().describe('bytes of the station database in use'),
    free: z.number().int().describe('bytes freed inside it, reused by new rows'),
  }),
  runs: z.array(
    z.object({
      runId: z.string(),
      station: z.string(),
      startedAt: S.IsoTime,
      horizonDays: z.number().int(),
      cutoff: S.IsoTime,
      file: z.string(),
      trigger: z.string(),
      batches: z.number().int(),
      parcels: z.number().int(),
      rows: z.number().int(),
      bytes: z.number().int(),
      exceptionsClosed: z.number().int(),
      finishedAt: S.IsoTime.nullable(),
    }),
  ),
});

export const stationChannels = {
  'app.info': ch(
    Empty,
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'headless']),
      station: z.object({ id: z.string(), name: z.string() }),
      site: z.object({ name: z.string(), zone: z.string(), clock: z.enum(['24h', '12h']).describe('how every screen and label shows times') }),
      demo: z.boolean(),
      now: S.IsoTime,
      roles: z
        .record(z.string(), z.enum(['anyone', ...ROLES]))
        .describe('the least role of every channel, from the contract table: screens show what the signed-in operator may not do as locked'),
    }),
    'Who and where this console is.',
    'anyone',
  ),
  'site.clock.save': ch(
    z.object({ clock: z.enum(['24h', '12h']) }).strict(),
    z.object({ clock: z.enum(['24h', '12h']) }),
    'Site setting: show times on every screen and label in 24-hour (the default) or 12-hour style.',
    'admin',
  ),
  'station.get': ch(Empty, S.Station, 'This station’s settings.', 'picker'),
  'station.save': ch(
    S.Station.omit({ id: true }).extend({ scanner: S.WedgeSettings.strict() }).strict(),
    S.Station,
    'Change this station’s settings.',
    'supervisor',
  ),
  'station.health': ch(
    Empty,
    z.object({
      disk: z.object({ full: z.boolean(), since: S.IsoTime.nullable(), drive: z.string(), startedReadOnly: z.boolean(), message: z.string().nullable() }),
      faults: z.object({ count: z.number().int(), recent: z.array(z.object({ at: S.IsoTime, where: z.string(), message: z.string() })) }),
    }),
    'Is this station healthy: a full disk (picks refused until space is freed), errors it survived since start.',
    'anyone',
  ),
  'station.database': ch(
    Empty,
    z.object({
      databaseBytes: z.number().int(),
      walBytes: z.number().int().describe('the write-ahead log now'),
      walMaxBytes: z.number().int().describe('the largest the write-ahead log was since the console started'),
      walLimitBytes: z.number().int().describe('above this the log is folded into the database and truncated once its copy has caught up'),
      truncations: z.number().int(),
      lastTruncatedAt: S.IsoTime.nullable(),
    }),
    'The station database on disk: its size and its write-ahead log (kept bounded under steady picking).',
    'picker',
  ),
  'retention.get': ch(Empty, Retention, 'The archive horizon, the archive file and the last archive runs (what, when, how many rows, bytes moved).', 'picker'),
  'retention.save': ch(
    z
      .object({
        horizonDays: z
          .number({ message: 'give the horizon in days' })
          .int('a whole number of days')
          .min(7, 'at least 7 days: the monitor still watches parcels delivered this week')
          .max(3650, 'at most 3650 days (10 years)'),
      })
      .strict(),
    Retention,
    'Set the archive horizon: delivered parcels older than this many days have their scans and finished jobs moved to the archive file.',
    'supervisor',
  ),
  'retention.run': ch(
    Empty,
    z.object({ runId: z.string(), started: z.boolean() }),
    'Start an archive run now (a run under way is returned instead).',
    'supervisor',
  ),
  'events.export': ch(
    z
      .object({ afterSeq: z.number().int().min(0).optional(), since: S.IsoInstant.optional(), limit: z.number().int().min(1).max(100_000).default(10_000) })
      .strict(),
    z.array(S.Event),
    'The event log, oldest first.',
    'supervisor',
  ),
  'clock.set': ch(
    z.object({ at: S.IsoTime, running: z.boolean().default(true) }).strict(),
    z.object({ now: S.IsoTime }),
    'Test clock only (console started with --test-clock): move the console to another instant.',
    'anyone',
  ),
} as const;
