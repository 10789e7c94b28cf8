import { rmSync } from 'node:fs';
import { createApp } from '../electron/app/create';
import { newId } from '../electron/core/ids';
import { dispatchScan } from '../electron/capabilities/dispatch/load';
import { openManifest } from '../electron/capabilities/dispatch/open';
import { scan } from '../electron/capabilities/pick/scan';
import { sqliteOf } from '../db/core/handle';
import type { OrderData } from '../db/event-types';
import { tempDir } from '../test/support/app';
import { CHECKPOINT_EVERY, durableInsertFloor } from './floor';
import { round, summarize } from './stats';
import type { Bench } from './types';

const PRELOAD = Number(process.env.BENCH_DISPATCH_PRELOAD ?? 2_000);
const LOADS = Number(process.env.BENCH_DISPATCH_LOADS ?? 2_000);

function orders(count: number, at: Date): OrderData[] {
  return Array.from({ length: count }, (_, i) => ({
    id: newId('ord', at),
    store: 'bench',
    name: `D${i}`,
    status: 'open' as const,
    lineId: 'postal-s10',
    shipTo: { name: 'Bench Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
    createdAt: at.toISOString(),
    source: 'file' as const,
    items: [{ sku: `DSKU-${i}`, title: 'Bench item', quantity: 1 }],
  }));
}

/** dispatch.scan service path: one parcel label scanned onto a manifest that already holds PRELOAD parcels, to durable commit. */
export const dispatchBench: Bench = {
  name: 'dispatch',
  async run() {
    const dir = tempDir('fs-bench-dispatch-');
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0 });
    const { ctx, store } = app;
    const db = sqliteOf(store);
    const total = PRELOAD + LOADS;
    const at = ctx.clock.now();
    store.write('bench', at, (emit) => emit({ type: 'orders.imported', payload: { orders: orders(total, at) } }));
    db.pragma('synchronous = OFF');
    const numbers: string[] = [];
    for (let i = 0; i < total; i++) {
      const r = scan(ctx, `D${i}`);
      if (r.outcome !== 'issued') throw new Error(`dispatch bench: pick D${i} ${r.outcome}`);
      numbers.push(r.parcel.trackingNumber);
    }
    const manifest = openManifest(ctx, 'postal-s10');
    for (let i = 0; i < PRELOAD; i++) dispatchScan(ctx, manifest.id, numbers[i]);
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');

    const floor = durableInsertFloor();
    const times: number[] = [];
    let loaded = 0;
    for (let i = PRELOAD; i < total; i++) {
      if (i % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
      const t0 = performance.now();
      const r = dispatchScan(ctx, manifest.id, numbers[i]);
      times.push(performance.now() - t0);
      if (r.outcome === 'loaded') loaded++;
    }
    const onManifest = (db.prepare('SELECT parcels FROM manifests WHERE id = ?').get(manifest.id) as { parcels: number }).parcels;
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    if (loaded !== LOADS || onManifest !== total) throw new Error(`dispatch bench: ${loaded}/${LOADS} loaded, ${onManifest} on the manifest`);
    const s = summarize(times);
    return [
      {
        key: 'dispatch.floor_p99_ms',
        value: round(floor.p99),
        unit: 'ms',
        target: 'floor (bare durable insert, same pragmas)',
        note: `p50 ${round(floor.p50)} ms over ${floor.n}`,
      },
      { key: 'dispatch.load_p50_ms', value: round(s.p50), unit: 'ms', target: 'info', note: `${round(s.p50 / floor.p50, 2)}x floor p50` },
      {
        key: 'dispatch.load_p99_ms',
        value: round(s.p99),
        unit: 'ms',
        target: '<= 5',
        pass: s.p99 <= 5,
        note: `${round(s.p99 / floor.p99, 2)}x floor p99 over ${s.n} loads onto a manifest of ${PRELOAD}..${total - 1} parcels`,
      },
    ];
  },
};
