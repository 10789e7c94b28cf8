import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PRAGMAS } from '../db/open';
import { summarize } from './stats';

/** The console checkpoints on a 1 s timer between scans; benches do it every 100 operations, untimed. */
export const CHECKPOINT_EVERY = 100;

/** The floor: one durable insert in its own transaction, same pragmas as the console. */
export function durableInsertFloor(samples = 3000) {
  const dir = mkdtempSync(join(tmpdir(), 'fs-floor-'));
  const db = new Database(join(dir, 'floor.db'));
  for (const p of PRAGMAS) db.pragma(p);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = db.transaction((v: string) => ins.run(v));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
    const t0 = performance.now();
    tx.immediate(`row ${i}`);
    times.push(performance.now() - t0);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return summarize(times);
}
