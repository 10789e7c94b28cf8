import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, startCheckpointWorker, walStatus } from '../../../db/core/open';
import { tempDir } from '../../support/app';

const walOf = (file: string) => statSync(`${file}-wal`).size;

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
    const warm = walStatus(db).truncations;
    let max = 0;
    // Steady writes, a few a millisecond apart: without truncation the WAL only ever grows (about 12 MB here).
    for (let i = 0; i < 1500; i++) {
      db.transaction(() => ins.run(row))();
      max = Math.max(max, walOf(file));
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 200));
    const s = walStatus(db);
    stop();
    db.close();
    expect(s.truncations).toBeGreaterThan(warm);
    expect(s.lastTruncatedAt).not.toBeNull();
    expect(s.maxBytes).toBeGreaterThanOrEqual(limit);
    expect(max).toBeLessThan(8 * limit);
    expect(s.bytes).toBeLessThan(8 * limit);
  });
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
