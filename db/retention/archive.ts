// The archive file beside the station database (`<name>-archive.db`), attached to the station's connection as
// `archive`: delivered parcels' bulky rows move there past the site's horizon. It holds copies of projection
// rows only; the event log stays whole in the hot database, so a rebuild needs no archive.
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import type { ArchivedRows } from './events';

const attached = new WeakMap<Sqlite, string | null>();

export const archiveFileOf = (dbFile: string) => join(dirname(dbFile), `${basename(dbFile).replace(/\.db$/, '')}-archive.db`);

const SCHEMA = `
CREATE TABLE IF NOT EXISTS archive.monitor_scans (
  parcel_id TEXT NOT NULL, status TEXT NOT NULL, scanned_at TEXT NOT NULL, learned_at TEXT NOT NULL, source_id TEXT NOT NULL,
  via TEXT NOT NULL, location TEXT, detail TEXT NOT NULL, archived_at TEXT NOT NULL,
  PRIMARY KEY (parcel_id, status, scanned_at)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive.monitor_source_parcels (
  source_id TEXT NOT NULL, parcel_id TEXT NOT NULL, registered_at TEXT, rejected TEXT, last_polled_at TEXT, queued_until TEXT,
  archived_at TEXT NOT NULL, PRIMARY KEY (source_id, parcel_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive.jobs (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, ref TEXT, payload TEXT NOT NULL, status TEXT NOT NULL,
  attempts INTEGER NOT NULL, next_at TEXT NOT NULL, last_error TEXT, result TEXT, created_at TEXT NOT NULL, done_at TEXT,
  archived_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS archive.jobs_ref ON jobs (ref);
`;

/**
 * Attach the archive beside a station database (a file database: its own file; in memory: a memory one).
 * Its own WAL, folded back at the end of each run (`checkpointArchive`): the connection's automatic
 * checkpoints are off (db/core/open.ts). Its commits skip the fsync: each batch's copy is flushed by
 * `flushArchive` off the console's thread, before the hot rows go.
 */
export function attachArchive(db: Sqlite): string | null {
  if (attached.has(db)) return attached.get(db)!;
  const file = db.memory || !db.name || db.name === ':memory:' ? ':memory:' : archiveFileOf(db.name);
  try {
    db.prepare('ATTACH DATABASE ? AS archive').run(file);
    db.pragma('archive.journal_mode = WAL');
    db.pragma('archive.synchronous = NORMAL');
    db.exec(SCHEMA);
    attached.set(db, file);
  } catch {
    attached.set(db, null); // a full disk or a read-only folder: batches wait; nothing is deleted without its copy
  }
  return attached.get(db)!;
}

/**
 * Make the archive's last commit durable without holding the console's thread: its WAL file flushed by
 * the thread pool (what synchronous FULL would do inside the commit, 10-35 ms on a busy disk).
 */
export async function flushArchive(db: Sqlite): Promise<void> {
  const file = archiveOf(db);
  if (!file || file === ':memory:') return;
  const wal = await open(`${file}-wal`, 'r+').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null; // nothing written to it since it was folded back
    throw e;
  });
  if (!wal) return;
  try {
    await wal.sync();
  } finally {
    await wal.close();
  }
}

/** Fold the archive's WAL into its file (after a run). */
export function checkpointArchive(db: Sqlite): void {
  if (archiveOf(db)) db.pragma('archive.wal_checkpoint(TRUNCATE)');
}

/** The archive attached to this connection (its file), or null. */
export const archiveOf = (db: Sqlite): string | null => attached.get(db) ?? null;

const inList = (ids: string[]) => ids.map(() => '?').join(',');

/** The size of what these parcels' bulky rows hold (their text, as stored). */
export function bulkOf(db: Sqlite, parcelIds: string[]): { rows: ArchivedRows; bytes: number } {
  const q = inList(parcelIds);
  const scans = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(length(parcel_id) + length(status) + length(scanned_at) + length(learned_at) + length(source_id) + length(via) + coalesce(length(location), 0) + length(detail)), 0) AS b FROM monitor_scans WHERE parcel_id IN (${q})`,
    )
    .get(...parcelIds) as { n: number; b: number };
  const polls = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(length(source_id) + length(parcel_id) + 80), 0) AS b FROM monitor_source_parcels WHERE parcel_id IN (${q})`)
    .get(...parcelIds) as { n: number; b: number };
  const jobs = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(length(id) + length(kind) + length(target) + length(payload) + coalesce(length(result), 0) + coalesce(length(last_error), 0) + 80), 0) AS b
       FROM jobs INDEXED BY jobs_ref WHERE ref IN (${q}) AND status = 'done'`,
    )
    .get(...parcelIds) as { n: number; b: number };
  return { rows: { scans: scans.n, polls: polls.n, jobs: jobs.n }, bytes: scans.b + polls.b + jobs.b };
}

/** Copy these parcels' bulky rows into the archive (a row already there is left as it is: never twice). */
export function copyToArchive(db: Sqlite, parcelIds: string[], at: string): void {
  if (!archiveOf(db) || !parcelIds.length) return;
  const q = inList(parcelIds);
  db.prepare(
    `INSERT OR IGNORE INTO archive.monitor_scans SELECT parcel_id, status, scanned_at, learned_at, source_id, via, location, detail, ? FROM main.monitor_scans WHERE parcel_id IN (${q})`,
  ).run(at, ...parcelIds);
  db.prepare(
    `INSERT OR IGNORE INTO archive.monitor_source_parcels SELECT source_id, parcel_id, registered_at, rejected, last_polled_at, queued_until, ? FROM main.monitor_source_parcels WHERE parcel_id IN (${q})`,
  ).run(at, ...parcelIds);
  db.prepare(
    `INSERT OR IGNORE INTO archive.jobs SELECT id, kind, target, ref, payload, status, attempts, next_at, last_error, result, created_at, done_at, ? FROM main.jobs INDEXED BY jobs_ref WHERE ref IN (${q}) AND status = 'done'`,
  ).run(at, ...parcelIds);
}

/** Take the rows out of the hot database (the retention.archived projection, after the copy). */
export function dropFromHot(db: Sqlite, parcelIds: string[], at: string): void {
  const q = inList(parcelIds);
  db.prepare(`DELETE FROM main.monitor_scans WHERE parcel_id IN (${q})`).run(...parcelIds);
  db.prepare(`DELETE FROM main.monitor_source_parcels WHERE parcel_id IN (${q})`).run(...parcelIds);
  // By the parcel (jobs_ref): without statistics the planner takes the status index and reads every done job.
  db.prepare(`DELETE FROM main.jobs INDEXED BY jobs_ref WHERE ref IN (${q}) AND status = 'done'`).run(...parcelIds);
  const mark = stmt(db, 'UPDATE main.monitor_tracking SET archived_at = ? WHERE parcel_id = ?');
  for (const id of parcelIds) mark.run(at, id);
}

/** A parcel's scans kept in the archive (its timeline after retention). */
export function archivedScans(db: Sqlite, parcelId: string): Array<Record<string, unknown>> {
  if (!archiveOf(db)) return [];
  return stmt(db, 'SELECT * FROM archive.monitor_scans WHERE parcel_id = ? ORDER BY scanned_at, status').all(parcelId) as Array<Record<string, unknown>>;
}

/** The archive's size on disk, and what the runs moved into it (from the runs' own totals: no count over the archive). */
export function archiveStats(db: Sqlite): { file: string | null; parcels: number; rows: number; bytes: number } {
  const file = archiveOf(db);
  if (!file) return { file: null, parcels: 0, rows: 0, bytes: 0 };
  const t = stmt(db, 'SELECT coalesce(sum(parcels), 0) AS parcels, coalesce(sum(rows), 0) AS rows FROM retention_runs').get() as {
    parcels: number;
    rows: number;
  };
  const pages = db.pragma('archive.page_count', { simple: true }) as number;
  const size = db.pragma('archive.page_size', { simple: true }) as number;
  return { file: file === ':memory:' ? null : file, parcels: t.parcels, rows: t.rows, bytes: pages * size };
}
