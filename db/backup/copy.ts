import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from '../core/open';

// better-sqlite3 takes the name of an attached database to copy (`attached`); its typings leave the option out.
declare module 'better-sqlite3' {
  interface BackupOptions {
    attached?: string;
  }
}

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

// What a copy holds, as plain SQL: run here (a preview) or by the check worker (a fresh copy).
const INSPECT = {
  station: "SELECT value FROM meta WHERE key = 'station_id'",
  events: 'SELECT count(*) AS n FROM events',
  ownEvents: 'SELECT count(*) AS n FROM events WHERE station = ?',
  maxOwnSeq: 'SELECT coalesce(max(station_seq), 0) AS n FROM events WHERE station = ?',
  parcels: 'SELECT count(*) AS n FROM parcels',
  lastEventAt: 'SELECT max(occurred_at) AS t FROM events',
  ranges: `SELECT r.id AS rangeId, r.line_id AS lineId, l.name AS lineName, r.params, r.first_serial AS firstSerial, r.last_serial AS lastSerial, r.next_serial AS nextSerial
           FROM number_ranges r JOIN carrier_lines l ON l.id = r.line_id ORDER BY l.name, r.first_serial`,
  blocks: "SELECT range_id AS rangeId, first, last, next FROM range_blocks WHERE station = ? AND state = 'leased'",
  pool: `SELECT p.line_id AS lineId, l.name AS lineName, sum(p.parcel_id IS NULL) AS free,
           (SELECT q.number FROM number_pool q WHERE q.line_id = p.line_id AND q.parcel_id IS NOT NULL ORDER BY q.pos DESC LIMIT 1) AS lastUsed
         FROM number_pool p JOIN carrier_lines l ON l.id = p.line_id GROUP BY p.line_id ORDER BY l.name`,
};

// One body for both places (plain JavaScript: the worker runs it from a string).
const INSPECT_BODY = `
  if (!readonly) db.pragma('journal_mode = DELETE');
  const integrity = db.pragma('integrity_check').map((r) => r.integrity_check).join('; ');
  const one = (sql, ...args) => db.prepare(sql).get(...args);
  const stationId = one(Q.station)?.value ?? null;
  return {
    integrity,
    stationId,
    events: one(Q.events).n,
    ownEvents: one(Q.ownEvents, stationId).n,
    maxOwnSeq: one(Q.maxOwnSeq, stationId).n,
    parcels: one(Q.parcels).n,
    lastEventAt: one(Q.lastEventAt).t,
    schemaVersion: db.pragma('user_version', { simple: true }),
    ranges: db.prepare(Q.ranges).all(),
    blocks: stationId ? db.prepare(Q.blocks).all(stationId) : [],
    pool: db.prepare(Q.pool).all(),
  };`;

const inspectWith = new Function('db', 'Q', 'readonly', INSPECT_BODY) as (db: Sqlite, q: typeof INSPECT, readonly: boolean) => CopyFacts;

/**
 * Open a copy, run SQLite's integrity check and count what it holds. A fresh copy is switched to
 * rollback-journal mode (one file, readable from a read-only share); `readonly` only looks.
 */
export function inspectCopy(file: string, readonly = false): CopyFacts {
  const db = new Database(file, { fileMustExist: true, readonly });
  try {
    return inspectWith(db, INSPECT, readonly);
  } finally {
    db.close();
  }
}

/** What a backed-up archive file (`<name>-archive.db`: old parcels' scans, polls, jobs) holds. */
export interface ArchiveFacts {
  integrity: string;
  rows: number;
}

// One body for the preview and the worker: the archive's integrity and its rows (tables it may not have yet count 0).
const ARCHIVE_BODY = `
  if (!readonly) db.pragma('journal_mode = DELETE');
  const integrity = db.pragma('integrity_check').map((r) => r.integrity_check).join('; ');
  let rows = 0;
  for (const t of ['monitor_scans', 'monitor_source_parcels', 'jobs'])
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t)) rows += db.prepare('SELECT count(*) AS n FROM ' + t).get().n;
  return { integrity, rows };`;

const inspectArchiveWith = new Function('db', 'readonly', ARCHIVE_BODY) as (db: Sqlite, readonly: boolean) => ArchiveFacts;

export function inspectArchive(file: string, readonly = false): ArchiveFacts {
  const db = new Database(file, { fileMustExist: true, readonly });
  try {
    return inspectArchiveWith(db, readonly);
  } finally {
    db.close();
  }
}

/**
 * The archive attached to the live connection, copied with SQLite's online backup (the main-thread path:
 * a full disk's exclusive lock). Copied after the station database, so it is never older than it: a
 * parcel's rows dropped from the hot database are already in the archive copy.
 */
export async function copyArchive(db: Sqlite, file: string): Promise<ArchiveFacts | null> {
  const attached = db.prepare("SELECT file FROM pragma_database_list WHERE name = 'archive'").get() as { file: string } | undefined;
  if (!attached?.file) return null;
  await db.backup(file, { attached: 'archive', progress: () => 256 });
  return inspectArchive(file);
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

/** A staged restore remembers, inside the copy itself, that its numbers wait for a supervisor's confirmation and its jobs for a check. */
export function markRestorePending(file: string, note: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    put.run('restore_pending', note);
    // Its queued jobs may have run after the backup: the first start holds them before the outbox runs.
    put.run('restore_jobs_unchecked', '1');
  } finally {
    db.close();
  }
}

/**
 * A copy restored at a station of a site: it may have pushed events after the backup. Its own sequence
 * continues far above them (`station_seq_floor`), so no event id is used twice, and the replicator pulls
 * them back from the server before the restore can be confirmed (`site_catchup_pending`).
 */
export function markSiteCatchUp(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const station = (db.prepare("SELECT value FROM meta WHERE key = 'station_id'").get() as { value: string } | undefined)?.value ?? '';
    const top = (db.prepare('SELECT coalesce(max(station_seq), 0) AS n FROM events WHERE station = ?').get(station) as { n: number }).n;
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    put.run('station_seq_floor', String(top + SEQ_JUMP));
    put.run('site_catchup_pending', '1');
  } finally {
    db.close();
  }
}

/** How far a restored site station's own sequence jumps: more events than a station writes between two backups. */
export const SEQ_JUMP = 1_000_000_000;

// Plain CommonJS run in a worker thread with its own read connection: a read transaction pins one
// snapshot of the database for the whole copy (WAL: the station keeps committing meanwhile, and
// SQLite does not restart the copy), then the copy is checked and made durable. The main thread only
// hears the progress, so a scan never waits behind a page copy, the integrity check or an fsync.
const BACKUP_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
(async () => {
  try {
    const src = new Database(workerData.source, { fileMustExist: true, readonly: true });
    let expected;
    try {
      src.pragma('busy_timeout = 5000');
      src.exec('BEGIN');
      expected = src.prepare('SELECT count(*) AS n FROM events').get().n;
      // Half duty: after each step, rest as long as it took, so the copy never takes a core from the picks.
      const rest = new Int32Array(new SharedArrayBuffer(4));
      let last = performance.now();
      // Written back step by step, not in one burst at the end that would hold up the picks' own fsyncs.
      let out = null;
      await src.backup(workerData.dest, { progress: (p) => {
        parentPort.postMessage({ progress: p });
        if (out === null) out = fs.openSync(workerData.dest, 'r');
        fs.fdatasyncSync(out);
        Atomics.wait(rest, 0, 0, Math.min(50, performance.now() - last));
        last = performance.now();
        return workerData.pages;
      } });
      src.exec('COMMIT');
      if (out !== null) fs.closeSync(out);
    } finally { src.close(); }
    parentPort.postMessage({ phase: 'checking' });
    const db = new Database(workerData.dest, { fileMustExist: true });
    let facts;
    try { facts = (function (db, Q, readonly) { ${INSPECT_BODY} })(db, workerData.queries, false); } finally { db.close(); }
    const fd = fs.openSync(workerData.dest, 'r'); fs.fsyncSync(fd); fs.closeSync(fd);
    // The archive beside the database, after it (never older than the station's copy), the same way: online backup, check, fsync.
    let archive = null;
    if (workerData.archive) {
      const a = new Database(workerData.archive.source, { fileMustExist: true, readonly: true });
      try { a.pragma('busy_timeout = 5000'); await a.backup(workerData.archive.dest); } finally { a.close(); }
      const ad = new Database(workerData.archive.dest, { fileMustExist: true });
      try { archive = (function (db, readonly) { ${ARCHIVE_BODY} })(ad, false); } finally { ad.close(); }
      const afd = fs.openSync(workerData.archive.dest, 'r'); fs.fsyncSync(afd); fs.closeSync(afd);
    }
    parentPort.postMessage({ done: true, facts, expected, archive });
  } catch (e) { parentPort.postMessage({ error: e.message }); }
})();`;

/**
 * The whole backup off the main thread: copy (SQLite's online backup), check, fsync. Resolves with
 * what the copy holds and the event count of the snapshot it was taken from.
 */
export function backupOffThread(
  source: string,
  dest: string,
  pagesPerStep: number,
  on: { progress: (p: CopyProgress) => void; checking: () => void },
  archive: { source: string; dest: string } | null = null,
): Promise<{ facts: CopyFacts; expected: number; archive: ArchiveFacts | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BACKUP_WORKER, {
      eval: true,
      workerData: { source, dest, archive, pages: pagesPerStep, queries: INSPECT, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    });
    worker.on(
      'message',
      (m: { progress?: CopyProgress; phase?: string; done?: boolean; facts?: CopyFacts; expected?: number; archive?: ArchiveFacts | null; error?: string }) => {
        if (m.progress) on.progress(m.progress);
        else if (m.phase) on.checking();
        else {
          void worker.terminate();
          if (m.error) reject(new Error(m.error));
          else resolve({ facts: m.facts!, expected: m.expected!, archive: m.archive ?? null });
        }
      },
    );
    worker.once('error', reject);
  });
}

/** Can another connection read this database (not in memory, not held exclusively on a full disk)? */
export function sharedFile(db: Sqlite): boolean {
  return !db.memory && String(db.pragma('locking_mode', { simple: true })).toLowerCase() !== 'exclusive';
}
