import { moveSearchQueue } from '../db/pick/search-index';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../electron/app/create';
import { invoke } from '../electron/app/invoke';
import { SettableClock } from '../electron/core/clock';
import { growStation, type Call } from '../electron/capabilities/demo/grow';
import { seedDemo } from '../electron/capabilities/demo/seed';
import { signInDemoAdmin } from '../electron/cli/grow';
import { tempDir } from '../test/support/app';
import { checkpoint, openSqlite } from '../db/core/open';
import { createHash } from 'node:crypto';
import { migrations } from '../db/migrations';
import { newId } from '../electron/core/ids';
import { sqliteOf } from '../db/core/handle';
import type { EventDraft, JobDraft, OrderData } from '../db/event-types';
import type { Store } from '../db/store';

// A station grown under other migrations (another checkout) is another schema: the cache is per schema.
const SCHEMA = createHash('sha1')
  .update(migrations.map((m) => `${m.version}:${m.name}:${m.up}`).join('\n'))
  .digest('hex')
  .slice(0, 10);

/** Calls a channel in this process, as the screens would, failing loudly. */
export function caller(app: App): Call {
  return async (channel, input) => {
    const r = await invoke(app.handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as never;
  };
}

/**
 * A station grown to `parcels` parcels, copied into a fresh temp folder for one bench to use. The
 * grown station is kept in the temp dir (or taken from BENCH_GROWN_DIR) so benches that run after
 * one another grow it once.
 */
export async function grownStation(parcels: number): Promise<{ dir: string; growMs: number | null; dispose(): void }> {
  const cache = process.env.BENCH_GROWN_DIR ?? join(tmpdir(), `firstscan-bench-grown-${parcels}-${SCHEMA}`);
  let growMs: number | null = null;
  if (!existsSync(join(cache, 'firstscan.db'))) {
    mkdirSync(cache, { recursive: true });
    const clock = new SettableClock(new Date());
    const app = await createApp({ dataDir: cache, mode: 'headless', runJobs: false, demo: false, background: false, testClock: clock, lock: 'bench grow' });
    try {
      seedDemo(app.ctx, { orders: 200, printer: { host: '127.0.0.1', port: 9100 }, ordersVia: 'console' });
      await signInDemoAdmin(app);
      const r = await growStation(app.ctx, caller(app), clock, {
        parcels,
        onDay: (p) => p.day % 25 === 0 && process.stderr.write(`\n  grown ${p.parcels} parcels in ${Math.round(p.ms / 1000)} s`),
      });
      growMs = r.ms;
    } finally {
      await app.close();
    }
  }
  // Bring the grown station to this version's schema once (a migration's WAL is not the picking's).
  const db = openSqlite({ file: join(cache, 'firstscan.db') });
  // A station grown before the grower handed its search texts to the index: once, here.
  db.transaction(() => moveSearchQueue(db, Infinity)).immediate();
  checkpoint(db);
  db.close();
  const dir = tempDir('fs-bench-grown-');
  for (const f of ['firstscan.db', 'firstscan.db-wal']) if (existsSync(join(cache, f))) cpSync(join(cache, f), join(dir, f));
  return { dir, growMs, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

type Emit = Parameters<Parameters<Store['write']>[2]>[0];

/** One synthetic parcel: the instant its events carry, and what they are (its picked event and the rest). */
export type SyntheticParcel = (
  o: OrderData,
  i: number,
) => {
  at: number;
  write(emit: Emit, parcelId: string): void;
};

/**
 * A station for a bench, written as synthetic events (orders, then each parcel's own events at its own
 * instant) in big transactions with synchronous=OFF: not one durable pick commit per parcel, so 100,000
 * parcels take a minute or two, not the demo grower's minutes. The benches then run on the console's
 * normal durable settings.
 */
export async function syntheticStation(o: {
  prefix: string;
  startAt: number;
  /** The console's own timed monitor passes (default on); off where the bench runs the passes it times. */
  monitorTimers?: boolean;
}): Promise<{
  app: App;
  clock: SettableClock;
  dir: string;
  dispose(keep?: boolean): Promise<void>;
}> {
  const dir = tempDir(`fs-bench-${o.prefix}-`);
  const clock = new SettableClock(o.startAt);
  const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0, testClock: clock, monitorTimers: o.monitorTimers });
  return {
    app,
    clock,
    dir,
    async dispose(keep = false) {
      await app.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds `count` orders of one item each (names `<namePrefix><n>`), and each one's parcel through `parcel`, in batches. */
export function writeParcels(
  app: App,
  o: { count: number; from?: number; batch: number; namePrefix: string; ordersAt: number; lines: string[]; parcel: SyntheticParcel },
): number {
  const { store } = app;
  const db = sqliteOf(store);
  const t0 = performance.now();
  const from = o.from ?? 0;
  db.pragma('synchronous = OFF');
  for (let i = from; i < from + o.count; i += o.batch) {
    const n = Math.min(o.batch, from + o.count - i);
    const at = new Date(o.ordersAt);
    const orders: OrderData[] = Array.from({ length: n }, (_, k) => ({
      id: newId('ord', at),
      store: 'bench',
      name: `${o.namePrefix}${i + k}`,
      status: 'open',
      lineId: o.lines[(i + k) % o.lines.length],
      shipTo: { name: 'Bench Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
      email: `b${i + k}@example.com`,
      createdAt: at.toISOString(),
      source: 'file',
      items: [{ sku: `S${i + k}`, title: 'Bench item', quantity: 1 }],
    }));
    db.transaction(() => {
      store.write('bench', at, (emit) => emit({ type: 'orders.imported', payload: { orders } }));
      orders.forEach((ord, k) => {
        const p = o.parcel(ord, i + k);
        // One nested write per parcel (a savepoint in the batch's transaction): its events carry its own instant.
        store.write('bench', new Date(p.at), (emit) => p.write(emit, newId('pcl', new Date(p.at))));
      });
    })();
  }
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return performance.now() - t0;
}

/** A synthetic parcel's `parcel.picked` event: its order's one parcel, numbered from the line's pool, with these jobs (none by default). */
export function pickedEvent(o: OrderData, parcelId: string, trackingNumber: string, jobs: JobDraft[] = []): EventDraft<'parcel.picked'> {
  return {
    type: 'parcel.picked',
    subject: parcelId,
    payload: { parcelId, orderId: o.id, lineId: o.lineId!, trackingNumber, source: { kind: 'pool' }, printerId: null, scanned: o.name, jobs },
  };
}
