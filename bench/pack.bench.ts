import { rmSync } from 'node:fs';
import { createApp } from '../electron/app/create';
import { newId } from '../electron/core/ids';
import { addRange } from '../electron/capabilities/lines/save';
import { scan } from '../electron/capabilities/pick/scan';
import { scanItem } from '../electron/capabilities/pack/verify';
import { saveRules } from '../electron/capabilities/pack/rules';
import { BatchRunner, startBatch } from '../electron/capabilities/pack/batch';
import type { OrderData } from '../db/event-types';
import { tempDir } from '../test/support/app';
import { CHECKPOINT_EVERY, floorProbe, walPages } from './floor';
import { round, summarize } from './stats';
import type { Bench } from './types';
import { sqliteOf } from '../db/core/handle';

const ORDERS = Number(process.env.BENCH_PACK_ORDERS ?? 1000);
const BATCH = 500;

function orders(prefix: string, count: number, lineId: string, at: Date, items: number, qty: number): OrderData[] {
  return Array.from({ length: count }, (_, i) => ({
    id: newId('ord', at),
    store: 'bench',
    name: `${prefix}${i}`,
    status: 'open' as const,
    lineId,
    shipTo: { name: 'Bench Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
    createdAt: at.toISOString(),
    source: 'file' as const,
    items: Array.from({ length: items }, (_, k) => ({
      sku: `SKU-${i}-${k}`,
      barcode: `400${String(i * 10 + k).padStart(9, '0')}`,
      title: 'Bench item',
      quantity: qty,
    })),
  }));
}

/** Scan-to-verify: an item scan to its counted reply (one event each); and a batch of 500 issued and queued. */
export const packBench: Bench = {
  name: 'pack',
  async run() {
    const dir = tempDir('fs-bench-pack-');
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0 });
    const { ctx, store } = app;
    const at = ctx.clock.now();
    addRange(ctx, { lineId: 'ups', params: { format: 'ups1z', shipper: 'F5S1X9', service: '65' }, first: 2_000_000, last: 2_100_000 });
    addRange(ctx, { lineId: 'express-dhl', params: { format: 'dhl10', prefix: '' }, first: 400_000_000, last: 400_100_000 });
    store.write('bench', at, (emit) => emit({ type: 'orders.imported', payload: { orders: orders('V', ORDERS, 'ups', at, 3, 2) } }));
    store.write('bench', at, (emit) => emit({ type: 'orders.imported', payload: { orders: orders('W', BATCH, 'express-dhl', at, 1, 1) } }));
    saveRules(ctx, { scope: 'line:ups', verify: true, itemsPerParcel: null, needsWeight: false, needsCustoms: false });

    // Every order at the bench (untimed), then each of its items scanned, timed with the floor interleaved.
    const ids = store.read.orders.list({ status: 'open', limit: 100_000 }).filter((o) => o.lineId === 'ups');
    for (const o of ids) if (scan(ctx, o.name).outcome !== 'pack') throw new Error(`pack bench: ${o.name} did not open at the bench`);
    const probe = floorProbe();
    const wal = walPages();
    const times: number[] = [];
    let counted = 0;
    for (const o of ids) {
      for (const it of store.read.orders.items(o.id))
        for (let q = 0; q < it.quantity; q++) {
          if (times.length % CHECKPOINT_EVERY === 0) wal.checkpoint(sqliteOf(store));
          const t0 = performance.now();
          const r = scanItem(ctx, o.id, it.barcode!);
          times.push(performance.now() - t0);
          if (r.outcome === 'counted' || r.outcome === 'complete') counted++;
          probe.sample();
        }
    }
    const floor = probe.done();
    const s = summarize(times);
    if (counted !== times.length) throw new Error(`pack bench: ${counted}/${times.length} items counted`);

    // A morning wave: 500 orders of one line issued and their labels queued, one order per transaction.
    const t0 = performance.now();
    const batchId = startBatch(ctx, { lineId: 'express-dhl', limit: BATCH });
    await new BatchRunner(ctx).run(batchId);
    const batchS = (performance.now() - t0) / 1000;
    const issued = sqliteOf(store).prepare("SELECT count(*) AS n FROM pack_batch_orders WHERE batch_id = ? AND outcome = 'issued'").get(batchId) as {
      n: number;
    };
    const queued = store.read.jobs.depth('print.').queued;
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    if (issued.n !== BATCH || queued < BATCH) throw new Error(`pack bench: batch issued ${issued.n}/${BATCH}, ${queued} labels queued`);
    const budget = 2 * floor.p99 + 0.5;
    return [
      {
        key: 'pack.floor_p99_ms',
        value: round(floor.p99),
        unit: 'ms',
        target: 'floor (bare durable insert, same pragmas)',
        note: `p50 ${round(floor.p50)} ms over ${floor.n}`,
      },
      {
        key: 'pack.verify_scan_p99_ms',
        value: round(s.p99),
        unit: 'ms',
        target: `<= 2 x floor + 0.5 (${round(budget)})`,
        pass: s.p99 <= budget,
        note: `${round(s.p99 / floor.p99, 2)}x floor p99 over ${s.n} item scans; p50 ${round(s.p50)} ms`,
      },
      { key: 'pack.batch_500_s', value: round(batchS, 2), unit: 's', target: 'report', note: `${BATCH} orders issued, ${BATCH} labels queued` },
    ];
  },
};
