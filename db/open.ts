import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations';

export type Sqlite = Database.Database;

export interface OpenOptions {
  /** ':memory:' for tests. */
  file: string;
  readonly?: boolean;
  /**
   * Keep the WAL index in this process's memory instead of a -shm file (locking_mode EXCLUSIVE): how a
   * station opens on a full disk, where the -shm file cannot be made. No other process may then open it.
   */
  exclusive?: boolean;
}

/**
 * Durable pragmas: a scan that turned green survives a power cut. Checkpoints are not left to the
 * commit that happens to cross the WAL limit (a scan would wait for it): `startCheckpointer` runs
 * them between scans.
 */
export const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000', 'foreign_keys = ON', 'wal_autocheckpoint = 0', 'cache_size = -65536'];

export function openSqlite({ file, readonly = false, exclusive = false }: OpenOptions): Sqlite {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { readonly });
  try {
    if (exclusive) db.pragma('locking_mode = EXCLUSIVE');
    for (const p of PRAGMAS) db.pragma(p);
  } catch (err) {
    db.close();
    throw err;
  }
  if (!readonly) migrate(db);
  return db;
}

export function migrate(db: Sqlite): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return pending.length;
}

/**
 * Copy committed WAL pages into the database now and then, off the scan path. A checkpoint that
 * fails (a full disk) is reported and tried again next time; it never ends the process.
 */
export function startCheckpointer(db: Sqlite, everyMs = 1000, onError: (err: unknown) => void = () => undefined): () => void {
  const t = setInterval(() => {
    try {
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      onError(err);
    }
  }, everyMs);
  t.unref();
  return () => clearInterval(t);
}

/** Fold the WAL back into the main file; called on quit. */
export function checkpoint(db: Sqlite): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
