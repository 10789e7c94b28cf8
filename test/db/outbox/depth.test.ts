// Issue 16: the queue badge counts the outbox a few times a second while jobs move; with a 100k
// station's monitor polls queued, reading each queued job's row for it held the loop about 75 ms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../support/app';
import { planOf, preparedDuring } from '../../support/floor-screens';
import { sqliteOf } from '../../../db/core/handle';

describe('outbox depth', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    const first = await demoApp({ runJobs: false, demoOrders: 3 });
    // A pick queues its label (the outbox does not run here).
    if ((await api(first, 'pick.scan', { code: '#1001' })).outcome !== 'issued') throw new Error('demo pick failed');
    await first.close();
    // A new process on that folder: the statements it runs are prepared (and seen) afresh.
    app = await demoApp({ dataDir: first.dir, runJobs: false, background: false });
  });
  afterAll(() => app?.dispose());

  it('counts every kind from the (status, created_at) index alone, and counts what the table holds', async () => {
    let depth: ReturnType<typeof app.store.read.jobs.depth> | null = null;
    const sqls = await preparedDuring(app, async () => (depth = app.store.read.jobs.depth('')));
    expect(sqls.length).toBe(2);
    for (const sql of sqls) expect(planOf(app, sql).join(' ')).toMatch(/USING COVERING INDEX jobs_queued_order/);
    const db = sqliteOf(app.store);
    const count = (status: string) =>
      db.prepare('SELECT count(*) AS n, min(created_at) AS oldest FROM jobs WHERE status = ?').get(status) as { n: number; oldest: string | null };
    expect(count('queued').n).toBeGreaterThan(0);
    expect(depth).toEqual({ queued: count('queued').n, dead: count('dead').n, oldestQueuedAt: count('queued').oldest });
    // A kind's depth still counts only that kind.
    const labels = db.prepare("SELECT count(*) AS n FROM jobs WHERE status = 'queued' AND kind LIKE 'print.%'").get() as { n: number };
    expect(app.store.read.jobs.depth('print.').queued).toBe(labels.n);
  });
});
