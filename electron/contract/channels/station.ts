import { z } from 'zod';
import { ROLES } from '../roles';
import * as S from '../schemas';
import { ch, Empty } from './define';

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
