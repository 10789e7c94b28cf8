// Issue 16: no floor screen's refresh may read the station's history. Every statement the floor
// screens run on a grown station is checked with EXPLAIN QUERY PLAN: no full SCAN of a table that
// grows with history (events, parcels, orders, jobs, the monitor's and dispatch's rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettableClock } from '../../electron/core/clock';
import { invoke } from '../../electron/app/invoke';
import { growStation, type Call } from '../../electron/capabilities/demo/grow';
import { callFloor, floorQueries, planOf, preparedDuring } from '../support/floor-screens';
import { demoApp } from '../support/app';
import { sqliteOf } from '../../db/core/handle';

const HISTORY =
  /^(events|parcels|orders|order_items|jobs|monitor_\w+|manifests|manifest_parcels|manifest_bags|dispatch_discrepancies|shopify_\w+|parcel_search)$/;

/** alias -> table, from the FROM and JOIN clauses of a statement. */
function aliases(sql: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!WHERE|ON|JOIN|LEFT|ORDER|GROUP|LIMIT|INDEXED|WHERE)(\w+))?/gi)) {
    m.set(table, table);
    if (alias) m.set(alias, table);
  }
  return m;
}

/** The full scans of history a plan does; a walk of parcels newest first that stops at its LIMIT is paging, not a scan. */
function historyScans(sql: string, plan: string[]): string[] {
  const names = aliases(sql);
  const paging = /ORDER BY p\.id DESC LIMIT/.test(sql) && !plan.some((d) => d.includes('TEMP B-TREE'));
  return plan.filter((d) => {
    const hit = /^SCAN (\w+)/.exec(d);
    if (!hit || d.includes('VIRTUAL TABLE INDEX')) return false;
    const table = names.get(hit[1]) ?? hit[1];
    if (!HISTORY.test(table)) return false;
    return !(paging && table === 'parcels' && d === `SCAN ${hit[1]}`);
  });
}

describe('floor screens on a grown station', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    const clock = new SettableClock(new Date('2026-12-06T09:00:00Z'));
    const grown = await demoApp({ testClock: clock, runJobs: false, demoOrders: 20 });
    const call: Call = async (channel, input) => {
      const r = await invoke(grown.handlers, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.data as never;
    };
    await growStation(grown.ctx, call, clock, { parcels: 600, perDay: 150 });
    await grown.close();
    // A new process on the grown folder: every statement a screen runs is prepared (and seen) afresh.
    app = await demoApp({ dataDir: grown.dir, testClock: clock, runJobs: false, background: false });
  }, 120_000);
  afterAll(() => app?.dispose());

  it('answer every refresh from indexes and counters: no statement scans events, parcels, orders or jobs', async () => {
    const seen: Array<{ channel: string; sql: string; scans: string[] }> = [];
    const queries = floorQueries(app);
    expect(queries.map((q) => q.channel)).toEqual(
      expect.arrayContaining(['pick.stats', 'parcels.list', 'dispatch.board', 'dispatch.manifest', 'monitor.queue', 'parcels.get']),
    );
    for (const f of queries) {
      const sqls = await preparedDuring(app, () => callFloor(app, f));
      for (const sql of new Set(sqls)) seen.push({ channel: f.channel, sql: sql.replace(/\s+/g, ' '), scans: historyScans(sql, planOf(app, sql)) });
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((s) => s.scans.length)).toEqual([]);
  });

  it('finds a parcel by part of its tracking number, its order name or its buyer, through the trigram index', async () => {
    const [parcel] = app.store.read.parcels.list({ limit: 1 }).rows;
    const order = app.store.read.orders.get(parcel.orderId)!;
    for (const q of [parcel.trackingNumber.slice(3, 10), order.name, order.shipTo.name.toLowerCase()]) {
      const r = (await callFloor(app, { screen: 'parcels', on: 'typed', channel: 'parcels.list', input: { q, limit: 50 } })) as {
        rows: Array<{ id: string }>;
        total: number;
      };
      expect(r.rows.map((x) => x.id)).toContain(parcel.id);
      expect(r.total).toBeGreaterThanOrEqual(1);
    }
    const sql = 'SELECT parcel_id FROM parcel_search WHERE text LIKE ?';
    expect(planOf(app, sql).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
    // The grower hands every search text to the index: a grown station's first start has none queued.
    expect(sqliteOf(app.store).prepare('SELECT count(*) AS n FROM parcel_search_queue').get()).toEqual({ n: 0 });
  });

  it('finds the outbox lane heads from the heads kept per lane: no statement reads every queued job', async () => {
    const sqls = await preparedDuring(app, async () => app.store.read.jobs.dueHeads(['print.label', 'print.testsheet'], new Date().toISOString(), 10, null));
    const scans = [...new Set(sqls)].flatMap((sql) => historyScans(sql, planOf(app, sql)));
    expect(sqls.length).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });

  it('keeps the counters equal to what counting the tables says', () => {
    const db = sqliteOf(app.store);
    const byStatus = db.prepare('SELECT status, count(*) AS n FROM orders GROUP BY status').all() as Array<{ status: string; n: number }>;
    expect(app.store.read.orders.countByStatus()).toEqual(Object.fromEntries(byStatus.map((r) => [r.status, r.n])));
    const parcels = (db.prepare('SELECT count(*) AS n FROM parcels').get() as { n: number }).n;
    expect(app.store.read.parcels.list({ limit: 1 }).total).toBe(parcels);
    const handed = (db.prepare("SELECT count(*) AS n FROM parcels WHERE status = 'handed_over'").get() as { n: number }).n;
    expect(app.store.read.parcels.list({ status: 'handed_over', limit: 1 }).total).toBe(handed);
  });
});
