import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PRAGMAS } from '../db/core/open';
import { summarize } from './stats';

/** The console checkpoints on a 1 s timer between scans; benches do it every 100 operations, untimed. */
export const CHECKPOINT_EVERY = 100;

type CheckpointRow = { busy: number; log: number; checkpointed: number };

/**
 * WAL frames (pages) written between the bench's checkpoints, read off what each checkpoint reports:
 * after a complete checkpoint the next commit restarts the WAL, so its frame count starts from zero.
 */
export function walPages() {
  let frames = 0;
  let last: CheckpointRow | null = null;
  return {
    /** Run the bench's untimed checkpoint and count the frames written since the previous one (returned too). */
    checkpoint(db: Database.Database): number {
      const [r] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
      const added = !last || last.checkpointed === last.log ? r.log : r.log - last.log;
      frames += added;
      last = r;
      return added;
    },
    get frames() {
      return frames;
    },
  };
}

/**
 * The floor as a probe to interleave with the measured operation: each `sample()` is one durable
 * insert in its own transaction, so floor and operation see the same load on a noisy machine.
 */
export function floorProbe() {
  const dir = mkdtempSync(join(tmpdir(), 'fs-floor-'));
  const db = new Database(join(dir, 'floor.db'));
  for (const p of PRAGMAS) db.pragma(p);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = db.transaction((v: string) => ins.run(v));
  const times: number[] = [];
  const wal = walPages();
  return {
    sample(): void {
      if (times.length % CHECKPOINT_EVERY === 0) wal.checkpoint(db);
      const t0 = performance.now();
      tx.immediate(`row ${times.length}`);
      times.push(performance.now() - t0);
    },
    done() {
      wal.checkpoint(db);
      db.close();
      rmSync(dir, { recursive: true, force: true });
      return { ...summarize(times), pagesPerCommit: wal.frames / Math.max(1, times.length) };
    },
  };
}

/** The floor: one durable insert in its own transaction, same pragmas as the console. */
export function durableInsertFloor(samples = 3000) {
  const probe = floorProbe();
  for (let i = 0; i < samples; i++) probe.sample();
  return probe.done();
}
