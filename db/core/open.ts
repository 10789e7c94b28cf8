import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import { migrations } from '../migrations';

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

/**
 * Whether the checkpointer truncates the log now, after its PASSIVE copy (`log` frames, `checkpointed` of
 * them copied): once a copy has caught up, the next write starts the log again from its beginning, so the
 * file stops growing; a file grown past the limit is truncated when the station is quiet (the copy caught up
 * and nothing was committed for a whole tick: `written` is false). TRUNCATE takes the write lock and, on a
 * disk that discards freed blocks, holds it while tens of megabytes are discarded: a writer (the console's
 * thread, a scan) waited 100-350 ms behind it. Only a file past 16 times the limit is truncated while
 * writes go on (once nearly caught up): writes that never pause, for hours.
 */
export function shouldTruncate(t: { bytes: number; limitBytes: number; log: number; checkpointed: number; written: boolean }): boolean {
  const caughtUp = t.log === t.checkpointed;
  if (t.bytes > t.limitBytes && caughtUp && !t.written) return true;
  return t.bytes > 16 * t.limitBytes && t.log - t.checkpointed < 256;
}

// Plain CommonJS run in a worker thread: its own connection to the same file, checkpointing on request.
// Each tick copies what it can without holding anyone up (PASSIVE), then truncates when `shouldTruncate`
// says so (data_version tells when another connection last committed: a writer's requests come faster
// than the interval, so "since the last tick" is not quiet). It waits at most 100 ms for a writer, else
// it tries again at the next tick.
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// Its own writes skip the commit's fsync: the one it makes only starts the log again (below).
db.pragma('synchronous = NORMAL');
const restart = db.prepare("INSERT INTO meta (key, value) VALUES ('log_restarted_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
const walBytes = () => { try { return statSync(workerData.file + '-wal').size; } catch { return 0; } };
const shouldTruncate = ${shouldTruncate.toString()};
let lastVersion = -1;
let changedAt = Date.now();
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  try {
    const [p] = db.pragma('wal_checkpoint(PASSIVE)');
    const before = walBytes();
    const version = db.pragma('data_version', { simple: true });
    if (version !== lastVersion) changedAt = Date.now();
    let truncated = false;
    if (shouldTruncate({ bytes: before, limitBytes: workerData.limitBytes, log: p.log, checkpointed: p.checkpointed, written: Date.now() - changedAt < workerData.quietMs })) {
      db.pragma('busy_timeout = 100');
      try { const [t] = db.pragma('wal_checkpoint(TRUNCATE)'); truncated = t.busy === 0; }
      finally { db.pragma('busy_timeout = 5000'); }
    }
    lastVersion = version;
    // A copy that caught up lets the next write start the log again, and that write fsyncs the log's new
    // header even when it skips its own: made here, on this thread, not by a scan or a monitor step. Only
    // if others wrote since (more than this write's own frame), and never waiting for the write lock.
    if (!truncated && p.busy === 0 && p.log > 1 && p.checkpointed === p.log) {
      db.pragma('busy_timeout = 0');
      try { restart.run(new Date().toISOString()); }
      catch (e) { if (e.code !== 'SQLITE_BUSY' && e.code !== 'SQLITE_FULL') throw e; }
      finally { db.pragma('busy_timeout = 5000'); }
    }
    parentPort.postMessage({ ok: true, before, after: walBytes(), truncated, log: truncated ? 0 : p.log, checkpointed: truncated ? 0 : p.checkpointed });
  }
  catch (e) { parentPort.postMessage({ ok: false, code: e.code, message: e.message }); }
});`;

/** The WAL file's size now, the largest seen by the checkpointer since start, and its last truncation. */
export interface WalStatus {
  bytes: number;
  maxBytes: number;
  limitBytes: number;
  truncations: number;
  lastTruncatedAt: string | null;
}

/** Above this the checkpointer truncates the WAL once its copy has caught up (issue 16: bounded under steady picking). */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

const walStatuses = new WeakMap<Sqlite, WalStatus>();

/** Per connection with a checkpoint worker: whether its log is past the limit and not copied yet, and a way to wait for a copy. */
const logRooms = new WeakMap<Sqlite, { behind(): boolean; copy(): Promise<void>; awaited(): boolean }>();

/**
 * For a writer that goes on for many steps (the monitor's first pass, an archive run): resolves at once
 * while the log is within its limit (or copied up), else after the checkpointer copied what is there. The
 * writer waits, not the console: a scan still goes meanwhile. The copy catches up while nothing else is
 * written, so the next write starts the log again from its beginning: the log stays near its limit
 * without a TRUNCATE, which would hold every writer.
 */
export function logRoom(db: Sqlite): Promise<void> {
  const room = logRooms.get(db);
  return room?.behind() ? room.copy() : Promise.resolve();
}

/**
 * True while a long writer waits for a copy (`logRoom`): a background writer (the search index) waits
 * too, so the long writer's next write, after the copy, can start the log again. Writing in between, it
 * kept the log from ever starting again, and a first pass grew it to 158 MB.
 */
export function copyAwaited(db: Sqlite): boolean {
  return logRooms.get(db)?.awaited() ?? false;
}

export function walStatus(db: Sqlite): WalStatus {
  const s = walStatuses.get(db) ?? { bytes: 0, maxBytes: 0, limitBytes: WAL_LIMIT_BYTES, truncations: 0, lastTruncatedAt: null };
  const bytes = db.memory ? 0 : walFileBytes(db.name);
  return { ...s, bytes, maxBytes: Math.max(s.maxBytes, bytes) };
}

/** The main database file's size (pages in use and free). */
export function databaseBytes(db: Sqlite): number {
  return db.memory ? 0 : Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
}

function walFileBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * The checkpointer on a worker thread with its own connection: copying a burst of WAL pages (an
 * import of 100k orders writes megabytes) into the database never holds up a scan on the main
 * thread. Where a second connection cannot open the file (in-memory, exclusive locking on a full
 * disk) it runs in-process (startCheckpointer).
 */
export function startCheckpointWorker(
  db: Sqlite,
  everyMs = 1000,
  onError: (err: unknown) => void = () => undefined,
  limitBytes = WAL_LIMIT_BYTES,
): () => Promise<void> {
  const exclusive = String(db.pragma('locking_mode', { simple: true })).toLowerCase() === 'exclusive';
  if (db.memory || exclusive) {
    const stop = startCheckpointer(db, everyMs, onError);
    return async () => stop();
  }
  let busy = false;
  let stopped = false;
  const status: WalStatus = { bytes: 0, maxBytes: 0, limitBytes, truncations: 0, lastTruncatedAt: null };
  walStatuses.set(db, status);
  // What the last copy found (frames in the log, frames copied, the file's size); before the first, unknown: not copied.
  let log = { frames: 1, copied: 0, bytes: 0 };
  // A writer waits for a copy that began after it asked: one already under way misses its newest pages.
  let posted = 0;
  let again = false;
  let waiting: Array<{ copy: number; ok: () => void }> = [];
  const tick = () => {
    if (stopped) return;
    if (busy) return void (again = true);
    busy = true;
    posted++;
    worker.postMessage('checkpoint');
  };
  logRooms.set(db, {
    // A file that grew since the last copy holds pages that copy did not see: a long writer that only
    // looked at the copy's counts went on writing, and the log reached 190 MB in a first pass.
    behind: () => {
      if (stopped) return false;
      const bytes = walFileBytes(db.name);
      return bytes > limitBytes && (log.copied < log.frames || bytes > log.bytes);
    },
    awaited: () => waiting.length > 0,
    copy: () =>
      new Promise<void>((ok) => {
        const entry = { copy: posted + 1, ok };
        waiting.push(entry);
        // A worker that stopped answering never holds a writer (or the search mover) for long.
        setTimeout(() => ((waiting = waiting.filter((w) => w !== entry)), ok()), 2000).unref();
        tick();
      }),
  });
  /** The copy `upTo` answered (all of them: stopping, a failed worker). */
  const answered = (upTo = Infinity) => {
    const done = waiting.filter((w) => w.copy <= upTo);
    waiting = waiting.filter((w) => w.copy > upTo);
    done.forEach((w) => w.ok());
  };
  const worker = new Worker(CHECKPOINT_WORKER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, limitBytes, quietMs: everyMs },
  });
  worker.unref();
  worker.on(
    'message',
    (m: { ok: boolean; code?: string; message?: string; before?: number; after?: number; truncated?: boolean; log?: number; checkpointed?: number }) => {
      busy = false;
      answered(posted);
      if (again) ((again = false), tick());
      if (!m.ok) return onError(Object.assign(new Error(m.message), { code: m.code }));
      log = { frames: m.log ?? 0, copied: m.checkpointed ?? 0, bytes: m.after ?? 0 };
      status.maxBytes = Math.max(status.maxBytes, m.before ?? 0, m.after ?? 0);
      status.bytes = m.after ?? 0;
      if (m.truncated) (status.truncations++, (status.lastTruncatedAt = new Date().toISOString()));
    },
  );
  worker.on('error', (err) => {
    busy = false;
    answered();
    if (!stopped) onError(err);
  });
  const t = setInterval(tick, everyMs);
  t.unref();
  const exited = new Promise<void>((ok) => worker.once('exit', () => ok()));
  // Resolves once the worker closed its connection (at most 2 s): a copy or a write of its own under way
  // ends first, so the station's own close is the last and nothing touches the files after it.
  return () => {
    if (!stopped) {
      stopped = true;
      clearInterval(t);
      answered();
      // Held until it is gone: a process with nothing else to do would otherwise end before it closed.
      worker.ref();
      worker.postMessage('stop');
    }
    let cap: NodeJS.Timeout | undefined;
    return Promise.race([exited, new Promise<void>((ok) => (cap = setTimeout(ok, 2000)))]).finally(() => clearTimeout(cap));
  };
}

/** Fold the WAL back into the main file; called on quit. */
export function checkpoint(db: Sqlite): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
