import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyAwaited, logRoom, openSqlite, shouldTruncate, startCheckpointWorker, walStatus, type Sqlite } from '../../../db/core/open';
import { tempDir } from '../../support/app';

const walOf = (file: string) => statSync(`${file}-wal`).size;

/** A station file with a table `t` and a checkpoint worker ticking every `everyMs`, for `fn`; then closed and removed. */
async function withWorker(everyMs: number, limit: number, fn: (db: Sqlite, file: string, ins: (v: string) => void) => Promise<void>) {
  const dir = tempDir('fs-wal-');
  const file = join(dir, 'station.db');
  const db = openSqlite({ file });
  const stop = startCheckpointWorker(
    db,
    everyMs,
    (e) => {
      throw e;
    },
    limit,
  );
  try {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const q = db.prepare('INSERT INTO t (v) VALUES (?)');
    await fn(db, file, (v) => db.transaction(() => q.run(v))());
  } finally {
    await stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the write-ahead log under steady writes', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('stays bounded: the checkpointer truncates it once past the limit, between writes, and reports its size', async () => {
    const dir = tempDir('fs-wal-');
    dirs.push(dir);
    const file = join(dir, 'station.db');
    const db = openSqlite({ file });
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const limit = 512 * 1024;
    const stop = startCheckpointWorker(
      db,
      20,
      (e) => {
        throw e;
      },
      limit,
    );
    const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
    const row = 'x'.repeat(8000);
    // The checkpointer is a worker thread, slow to start on a loaded machine: fill the WAL past the limit once
    // and wait for the first truncation, as on a station that has been up for more than a second.
    for (let i = 0; i < 80; i++) db.transaction(() => ins.run(row))();
    for (let waited = 0; walStatus(db).truncations === 0; waited += 10) {
      if (waited > 20_000) throw new Error('the checkpoint worker never truncated the log');
      await new Promise((r) => setTimeout(r, 10));
    }
    let max = 0;
    // Steady writes, a few a millisecond apart: without truncation the WAL only ever grows (about 12 MB here,
    // past the cap of 8 MB).
    for (let i = 0; i < 1500; i++) {
      db.transaction(() => ins.run(row))();
      max = Math.max(max, walOf(file));
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 200));
    const s = walStatus(db);
    await stop();
    db.close();
    expect(s.lastTruncatedAt).not.toBeNull();
    expect(s.maxBytes).toBeGreaterThanOrEqual(limit);
    // Writes that never pause for a whole tick: only the cap at 16 times the limit truncates.
    expect(max).toBeLessThan(17 * limit);
    expect(s.bytes).toBeLessThan(17 * limit);
  });
});

describe('when the checkpointer truncates the log', () => {
  const limitBytes = 16 * 1024 * 1024;
  const mb = 1024 * 1024;

  it('not while the station writes, below 16 times the limit: a truncation holds every writer, a scan too', () => {
    // Caught up, but something was committed within the last tick.
    expect(shouldTruncate({ bytes: 40 * mb, limitBytes, log: 900, checkpointed: 900, written: true })).toBe(false);
    expect(shouldTruncate({ bytes: 40 * mb, limitBytes, log: 900, checkpointed: 700, written: true })).toBe(false);
    // A first pass grew the file to 49 MB: truncating it while the pass wrote held the pass's steps 100-350 ms.
    expect(shouldTruncate({ bytes: 49 * mb, limitBytes, log: 12_000, checkpointed: 11_900, written: true })).toBe(false);
  });

  it('when the station is quiet: the copy caught up and nothing committed for a whole tick', () => {
    expect(shouldTruncate({ bytes: 17 * mb, limitBytes, log: 900, checkpointed: 900, written: false })).toBe(true);
    // Not caught up (a reader holds an old snapshot): nothing to gain yet.
    expect(shouldTruncate({ bytes: 17 * mb, limitBytes, log: 900, checkpointed: 100, written: false })).toBe(false);
    // Under the limit: the log is reused from its beginning, the file left as it is.
    expect(shouldTruncate({ bytes: 15 * mb, limitBytes, log: 900, checkpointed: 900, written: false })).toBe(false);
  });

  it('past 16 times the limit even while writes go on, once nearly caught up (the bound if writes never pause)', () => {
    expect(shouldTruncate({ bytes: 257 * mb, limitBytes, log: 65_000, checkpointed: 64_900, written: true })).toBe(true);
    expect(shouldTruncate({ bytes: 257 * mb, limitBytes, log: 65_000, checkpointed: 60_000, written: true })).toBe(false);
  });

  it('a worker truncates a log past the limit once the station went quiet', () =>
    withWorker(20, 512 * 1024, async (db, file, ins) => {
      while (walOf(file) <= 512 * 1024) ins('x'.repeat(8000));
      expect(walOf(file)).toBeLessThan(3 * 512 * 1024);
      for (let waited = 0; walStatus(db).truncations === 0; waited += 10) {
        if (waited > 20_000) throw new Error('the log was never truncated once the station was quiet');
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(walOf(file)).toBe(0);
    }));
});

describe('a long writer between its steps (logRoom)', () => {
  it('waits for the checkpointer to copy a log past its limit, so its next writes start the log again instead of growing it', () =>
    // No tick of its own within the test: only the writer's request copies.
    withWorker(600_000, 512 * 1024, async (db, file, ins) => {
      while (walOf(file) <= 512 * 1024) ins('x'.repeat(8000));
      const size = walOf(file);
      await logRoom(db);
      for (let i = 0; i < 5; i++) ins('y');
      expect(walOf(file)).toBe(size);
      // Within its limit (or copied up) it does not wait for a copy at all.
      let copied = false;
      void logRoom(db).then(() => (copied = true));
      await Promise.resolve();
      expect(copied).toBe(true);
    }));
});

describe('the write that starts the log again', () => {
  it("is the checkpointer's own, right after a copy caught up: the station's next write finds the log started", () =>
    withWorker(20, 64 * 1024 * 1024, async (db, _file, ins) => {
      for (let i = 0; i < 40; i++) ins(`row ${i}`);
      const frames = () => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0].log;
      const restarted = () => db.prepare("SELECT value FROM meta WHERE key = 'log_restarted_at'").get();
      // A few ticks: a copy catches up, then the worker writes one row of its own (its header's fsync is on its thread).
      for (let waited = 0; !restarted() || frames() > 2; waited += 20) {
        if (waited > 20_000) throw new Error(`the log holds ${frames()} frames and the checkpointer never started it again`);
        await new Promise((r) => setTimeout(r, 20));
      }
      ins('after');
      expect(frames()).toBeLessThanOrEqual(4);
      // A station that writes nothing more is left alone: its log is not started again and again.
      const at = (db.prepare("SELECT value FROM meta WHERE key = 'log_restarted_at'").get() as { value: string }).value;
      await new Promise((r) => setTimeout(r, 300));
      const again = (db.prepare("SELECT value FROM meta WHERE key = 'log_restarted_at'").get() as { value: string }).value;
      await new Promise((r) => setTimeout(r, 300));
      expect((db.prepare("SELECT value FROM meta WHERE key = 'log_restarted_at'").get() as { value: string }).value).toBe(again);
      expect(again >= at).toBe(true);
    }));
});

describe('a long writer that wrote on after a copy (logRoom)', () => {
  it('waits again once the file has grown past what the last copy saw, though that copy had caught up', () =>
    withWorker(600_000, 512 * 1024, async (db, file, ins) => {
      while (walOf(file) <= 512 * 1024) ins('x'.repeat(8000));
      await logRoom(db);
      // Written on from the log's beginning and past the end of the file: pages no copy has seen.
      const size = walOf(file);
      while (walOf(file) <= 2 * size) ins('z'.repeat(8000));
      let copied = false;
      const room = logRoom(db).then(() => (copied = true));
      await Promise.resolve();
      expect(copied).toBe(false);
      // Meanwhile background writers (the search index) hold back, so the writer's next write starts the log again.
      expect(copyAwaited(db)).toBe(true);
      await room;
      expect(copyAwaited(db)).toBe(false);
      const grown = walOf(file);
      for (let i = 0; i < 5; i++) ins('y');
      expect(walOf(file)).toBe(grown);
    }));
});

describe('station.database', () => {
  it('tells the Devices screen how big the database and its write-ahead log are, and where the log is folded back', async () => {
    const { demoApp, api } = await import('../../support/app');
    const app = await demoApp({ runJobs: false, demoOrders: 5, background: false });
    try {
      const d = await api(app, 'station.database', {});
      expect(d.databaseBytes).toBeGreaterThan(100_000);
      expect(d.walLimitBytes).toBe(16 * 1024 * 1024);
      expect(d.walMaxBytes).toBeGreaterThanOrEqual(d.walBytes);
      expect(d.truncations).toBe(0);
    } finally {
      await app.dispose();
    }
  });
});
