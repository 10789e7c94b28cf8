// The archive copy of a retention batch, on a worker thread with a connection of its own: the archive file
// (as its main database) with the station database attached as `hot`, read only by the copy. Its commit
// and the fsync that makes it durable never hold the console's thread, where a scan waits; the worker's
// own automatic checkpoints keep the archive's WAL short, off that thread too.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from '../core/open';

/** Statements of one transaction, each with its arguments. */
export type Statements = Array<[sql: string, args: unknown[]]>;

// Plain CommonJS, evaluated in the worker (like the checkpointer in db/core/open.ts).
const COPIER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.archive, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.prepare('ATTACH DATABASE ? AS hot').run(workerData.hot);
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  try {
    if (m.checkpoint) db.pragma('main.wal_checkpoint(TRUNCATE)');
    else db.transaction(() => { for (const [sql, args] of m.statements) db.prepare(sql).run(...args); })();
    parentPort.postMessage({ id: m.id, ok: true });
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, code: e.code, message: e.message });
  }
});`;

export interface ArchiveCopier {
  /** Run the statements in one transaction of the archive (schemas: `main` the archive, `hot` the station database). */
  run(statements: Statements): Promise<void>;
  /** Fold the archive's WAL into its file. */
  checkpoint(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A copier for a station database with its archive file, or null where a second connection cannot open
 * them (in memory; exclusive locking on a full disk): the caller then copies on its own connection.
 */
export function startCopier(db: Sqlite, archiveFile: string): ArchiveCopier | null {
  const exclusive = String(db.pragma('locking_mode', { simple: true })).toLowerCase() === 'exclusive';
  if (db.memory || exclusive || archiveFile === ':memory:') return null;
  const worker = new Worker(COPIER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), archive: archiveFile, hot: db.name },
  });
  worker.unref();
  let next = 0;
  let stopped = false;
  const waiting = new Map<number, { ok: () => void; fail: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.fail(err);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; ok: boolean; code?: string; message?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (!waiting.size) worker.unref();
    if (m.ok) w?.ok();
    else w?.fail(Object.assign(new Error(m.message), { code: m.code }));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', () => failAll(new Error('The archive copier stopped (the station is closing): the batch is done again at the next start.')));
  const send = (m: object) =>
    new Promise<void>((ok, fail) => {
      if (stopped) return fail(new Error('The archive copier is stopped (the station is closing): the batch is done again at the next start.'));
      const id = ++next;
      waiting.set(id, { ok, fail });
      worker.ref(); // a job awaiting its copy keeps the process up (a CLI run, a bench)
      worker.postMessage({ id, ...m });
    });
  return {
    run: (statements) => send({ statements }),
    checkpoint: () => send({ checkpoint: true }),
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((ok) => worker.once('exit', () => ok()));
      worker.ref(); // the close awaits the worker's own
      worker.postMessage('stop');
      await exited;
    },
  };
}
