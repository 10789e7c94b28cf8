import { rmSync } from 'node:fs';
import { createApp } from '../electron/app/create';
import { newId } from '../electron/core/ids';
import { importOrders } from '../electron/capabilities/orders/import';
import { scan } from '../electron/capabilities/pick/scan';
import type { OrderData } from '../db/event-types';
import { tempDir } from '../test/support/app';
import { round, summarize } from './stats';
import type { Bench } from './types';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const HEADER = 'order,line,email,name,company,address1,address2,city,province,zip,country,phone,sku,barcode,title,quantity';
const LINES = ['postal-s10', 'express-dhl', 'ups'];

/** An order file of `rows` rows: one item per row, two rows per order every tenth order. */
function csv(prefix: string, rows: number): string {
  const out = [HEADER];
  for (let i = 0, n = 0; out.length <= rows; n++) {
    const items = n % 10 === 0 ? 2 : 1;
    for (let k = 0; k < items && out.length <= rows; k++, i++)
      out.push(`${prefix}${n},${LINES[n % 3]},buyer${n}@example.com,Buyer ${n},,${n} Main St,,Austin,TX,78701,US,+1 512 555 0100,SKU-${i},,Item ${i},1`);
  }
  return out.join('\n');
}

function pickable(count: number, at: Date): OrderData[] {
  return Array.from({ length: count }, (_, i) => ({
    id: newId('ord', at),
    store: 'bench',
    name: `K${i}`,
    status: 'open' as const,
    lineId: LINES[i % 3],
    shipTo: { name: 'Bench Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
    createdAt: at.toISOString(),
    source: 'file' as const,
    items: [{ sku: `KS-${i}`, title: 'Bench item', quantity: 1 }],
  }));
}

/**
 * A pick as the floor sees it: asked for at a moment, answered after whatever the event loop was
 * doing then (an import slice) and the pick's own durable commit.
 */
async function picksWhile(ctx: Parameters<typeof scan>[0], running: () => boolean, from: number): Promise<number[]> {
  const lat: number[] = [];
  let i = from;
  while (running()) {
    const due = performance.now() + 5;
    await new Promise((r) => setTimeout(r, 5));
    const r = scan(ctx, `K${i++}`);
    if (r.outcome !== 'issued') throw new Error(`import bench: pick K${i - 1} ${r.outcome}`);
    lat.push(performance.now() - due);
  }
  return lat;
}

/** import: a 100k-row order file as a background job, and picks while it runs. */
export const importBench: Bench = {
  name: 'import',
  async run() {
    const dir = tempDir('fs-bench-import-');
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0 });
    const { ctx, store } = app;
    store.write('bench', ctx.clock.now(), (emit) => emit({ type: 'orders.imported', payload: { orders: pickable(6000, ctx.clock.now()) } }));

    // The floor: the same picks with nothing else running.
    let stopAt = performance.now() + 1500;
    const floor = summarize(await picksWhile(ctx, () => performance.now() < stopAt, 0));

    const alone = csv('A', ROWS);
    const t0 = performance.now();
    const a = await importOrders(ctx, { format: 'csv', text: alone, store: 'bench-a' });
    const seconds = (performance.now() - t0) / 1000;
    if (a.rejected.length) throw new Error(`import bench: rejected ${JSON.stringify(a.rejected.slice(0, 2))}`);

    let done = false;
    const during = importOrders(ctx, { format: 'csv', text: csv('B', ROWS), store: 'bench-b' }).finally(() => (done = true));
    const lat = summarize(await picksWhile(ctx, () => !done, 1000));
    const b = await during;
    stopAt = 0;
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    return [
      {
        key: 'import.pick_p99_during_ms',
        value: round(lat.p99, 2),
        unit: 'ms',
        target: '<= 50',
        pass: lat.p99 <= 50,
        note: `${lat.n} picks during a ${ROWS.toLocaleString('en')}-row import (${b.imported.toLocaleString('en')} orders); p50 ${round(lat.p50, 2)} ms, max ${round(lat.max, 1)} ms; floor without import p99 ${round(floor.p99, 2)} ms (ratio ${round(lat.p99 / floor.p99, 1)})`,
      },
      {
        key: 'import.rows_per_s',
        value: Math.round(ROWS / seconds),
        unit: 'rows/s',
        target: 'report',
        note: `${ROWS.toLocaleString('en')} rows (${a.imported.toLocaleString('en')} orders) in ${round(seconds, 1)} s, no picks`,
      },
    ];
  },
};
