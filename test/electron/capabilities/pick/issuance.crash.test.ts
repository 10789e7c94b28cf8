import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../../../electron/app/create';
import { rebuildProjections, dumpProjections } from '../../../../db/rebuild';
import { tempDir } from '../../../support/app';
import { runChild } from '../../../support/child-runner';
import { recognize } from '../../../../electron/capabilities/numbers/recognize';
import { sqliteOf } from '../../../../db/core/handle';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Run the child until it has acknowledged `killAfter` numbers (+ a random few ms), then SIGKILL it. */
async function runAndKill(dataDir: string, killAfter: number, folderLock = true): Promise<{ acked: string[]; finished: boolean }> {
  const acked: string[] = [];
  let finished = false;
  await runChild(child, [dataDir, folderLock ? 'lock' : 'no-lock'], (l, kill) => {
    if (l === 'ready' || !l) return;
    if (l === 'done') finished = true;
    else acked.push(l);
    if (acked.length === killAfter) setTimeout(kill, Math.floor(Math.random() * 4));
  });
  return { acked, finished };
}

describe('tracking number issuance under SIGKILL', () => {
  it('never issues a number twice nor loses one across 1,000 issuances killed at random points', async () => {
    const dir = tempDir('fs-crash-');
    const seed = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 1000 });
    await seed.close();

    const acked: string[] = [];
    for (let round = 0; round < 12; round++) {
      const r = await runAndKill(dir, 40 + Math.floor(Math.random() * 160));
      acked.push(...r.acked);
      if (r.finished) break;
    }
    const last = await runAndKill(dir, Number.MAX_SAFE_INTEGER);
    acked.push(...last.acked);
    expect(last.finished).toBe(true);

    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
    try {
      const db = sqliteOf(app.store);
      const parcels = db.prepare('SELECT tracking_number AS n, number_source AS s FROM parcels').all() as Array<{ n: string; s: string }>;
      // Every order was picked exactly once, every number is valid and distinct.
      expect(parcels).toHaveLength(1000);
      expect(new Set(parcels.map((p) => p.n)).size).toBe(1000);
      expect(parcels.every((p) => recognize(p.n).ok)).toBe(true);
      // Every number the picker saw turn green is in the store.
      const stored = new Set(parcels.map((p) => p.n));
      expect(acked.filter((n) => !stored.has(n))).toEqual([]);
      // No number lost: per range, the serials used are exactly first..next-1, without holes.
      const ranges = db.prepare('SELECT id, first_serial AS first, next_serial AS next FROM number_ranges').all() as Array<{
        id: string;
        first: number;
        next: number;
      }>;
      for (const r of ranges) {
        const serials = parcels
          .map((p) => JSON.parse(p.s) as { rangeId?: string; serial?: number })
          .filter((s) => s.rangeId === r.id)
          .map((s) => s.serial!)
          .sort((a, b) => a - b);
        expect(serials).toEqual(Array.from({ length: r.next - r.first }, (_, i) => r.first + i));
      }
      // Open orders none, and the projections still equal a replay of the log.
      expect(app.store.read.orders.countByStatus().open ?? 0).toBe(0);
      const before = dumpProjections(db);
      rebuildProjections(db);
      expect(dumpProjections(db)).toEqual(before);
    } finally {
      await app.close();
    }
  }, 180_000);

  // The data folder lock keeps a second station process off the folder; beneath it, the store's
  // transactions alone must still make one parcel per order (the lock is bypassed here on purpose).
  it('two processes scanning the same orders at once still make one parcel per order', async () => {
    const dir = tempDir('fs-race-');
    const seed = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 300 });
    await seed.close();
    const [a, b] = await Promise.all([runAndKill(dir, Number.MAX_SAFE_INTEGER, false), runAndKill(dir, Number.MAX_SAFE_INTEGER, false)]);
    expect(a.finished && b.finished).toBe(true);
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
    try {
      const perOrder = sqliteOf(app.store).prepare('SELECT count(*) AS n FROM parcels GROUP BY order_id').all() as Array<{ n: number }>;
      expect(perOrder).toHaveLength(300);
      expect(perOrder.every((r) => r.n === 1)).toBe(true);
      expect(a.acked.length + b.acked.length).toBe(300);
    } finally {
      await app.close();
    }
  }, 120_000);
});
