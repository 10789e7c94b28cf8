// Issue 16: every monitor pass drops the wait lists of sources the console no longer has. Reading
// every waiting row for it held the loop 66 ms at the timed pass of a 100k station.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp } from '../../support/app';
import { sqliteOf } from '../../../db/core/handle';
import { dropWaitingExcept } from '../../../db/monitor/due';

describe('dropping the wait lists of gone sources', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    app = await demoApp({ runJobs: false, background: false, demoOrders: 1 });
  });
  afterAll(() => app?.dispose());

  it("drops only gone sources' lists, finding the listed sources without reading every row", () => {
    const db = sqliteOf(app.store);
    const put = db.prepare('INSERT INTO monitor_waiting (source_id, parcel_id, kind, since) VALUES (?, ?, 1, ?)');
    for (const source of ['aggregator', 'carrier:gone', 'carrier:kept', 'carrier:old']) for (let i = 0; i < 50; i++) put.run(source, `par_${source}_${i}`, i);
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof db.prepare;
    try {
      dropWaitingExcept(db, ['aggregator', 'carrier:kept', 'carrier:new']);
    } finally {
      db.prepare = prepare;
    }
    const left = db.prepare('SELECT source_id AS s, count(*) AS n FROM monitor_waiting GROUP BY source_id ORDER BY source_id').all();
    expect(left).toEqual([
      { s: 'aggregator', n: 50 },
      { s: 'carrier:kept', n: 50 },
    ]);
    expect(seen.length).toBeGreaterThan(0);
    const plans = seen.flatMap((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => null)) as Array<{ detail: string }>).map((r) => r.detail),
    );
    expect(plans.filter((d) => /^SCAN monitor_waiting\b/.test(d))).toEqual([]);
  });
});
