import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { copyArchive, copyDatabase, freePoolNumbers, liveCounts, sharedFile, type CopyProgress } from './copy';
import { archiveOf } from '../retention/archive';
import { toJob, type JobRow } from '../outbox/reader';
import { json, rowMapper, type Raw, type RowSpec } from '../core/rows';

export interface PendingRestore {
  file: string;
  backupAt: string;
  stagedAt: string;
}

// Read once per connection (every scan asks): it is set only in a staged copy before the station
// opens it, and cleared only through store.backup.clearRestorePending (db/backup/writer.ts).
const known = new WeakMap<Sqlite, PendingRestore | null>();

/** Set while a restored station waits for a supervisor to confirm where its ranges continue: no number is issued meanwhile. */
export function restorePending(db: Sqlite): PendingRestore | null {
  const cached = known.get(db);
  if (cached !== undefined) return cached;
  const r = stmt(db, "SELECT value FROM meta WHERE key = 'restore_pending'").get() as { value: string } | undefined;
  const pending = r?.value ? (JSON.parse(r.value) as PendingRestore) : null;
  known.set(db, pending);
  return pending;
}

/** The cached answer forgotten: the writer that clears the note calls it (db/backup/writer.ts). */
export function forgetRestorePending(db: Sqlite): void {
  known.delete(db);
}

/** This station's ranges and free pool numbers, for the restore's floors. */
export function rangesForRestore(
  db: Sqlite,
): Array<{ rangeId: string; lineId: string; lineName: string; params: string; firstSerial: number; lastSerial: number; nextSerial: number }> {
  return stmt(
    db,
    `SELECT r.id AS rangeId, r.line_id AS lineId, l.name AS lineName, r.params, r.first_serial AS firstSerial, r.last_serial AS lastSerial, r.next_serial AS nextSerial
     FROM number_ranges r JOIN carrier_lines l ON l.id = r.line_id ORDER BY l.name, r.first_serial`,
  ).all() as ReturnType<typeof rangesForRestore>;
}

export interface HeldOrder {
  orderId: string;
  orderName: string;
  store: string;
  numbers: string[];
  seenIn: string[];
  fulfilled: boolean;
  heldAt: string;
}

/** Orders held after a restore that no supervisor has checked yet. */
export function heldOrders(db: Sqlite): HeldOrder[] {
  return (stmt(db, 'SELECT * FROM restore_holds WHERE released_at IS NULL ORDER BY held_at, order_name').all() as Raw[]).map(toHold);
}

const HOLD: RowSpec<HeldOrder> = {
  orderId: 'order_id',
  orderName: 'order_name',
  store: 'store',
  numbers: json('numbers'),
  seenIn: json('seen_in'),
  fulfilled: (r) => r.fulfilled === 1,
  heldAt: 'held_at',
};
const toHold = rowMapper(HOLD);
const toAnsweredHold = rowMapper<HeldOrder & { releasedAt: string | null; decision: string | null }>({
  ...HOLD,
  releasedAt: 'released_at',
  decision: 'decision',
});

/**
 * The hold (answered or not) of the order whose label carries this tracking number: a parcel picked
 * after the backup that this database does not know, scanned at Dispatch or Pick.
 */
export function holdOfNumber(db: Sqlite, number: string): (HeldOrder & { releasedAt: string | null; decision: string | null }) | null {
  const r = stmt(
    db,
    'SELECT h.* FROM restore_holds h, json_each(h.numbers) n WHERE n.value = ? ORDER BY h.released_at IS NULL DESC, h.held_at DESC LIMIT 1',
  ).get(number) as Raw | undefined;
  return r ? toAnsweredHold(r) : null;
}

/** A job set aside after a restore, waiting for a supervisor's answer. */
export interface HeldJob {
  job: JobRow;
  /** the lane it came from */
  target: string;
  heldAt: string;
}

const toHeldJob = rowMapper<HeldJob>({ job: toJob, target: 'held_target', heldAt: 'held_at' });

export function heldJobs(db: Sqlite): HeldJob[] {
  return (
    stmt(
      db,
      `SELECT j.*, h.target AS held_target, h.held_at FROM restore_job_holds h JOIN jobs j ON j.id = h.job_id
       WHERE h.answered_at IS NULL AND j.status = 'queued' ORDER BY h.held_at, j.created_at`,
    ).all() as Raw[]
  ).map(toHeldJob);
}

/** The backup's door on the store: the restore state, the floors' sources, and the live file to copy. */
export function backupReader(db: Sqlite) {
  return {
    restorePending: () => restorePending(db),
    rangesForRestore: () => rangesForRestore(db),
    heldOrders: () => heldOrders(db),
    holdOfNumber: (number: string) => holdOfNumber(db, number),
    heldJobs: () => heldJobs(db),
    freePoolNumbers: () => freePoolNumbers(db),
    liveCounts: () => liveCounts(db),
    /** Another connection may read the file (not held exclusively): copy it off the main thread. */
    sharedFile: () => sharedFile(db),
    file: () => db.name,
    copy: (file: string, pagesPerStep: number, onProgress: (p: CopyProgress) => void) => copyDatabase(db, file, pagesPerStep, onProgress),
    /** The archive file attached beside the database (retention), or null (none, or in memory). */
    archiveFile: () => {
      const f = archiveOf(db);
      return f && f !== ':memory:' ? f : null;
    },
    copyArchive: (file: string) => copyArchive(db, file),
  };
}
