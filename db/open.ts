import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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
export const PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'busy_timeout = 5000',
  'foreign_keys = ON',
  'wal_autocheckpoint = 0',
  'cache_size = -65536',
];

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

// Plain CommonJS run in a worker thread: its own connection to the same file, checkpointing on request.
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  try { db.pragma('wal_checkpoint(PASSIVE)'); parentPort.postMessage({ ok: true }); }
  catch (e) { parentPort.postMessage({ ok: false, code: e.code, message: e.message }); }
});`;

/**
 * The checkpointer on a worker thread with its own connection: copying a burst of WAL pages (an
 * import of 100k orders writes megabytes) into the database never holds up a scan on the main
 * thread. Where a second connection cannot open the file (in-memory, exclusive locking on a full
 * disk) it runs in-process (startCheckpointer).
 */
export function startCheckpointWorker(db: Sqlite, everyMs = 1000, onError: (err: unknown) => void = () => undefined): () => void {
  const exclusive = String(db.pragma('locking_mode', { simple: true })).toLowerCase() === 'exclusive';
  if (db.memory || exclusive) return startCheckpointer(db, everyMs, onError);
  let busy = false;
  let stopped = false;
  const worker = new Worker(CHECKPOINT_WORKER, { eval: true, workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name } });
  worker.unref();
  worker.on('message', (m: { ok: boolean; code?: string; message?: string }) => {
    busy = false;
    if (!m.ok) onError(Object.assign(new Error(m.message), { code: m.code }));
  });
  worker.on('error', (err) => {
    busy = false;
    if (!stopped) onError(err);
  });
  const t = setInterval(() => {
    if (busy || stopped) return;
    busy = true;
    worker.postMessage('checkpoint');
  }, everyMs);
  t.unref();
  return () => {
    stopped = true;
    clearInterval(t);
    worker.postMessage('stop');
  };
}

/** Fold the WAL back into the main file; called on quit. */
export function checkpoint(db: Sqlite): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
