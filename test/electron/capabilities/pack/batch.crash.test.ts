import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../../../electron/app/create';
import { api, tempDir } from '../../../support/app';
import { runReporting } from '../../../support/child-runner';
import { sqliteOf } from '../../../../db/core/handle';

const child = fileURLToPath(new URL('./batch-child.ts', import.meta.url));

/** Start the batch in a child and SIGKILL it once it reported `killAt` orders done. */
async function runAndKill(dataDir: string, killAt: number): Promise<{ batchId: string; seen: number; finished: boolean }> {
  const r = await runReporting(child, [dataDir], (said) => Number(said.done ?? 0) >= killAt);
  return { batchId: r.said.batch ?? '', seen: Number(r.said.done ?? 0), finished: r.finished };
}

describe('batch printing under SIGKILL', () => {
  it('a batch of 500 killed midway resumes: 500 parcels, 500 labels, 0 duplicates', async () => {
    const dir = tempDir('fs-batch-');
    const seed = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 700 });
    await seed.close();

    const killed = await runAndKill(dir, 200);
    expect(killed.finished).toBe(false);
    expect(killed.batchId).toMatch(/^bat_/);

    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: true });
    try {
      const before = await api(app, 'pack.batch', { batchId: killed.batchId });
      expect(before).toMatchObject({ status: 'running', interrupted: true, total: 500 });
      expect(before.done).toBeGreaterThanOrEqual(200);
      expect(before.done).toBeLessThan(500);
      expect(sqliteOf(app.store).prepare('SELECT count(*) AS n FROM parcels').get()).toEqual({ n: before.issued });

      await api(app, 'pack.batchResume', { batchId: killed.batchId });
      const t0 = Date.now();
      let b = before;
      while (b.status === 'running' || b.printed < 500) {
        if (Date.now() - t0 > 180_000) throw new Error(`batch stuck: ${JSON.stringify({ ...b, results: b.results.length })}`);
        await new Promise((r) => setTimeout(r, 200));
        b = await api(app, 'pack.batch', { batchId: killed.batchId });
      }
      expect(b).toMatchObject({ status: 'done', done: 500, issued: 500, refused: 0, skipped: 0, printed: 500 });
      const db = sqliteOf(app.store);
      const parcels = db.prepare('SELECT tracking_number AS n, order_id AS o FROM parcels').all() as Array<{ n: string; o: string }>;
      expect(parcels).toHaveLength(500);
      expect(new Set(parcels.map((p) => p.n)).size).toBe(500);
      expect(new Set(parcels.map((p) => p.o)).size).toBe(500);
      const labels = db.prepare("SELECT count(*) AS n, count(DISTINCT ref) AS parcels FROM jobs WHERE kind = 'print.label'").get();
      expect(labels).toEqual({ n: 500, parcels: 500 });
    } finally {
      await app.close();
    }
  }, 300_000);
});
