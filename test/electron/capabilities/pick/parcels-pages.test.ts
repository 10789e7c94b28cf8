import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { preparedDuring } from '../../../support/floor-screens';

type App = Awaited<ReturnType<typeof demoApp>>;

describe('parcels.list pages: keyset only, ids, server-side sort', () => {
  let app: App;
  const picked: string[] = [];
  beforeAll(async () => {
    app = await demoApp();
    for (let i = 0; i < 23; i++) {
      const r = await api(app, 'pick.scan', { code: `#${1001 + i}` });
      if (r.outcome !== 'issued') throw new Error(r.outcome);
      picked.push(r.parcel.id);
    }
  });
  afterAll(() => app.dispose());

  it('walks every row once by keyset, newest first, counting only on the first page', async () => {
    const first = await api(app, 'parcels.list', { limit: 10 });
    expect(first.total).toBe(23);
    const seen = first.rows.map((r) => r.id);
    let after = seen[seen.length - 1];
    for (;;) {
      const page = await api(app, 'parcels.list', { limit: 10, after, count: false });
      expect(page.total).toBeNull();
      if (!page.rows.length) break;
      seen.push(...page.rows.map((r) => r.id));
      after = page.rows[page.rows.length - 1].id;
    }
    expect(seen).toEqual([...picked].reverse());
  });

  it('answers only the parcels asked for, under the filters', async () => {
    const r = await api(app, 'parcels.list', { ids: [picked[0], picked[5], 'pcl_none'], limit: 10, count: false });
    expect(r.rows.map((p) => p.id).sort()).toEqual([picked[0], picked[5]].sort());
    const none = await api(app, 'parcels.list', { ids: [picked[0]], status: 'handed_over', limit: 10, count: false });
    expect(none.rows).toEqual([]);
  });

  it('answers a delta under a search like the search itself, matching each named parcel on its own row', async () => {
    const { parcel: first } = await api(app, 'parcels.get', { id: picked[4] });
    const order = app.store.read.orders.get(first.orderId)!;
    const queries = [first.trackingNumber.slice(-7, -2), order.name, order.shipTo.name.split(' ').pop()!];
    for (const q of queries) {
      const search = await api(app, 'parcels.list', { q, limit: 100 });
      expect(search.rows.length, q).toBeGreaterThan(0);
      const sqls = await preparedDuring(app, () => api(app, 'parcels.list', { q, ids: picked, limit: picked.length, count: false }));
      const delta = await api(app, 'parcels.list', { q, ids: picked, limit: picked.length, count: false });
      expect(delta.rows.map((r) => r.id).sort(), q).toEqual(search.rows.map((r) => r.id).sort());
      expect(
        sqls.filter((s) => s.includes('parcel_search')),
        q,
      ).toEqual([]);
    }
  });

  it('sorts on the server over every row, not just a page', async () => {
    const asc = await api(app, 'parcels.list', { limit: 100, sort: { by: 'orderName', desc: false } });
    expect(asc.rows.map((r) => r.orderName)).toEqual(Array.from({ length: 23 }, (_, i) => `#${1001 + i}`));
    const first = await api(app, 'parcels.list', { limit: 5, sort: { by: 'orderName', desc: true } });
    const second = await api(app, 'parcels.list', { limit: 5, after: first.rows[4].id, count: false, sort: { by: 'orderName', desc: true } });
    expect(second.rows.map((r) => r.orderName)).toEqual(['#1018', '#1017', '#1016', '#1015', '#1014']);
  });

  it('walks a sorted list by keyset too, ties newest first, a label not yet printed included', async () => {
    for (const sort of [
      { by: 'status', desc: false },
      { by: 'labelPrintedAt', desc: true },
      { by: 'reprints', desc: false },
      { by: 'lineName', desc: true },
    ] as const) {
      const whole = (await api(app, 'parcels.list', { limit: 100, sort })).rows.map((r) => r.id);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await api(app, 'parcels.list', { limit: 4, sort, count: false, ...(after ? { after } : {}) });
        if (!page.rows.length) break;
        seen.push(...page.rows.map((r) => r.id));
        after = page.rows[page.rows.length - 1].id;
      }
      expect(seen, sort.by).toEqual(whole);
      expect(new Set(seen).size).toBe(23);
    }
  });

  it('has no offset paging any more', async () => {
    await expect(api(app, 'parcels.list', { limit: 5, offset: 5 } as never)).rejects.toThrow(/BAD_INPUT/);
  });

  it('refuses a sort column it does not know', async () => {
    await expect(api(app, 'parcels.list', { sort: { by: 'payload' as 'status', desc: true } })).rejects.toThrow(/BAD_INPUT/);
  });
});
