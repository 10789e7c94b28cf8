import { z } from 'zod';
import { ch, Empty } from './define';

const Run = z.object({
  ok: z.boolean(),
  at: z.string(),
  folder: z.string(),
  file: z.string().optional(),
  bytes: z.number().optional(),
  events: z.number().optional(),
  parcels: z.number().optional(),
  ms: z.number().optional(),
  reason: z.string().optional(),
  trigger: z.string(),
});

const Archive = z.object({ file: z.string(), ok: z.boolean(), rows: z.number().int(), problem: z.string().nullable() });

const Preview = z.object({
  file: z.string(),
  ok: z.boolean(),
  problem: z.string().nullable(),
  stationId: z.string().nullable(),
  backupAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  events: z.number().int(),
  parcels: z.number().int(),
  ranges: z.array(z.object({ lineName: z.string(), rangeId: z.string(), lastIssued: z.string().nullable(), left: z.number().int() })),
  pool: z.array(z.object({ lineName: z.string(), lastUsed: z.string().nullable(), free: z.number().int() })),
  /** the archive file backed up beside it (old parcels' scans), or null when the station had none */
  archive: Archive.nullable(),
});

const Check = z.object({
  pending: z.object({ file: z.string(), backupAt: z.string(), stagedAt: z.string() }).nullable(),
  sources: z.array(z.object({ name: z.string(), ok: z.boolean(), note: z.string() })),
  ranges: z.array(
    z.object({
      rangeId: z.string(),
      lineId: z.string(),
      lineName: z.string(),
      from: z.number().int(),
      to: z.number().int(),
      gap: z.number().int(),
      highestSeen: z.string().nullable(),
      seenIn: z.array(z.string()),
    }),
  ),
  poolSpent: z.array(z.object({ lineId: z.string(), number: z.string() })),
  gap: z.number().int(),
  /** orders the backup shows open that Shopify or a printed label shows picked after it: held at the confirmation */
  pickedAfter: z.array(
    z.object({
      orderId: z.string(),
      orderName: z.string(),
      store: z.string(),
      numbers: z.array(z.string()),
      seenIn: z.array(z.enum(['shopify', 'labels'])),
      fulfilled: z.boolean(),
    }),
  ),
});

const HeldOrder = z.object({
  orderId: z.string(),
  orderName: z.string(),
  store: z.string(),
  numbers: z.array(z.string()),
  seenIn: z.array(z.string()),
  fulfilled: z.boolean(),
  heldAt: z.string(),
});

const HeldJob = z.object({
  jobId: z.string(),
  kind: z.string(),
  what: z.string().describe('what it is and where it goes'),
  message: z.string().describe('the message itself, as it would go out'),
  why: z.string(),
  createdAt: z.string(),
  heldAt: z.string(),
});

const folderPath = z.string().trim().min(1, 'give the folder').max(1000);
const filePath = z.string().trim().min(1, 'give the backup file').max(1000);
const labelsDirs = z.array(z.string().trim().min(1).max(1000)).max(10).optional().describe('more folders of printed labels to read (a print server’s archive)');

export const backupChannels = {
  'backup.status': ch(
    Empty,
    z.object({
      settings: z.object({ folder: z.string(), everyHours: z.number(), keep: z.number().int() }),
      lastGood: Run.nullable(),
      lastRun: Run.nullable(),
      running: z.object({ startedAt: z.string(), trigger: z.string(), phase: z.enum(['copying', 'checking']), done: z.number() }).nullable(),
      nextDue: z.string().nullable(),
      backups: z.array(z.object({ name: z.string(), path: z.string(), at: z.string(), bytes: z.number() })),
      restorePending: z.object({ file: z.string(), backupAt: z.string(), stagedAt: z.string() }).nullable(),
      restoreStaged: z.boolean(),
      heldOrders: z.array(HeldOrder),
      /** jobs the restored copy held queued that reach a person and cannot be looked up: a supervisor answers each */
      heldJobs: z.array(HeldJob),
      /** the backup this station runs on, until a newer backup is made */
      restoredFrom: z.object({ file: z.string(), backupAt: z.string(), at: z.string().nullable() }).nullable(),
    }),
    'This station’s backups: where, how often, the last good one, the one running (progress 0..1), the copies in the folder, a restore waiting.',
    'picker',
  ),
  'backup.settings.save': ch(
    z
      .object({
        folder: folderPath,
        everyHours: z.number().min(0.25, 'at least every 15 minutes').max(168, 'at most once a week'),
        keep: z.number().int().min(1, 'keep at least one').max(365),
      })
      .strict(),
    z.object({ folder: z.string(), everyHours: z.number(), keep: z.number().int() }),
    'Supervisor: the backup folder (a network share or a USB disk; checked writable), how often, how many good copies to keep.',
    'supervisor',
  ),
  'backup.run': ch(
    Empty,
    z.object({ started: z.boolean(), startedAt: z.string() }),
    'Back up now, in the background; backup.status shows its progress, then the result.',
    'picker',
  ),
  'backup.restore.preview': ch(
    z.object({ file: filePath }).strict(),
    Preview,
    'What a backup file holds (checked read-only): when, events, parcels, the last number of each range.',
    'supervisor',
  ),
  'backup.restore.stage': ch(
    z.object({ file: filePath }).strict(),
    Preview,
    'Supervisor: restore this backup at the station’s next start (the database it replaces is kept aside). Restart Firstscan to finish.',
    'supervisor',
  ),
  'backup.restore.check': ch(
    z.object({ labelsDirs }).strict(),
    Check,
    'Supervisor, after a restore: where every range will continue, from the backup, the printed-label record and Shopify.',
    'supervisor',
  ),
  'backup.restore.confirm': ch(
    z.object({ labelsDirs, confirmGap: z.boolean() }).strict(),
    Check,
    'Supervisor: move every range past the highest number seen (skipping any gap, confirmed) and let picks issue numbers again.',
    'supervisor',
  ),
  'backup.restore.release': ch(
    z.object({ orderId: z.string().min(1), decision: z.enum(['pick_again', 'shipped']), note: z.string().trim().max(500).default('') }).strict(),
    z.object({ orderId: z.string(), status: z.string() }),
    'Supervisor: an order held after a restore (picked after the last backup) was checked: pick it again (nothing left the building), or it was shipped.',
    'supervisor',
  ),
  'backup.restore.answer': ch(
    z.object({ jobId: z.string().min(1), decision: z.enum(['went', 'send_again']), note: z.string().trim().max(500).default('') }).strict(),
    z.object({ jobId: z.string(), status: z.string() }),
    'Supervisor: a job set aside after a restore (an e-mail, the webhook, a manifest) was checked: it went (never sent again), or send it again.',
    'supervisor',
  ),
} as const;
