import Database from 'better-sqlite3';
import type { Sqlite } from '../open';

export interface CopyProgress {
  totalPages: number;
  remainingPages: number;
}

/**
 * SQLite's online backup of the live database into `file`, a few pages per step between the event
 * loop's turns: a scan waits at most one step. Writes made meanwhile through the same connection are
 * carried into the copy by SQLite itself, so the copy is one consistent moment (never a file copy of
 * a live WAL database).
 */
export async function copyDatabase(db: Sqlite, file: string, pagesPerStep: number, onProgress: (p: CopyProgress) => void): Promise<void> {
  await db.backup(file, {
    progress: (p) => {
      onProgress(p);
      return pagesPerStep;
    },
  });
}

/** What a backup holds, read from the copy itself (opened read-write: it is the backup's own file). */
export interface CopyFacts {
  integrity: string;
  stationId: string | null;
  events: number;
  ownEvents: number;
  maxOwnSeq: number;
  parcels: number;
  lastEventAt: string | null;
  schemaVersion: number;
  ranges: Array<{ rangeId: string; lineId: string; lineName: string; params: string; firstSerial: number; lastSerial: number; nextSerial: number }>;
  blocks: Array<{ rangeId: string; first: number; last: number; next: number }>;
  pool: Array<{ lineId: string; lineName: string; free: number; lastUsed: string | null }>;
}

/**
 * Open a copy, run SQLite's integrity check and count what it holds. A fresh copy is switched to
 * rollback-journal mode (one file, readable from a read-only share); `readonly` only looks.
 */
export function inspectCopy(file: string, readonly = false): CopyFacts {
  const db = new Database(file, { fileMustExist: true, readonly });
  try {
    if (!readonly) db.pragma('journal_mode = DELETE');
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
    const stationId = one<{ value: string } | undefined>("SELECT value FROM meta WHERE key = 'station_id'")?.value ?? null;
    return {
      integrity,
      stationId,
      events: one<{ n: number }>('SELECT count(*) AS n FROM events').n,
      ownEvents: one<{ n: number }>('SELECT count(*) AS n FROM events WHERE station = ?', stationId).n,
      maxOwnSeq: one<{ n: number }>('SELECT coalesce(max(station_seq), 0) AS n FROM events WHERE station = ?', stationId).n,
      parcels: one<{ n: number }>('SELECT count(*) AS n FROM parcels').n,
      lastEventAt: one<{ t: string | null }>('SELECT max(occurred_at) AS t FROM events').t,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      ranges: db
        .prepare(
          `SELECT r.id AS rangeId, r.line_id AS lineId, l.name AS lineName, r.params, r.first_serial AS firstSerial, r.last_serial AS lastSerial, r.next_serial AS nextSerial
           FROM number_ranges r JOIN carrier_lines l ON l.id = r.line_id ORDER BY l.name, r.first_serial`,
        )
        .all() as CopyFacts['ranges'],
      blocks: stationId
        ? (db.prepare("SELECT range_id AS rangeId, first, last, next FROM range_blocks WHERE station = ? AND state = 'leased'").all(stationId) as CopyFacts['blocks'])
        : [],
      pool: db
        .prepare(
          `SELECT p.line_id AS lineId, l.name AS lineName, sum(p.parcel_id IS NULL) AS free,
             (SELECT q.number FROM number_pool q WHERE q.line_id = p.line_id AND q.parcel_id IS NOT NULL ORDER BY q.pos DESC LIMIT 1) AS lastUsed
           FROM number_pool p JOIN carrier_lines l ON l.id = p.line_id GROUP BY p.line_id ORDER BY l.name`,
        )
        .all() as CopyFacts['pool'],
    };
  } finally {
    db.close();
  }
}

/** The live database's own event count and station, to compare a fresh copy with. */
export function liveCounts(db: Sqlite): { events: number; parcels: number } {
  return {
    events: (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    parcels: (db.prepare('SELECT count(*) AS n FROM parcels').get() as { n: number }).n,
  };
}

/** Pool numbers of a line that are still free (a restore spends those seen on labels or in Shopify). */
export function freePoolNumbers(db: Sqlite): Array<{ lineId: string; number: string }> {
  return db.prepare('SELECT line_id AS lineId, number FROM number_pool WHERE parcel_id IS NULL').all() as Array<{ lineId: string; number: string }>;
}

/** A staged restore remembers, inside the copy itself, that its numbers wait for a supervisor's confirmation. */
export function markRestorePending(file: string, note: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare("INSERT INTO meta (key, value) VALUES ('restore_pending', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(note);
  } finally {
    db.close();
  }
}
