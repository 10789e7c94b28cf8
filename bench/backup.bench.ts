import { rmSync } from 'node:fs';
import { createApp } from '../electron/app/create';
import { newId } from '../electron/core/ids';
import { importOrders } from '../electron/capabilities/orders/import';
import { scan } from '../electron/capabilities/pick/scan';
import { BackupRunner } from '../electron/capabilities/backup/run';
import type { OrderData } from '../db/event-types';
import { tempDir } from '../test/support/app';
import { round, summarize } from './stats';
import type { Bench } from './types';

const ORDERS = Number(process.env.BENCH_BACKUP_ORDERS ?? 60_000);
const LINES = ['postal-s10', 'express-dhl', 'ups'];
const HEADER = 'order,line,email,name,company,address1,address2,city,province,zip,country,phone,sku,barcode,title,quantity';

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

/** A pick every 5 ms as the floor sees it: from the moment it was due to its committed answer. */
async function picksWhile(ctx: Parameters<typeof scan>[0], running: () => boolean, from: number): Promise<{ lat: number[]; next: number }> {
  const lat: number[] = [];
  let i = from;
  while (running()) {
    const due = performance.now() + 5;
    await new Promise((r) => setTimeout(r, 5));
    const r = scan(ctx, `K${i++}`);
    if (r.outcome !== 'issued') throw new Error(`backup bench: pick K${i - 1} ${r.outcome}`);
    lat.push(performance.now() - due);
  }
  return { lat, next: i };
}

/** backup: the station database (filled by an order import) backed up online, alone and while picking at full speed. */
export const backupBench: Bench = {
  name: 'backup',
  async run() {
    const dir = tempDir('fs-bench-backup-');
    const folder = tempDir('fs-bench-backups-');
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0 });
    const { ctx, store } = app;
    const rows = [HEADER];
    for (let n = 0; n < ORDERS; n++)
      rows.push(`F${n},${LINES[n % 3]},buyer${n}@example.com,Buyer ${n},,${n} Main St,,Austin,TX,78701,US,+1 512 555 0100,SKU-${n},,Item ${n},1`);
    await importOrders(ctx, { format: 'csv', text: rows.join('\n'), store: 'bench-file' });
    store.write('bench', ctx.clock.now(), (emit) => emit({ type: 'orders.imported', payload: { orders: pickable(4000, ctx.clock.now()) } }));
    const runner = new BackupRunner(ctx, dir);

    const alone = await runner.run('cli', folder);
    const mbPerS = alone.bytes / 1048576 / (alone.ms / 1000);

    let stopAt = performance.now() + 4000;
    const floor = await picksWhile(ctx, () => performance.now() < stopAt, 0);
    const floorStats = summarize(floor.lat);

    let done = false;
    const during = runner.run('cli', folder).finally(() => (done = true));
    const picks = await picksWhile(ctx, () => !done, floor.next);
    const withPicks = await during;
    stopAt = 0;
    const d = summarize(picks.lat);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
    const ratio = d.p99 / floorStats.p99;
    return [
      {
        key: 'backup.mb_per_s',
        value: round(mbPerS, 1),
        unit: 'MB/s',
        target: 'report',
        note: `${round(alone.bytes / 1048576, 1)} MB (${alone.events.toLocaleString('en')} events) copied, reopened and checked in ${round(alone.ms / 1000, 2)} s; while picking: ${round(withPicks.bytes / 1048576 / (withPicks.ms / 1000), 1)} MB/s`,
      },
      {
        key: 'backup.pick_p99_during_ms',
        value: round(d.p99, 2),
        unit: 'ms',
        target: `<= 2x floor (${round(2 * floorStats.p99, 2)})`,
        pass: ratio <= 2,
        note: `${d.n} picks during the backup; p50 ${round(d.p50, 2)} ms, max ${round(d.max, 1)} ms; floor without a backup p99 ${round(floorStats.p99, 2)} ms over ${floorStats.n} picks (ratio ${round(ratio, 2)})`,
      },
    ];
  },
};
