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
  checkpoint(db);
  db.close();
  const dir = tempDir('fs-bench-grown-');
  for (const f of ['firstscan.db', 'firstscan.db-wal']) if (existsSync(join(cache, f))) cpSync(join(cache, f), join(dir, f));
  return { dir, growMs, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
