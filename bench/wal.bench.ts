import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../electron/app/create';
import { SettableClock } from '../electron/core/clock';
import { newId } from '../electron/core/ids';
import { walStatus, WAL_LIMIT_BYTES } from '../db/core/open';
import type { OrderData } from '../db/event-types';
import { callFloor, floorQueries } from '../test/support/floor-screens';
import { caller, grownStation } from './grown';
import { round } from './stats';
import type { Bench } from './types';
import { sqliteOf } from '../db/core/handle';

const PARCELS = Number(process.env.BENCH_SCREENS_PARCELS ?? 100_000);
/** The issue asks for 10 minutes; the default run is 2 (BENCH_WAL_SECONDS=600 for the full one) at the same rate. */
const SECONDS = Number(process.env.BENCH_WAL_SECONDS ?? 120);
const PER_SECOND = Number(process.env.BENCH_WAL_PICKS_PER_S ?? 5);

/** db.wal_max_mb: the WAL file's largest size while a grown station picks steadily, its screens refreshing after each pick. */
export const walBench: Bench = {
  name: 'wal',
  async run() {
    const grown = await grownStation(PARCELS);
    const app = await createApp({
      dataDir: grown.dir,
      mode: 'headless',
      runJobs: false,
      demo: false,
      background: false,
      testClock: new SettableClock(new Date()),
      lock: 'bench',
    });
    const file = join(grown.dir, 'firstscan.db-wal');
    const size = () => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    const total = SECONDS * PER_SECOND;
    const at = app.ctx.clock.now();
    const orders: OrderData[] = Array.from({ length: total }, (_, i) => ({
      id: newId('ord', at),
      store: 'bench-wal',
      name: `W${i}`,
      status: 'open' as const,
      lineId: ['postal-s10', 'express-dhl', 'ups'][i % 3],
      shipTo: { name: 'Bench Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
      createdAt: at.toISOString(),
      source: 'file' as const,
      items: [{ sku: `WSKU-${i}`, title: 'Bench item', quantity: 1 }],
    }));
    app.store.write('bench', at, (emit) => emit({ type: 'orders.imported', payload: { orders } }));
    const call = caller(app);
    const screens = floorQueries(app).filter((f) => f.screen === 'pick' || f.screen === 'parcels');
    let max = size();
    const sampler = setInterval(() => (max = Math.max(max, size())), 50);
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / PER_SECOND;
      const wait = due - performance.now();
      // Each scan arrives as its own request: the event loop turns between them (timers, the checkpointer's replies), even when behind.
      await new Promise((r) => setTimeout(r, Math.max(0, wait)));
      const r = await call('pick.scan', { code: `W${i}` });
      if (r.outcome !== 'issued') throw new Error(`wal bench: W${i} ${r.outcome}`);
      for (const f of screens) await callFloor(app, f);
      max = Math.max(max, size());
    }
    clearInterval(sampler);
    const secs = (performance.now() - t0) / 1000;
    const s = walStatus(sqliteOf(app.store));
    await app.close();
    grown.dispose();
    const mb = max / 1024 / 1024;
    return [
      {
        key: 'db.wal_max_mb',
        value: round(mb, 1),
        unit: 'MB',
        target: '<= 64',
        pass: mb <= 64,
        note: `${total} picks in ${Math.round(secs)} s (${PER_SECOND}/s, Pick and Parcels refreshing after each) on ${PARCELS} parcels; checkpointer truncated ${s.truncations} times (limit ${WAL_LIMIT_BYTES / 1024 / 1024} MB)`,
      },
    ];
  },
};
