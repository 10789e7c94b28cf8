import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

const StationRow = z.object({
  station: z.string(),
  name: z.string(),
  pushedSeq: z.number(),
  pulledServerSeq: z.number(),
  outboxDepth: z.number(),
  lagMs: z.number().nullable(),
  version: z.string(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
});

const Conflict = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  detail: z.string(),
  eventIds: z.array(z.string()),
  stations: z.array(z.string()),
  openedAt: z.string(),
  status: z.enum(['open', 'settled']),
  settledAt: z.string().nullable(),
  settledBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

export const siteChannels = {
  'site.status': ch(
    Empty,
    z.object({
      mode: z.enum(['single', 'site']),
      station: z.string(),
      siteId: z.string().nullable(),
      connected: z.boolean(),
      error: z.string().nullable(),
      lastPushAt: z.string().nullable(),
      lastPullAt: z.string().nullable(),
      lagMs: z.number().nullable(),
      unpushed: z.number(),
      pulledServerSeq: z.number(),
      applied: z.number(),
      replayed: z.number(),
      rebuilds: z.number(),
      duties: z.array(z.string()),
      clockOffsetMs: z.number(),
      blocks: z.array(z.object({ rangeId: z.string(), remaining: z.number(), blocks: z.number() })),
      stations: z.array(StationRow),
      openConflicts: z.number(),
      now: S.IsoTime,
    }),
    'Site mode: this station’s link to the site server, every station’s status, its number blocks.',
    'picker',
  ),
  'site.fingerprint': ch(
    Empty,
    z.object({ events: z.number(), lastHlc: z.string(), hash: z.string() }),
    'A hash of every projection and the size of the log: stations of one site that applied the same events show the same hash.',
    'picker',
  ),
  'site.conflicts': ch(
    z.object({ status: z.enum(['open', 'all']).default('open') }).strict(),
    z.array(Conflict),
    'Conflicts only a partition can cause (an order picked at two stations, a parcel on two manifests), for a person to settle.',
    'picker',
  ),
  'site.settle': ch(
    z
      .object({
        conflictId: z.string().min(1),
        resolution: z.string().trim().min(1, { error: 'Say what was done' }).max(200),
        note: z.string().max(500).default(''),
      })
      .strict(),
    Conflict,
    'Mark a conflict settled, with what was done.',
    'supervisor',
  ),
} as const;
