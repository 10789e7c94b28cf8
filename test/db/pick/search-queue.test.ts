// Migration 0019: a scan queues its parcel's search text (one page in the scan's commit) and the
// store moves the queue into the trigram index between scans. A search must find a parcel at once,
// before and after the move, by its old number after a re-link too; and the index plus its queue must
// be the same whether the move ran early, late or not at all (a rebuild, another site station).
import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../support/app';
import { dumpProjections, rebuildProjections } from '../../../db/rebuild';
import { sqliteOf } from '../../../db/core/handle';

let app: Awaited<ReturnType<typeof demoApp>> | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const found = async (q: string) => (await api(app!, 'parcels.list', { q, limit: 50 })).rows.map((r) => r.id);
const queued = () => (sqliteOf(app!.store).prepare('SELECT count(*) AS n FROM parcel_search_queue').get() as { n: number }).n;

describe('parcel search off the scan commit', () => {
  it('finds a parcel the moment it is picked, after its text moved into the index, and by its old number after a re-link', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 6 });
    const r = await api(app, 'pick.scan', { code: '#1001' });
    if (r.outcome !== 'issued') throw new Error(r.outcome);
    const order = app.store.read.orders.get(r.parcel.orderId)!;
    // Still queued (the move runs a little after the commit): found all the same.
    expect(queued()).toBeGreaterThan(0);
    for (const q of [r.parcel.trackingNumber.slice(2, 9), order.shipTo.name.slice(0, 5).toLowerCase(), '1001']) expect(await found(q)).toContain(r.parcel.id);
    // The store moves it by itself between scans.
    await expect.poll(queued, { timeout: 20_000 }).toBe(0);
    for (const q of [r.parcel.trackingNumber.slice(2, 9), '1001']) expect(await found(q)).toContain(r.parcel.id);
    const old = r.parcel.trackingNumber;
    const relinked = await api(app, 'parcel.relink', { parcelId: r.parcel.id, reason: 'label torn' });
    expect(relinked.newNumber).not.toBe(old);
    expect(await found(old.slice(1, 10))).toEqual([r.parcel.id]);
    expect(await found(relinked.newNumber.slice(1, 10))).toEqual([r.parcel.id]);
  });

  it('rebuilds to the live state whether the queue was moved or not', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 8 });
    const ids: string[] = [];
    for (const code of ['#1001', '#1002', '#1003']) {
      const r = await api(app, 'pick.scan', { code });
      if (r.outcome !== 'issued') throw new Error(code);
      ids.push(r.parcel.id);
    }
    app.store.indexSearch(2); // part of the queue moved, the rest waits
    await api(app, 'parcel.relink', { parcelId: ids[2], reason: 'label torn' });
    const db = sqliteOf(app.store);
    const live = dumpProjections(db);
    expect(queued()).toBeGreaterThan(0);
    rebuildProjections(db);
    expect(queued()).toBe(0);
    expect(dumpProjections(db)).toEqual(live);
    expect(live.parcel_search.length).toBe(4);
  });

  it('moves a long queue (a grown or migrated station) in small steps, never all at once', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 4 });
    // 400 texts waiting, as after a grow or the migration that made the queue (100,000 at 100k parcels).
    const db = sqliteOf(app.store);
    const ins = db.prepare('INSERT INTO parcel_search_queue (parcel_id, text) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 400; i++) ins.run(`pcl_q${i}`, `QX${String(i).padStart(9, '0')}US #Q${i} Buyer ${i}`);
    })();
    const r = await api(app, 'pick.scan', { code: '#1001' }); // a commit sets the move going
    if (r.outcome !== 'issued') throw new Error(r.outcome);
    const seen: number[] = [];
    for (let left = queued(); left > 0; left = queued()) {
      if (seen[seen.length - 1] !== left) seen.push(left);
      await new Promise((ok) => setImmediate(ok));
    }
    // Every count the queue went through between the moves: the first move took a small batch (sized by
    // time afterwards), so the loop saw the queue shrink step by step.
    expect(seen[0]).toBe(401);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0] - seen[1]).toBeLessThanOrEqual(25);
    expect(db.prepare("SELECT parcel_id FROM parcel_search WHERE text LIKE '%QX000000399%'").pluck().all()).toEqual(['pcl_q399']);
  });
});
