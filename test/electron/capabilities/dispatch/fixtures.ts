import { SettableClock } from '../../../../electron/core/clock';
import { api, demoApp } from '../../../support/app';
import { sqliteOf } from '../../../../db/core/handle';

/** 09:00 in Shanghai on a Friday: the demo lines' pickups (17:00 local by default) are ahead. */
export const MORNING = new Date('2026-11-27T01:00:00.000Z');

export type TestApp = Awaited<ReturnType<typeof demoApp>>;

export async function dispatchApp(opts: { orders?: number; dataDir?: string } = {}) {
  const clock = new SettableClock(MORNING);
  const app = await demoApp({ runJobs: false, demoOrders: opts.orders ?? 60, testClock: clock, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  return Object.assign(app, { clock });
}

/** Pick `n` open orders of a line; returns their parcels (tracking numbers and ids). */
export async function pickOn(app: TestApp, lineId: string, n: number) {
  const orders = app.store.read.orders
    .list({ status: 'open', limit: 10_000 })
    .filter((o) => o.lineId === lineId)
    .slice(0, n);
  if (orders.length < n) throw new Error(`only ${orders.length} open orders on ${lineId}`);
  const out: Array<{ id: string; trackingNumber: string; orderId: string; orderName: string }> = [];
  for (const o of orders) {
    const r = await api(app, 'pick.scan', { code: o.name });
    if (r.outcome !== 'issued') throw new Error(`pick of ${o.name}: ${r.outcome}`);
    out.push({ id: r.parcel.id, trackingNumber: r.parcel.trackingNumber, orderId: o.id, orderName: o.name });
  }
  return out;
}

export function events(app: TestApp, type: string): number {
  return (sqliteOf(app.store).prepare('SELECT count(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;
}
