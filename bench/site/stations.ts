import { rmSync, writeFileSync } from 'node:fs';
import { createApp, type App } from '../../electron/app/create';
import { replicatorOf } from '../../electron/capabilities/site/handlers';
import { credentialsFile } from '../../electron/capabilities/site/credentials';
import type { Replicator } from '../../electron/capabilities/site/replicator';
import { scan } from '../../electron/capabilities/pick/scan';
import { joinSite } from '../../db/site/server';
import { tempDir } from '../../test/support/app';
import type { TestSite } from '../../test/support/pg';
import { sqliteOf } from '../../db/core/handle';

export interface Station {
  name: string;
  dir: string;
  app: App;
}

/**
 * A station of a site in this process, joined the way `cli site join` does it: a first start makes
 * its id (and, for the first station, the demo), then the credentials file puts it in site mode.
 */
export async function joinStation(
  site: TestSite,
  name: string,
  opts: { demoOrders?: number; beforeJoin?: (app: App) => void | Promise<void> } = {},
): Promise<Station> {
  const dir = tempDir(`fs-bench-site-${name.replace(/\W+/g, '-')}-`);
  const first = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demo: opts.demoOrders !== undefined, demoOrders: opts.demoOrders });
  await opts.beforeJoin?.(first);
  const creds = await joinSite(site.joinCode, first.ctx.stationId, name);
  await first.close();
  writeFileSync(credentialsFile(dir), JSON.stringify(creds), { mode: 0o600 });
  const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
  return { name, dir, app };
}

export const rep = (s: Station): Replicator => {
  const r = replicatorOf(s.app.env);
  if (!r) throw new Error(`${s.name} is not in site mode`);
  return r;
};

/** Let the stations push and pull until none has anything new. */
export async function settle(stations: Station[], rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) for (const s of stations) await rep(s).cycle();
}

/** One scan at the pick station; anything but a new parcel is a bench failure. */
export function pick(s: Station, code: string): void {
  const r = scan(s.app.ctx, code);
  if (r.outcome !== 'issued') throw new Error(`site bench: ${code} at ${s.name}: ${r.outcome}${'message' in r ? ` ${r.message}` : ''}`);
}

/**
 * Numbers for a burst of picks faster than the replicator tops blocks up: lease blocks through the
 * station's own link and record each lease as the replicator does (a 'range.block_leased' event).
 */
export async function leaseExtra(s: Station, perLine: Record<string, number>): Promise<void> {
  const link = rep(s).current();
  if (!link) throw new Error(`site bench: ${s.name} has no link to lease blocks`);
  const { store, clock } = s.app.ctx;
  for (const [lineId, count] of Object.entries(perLine)) {
    let need = count;
    for (const r of store.read.lines.ranges(lineId)) {
      while (need > 0) {
        const b = await link.leaseBlock({ id: r.id, first: r.first, last: r.last, startAt: r.next }, need);
        if (!b) break;
        store.write('bench', clock.now(), (emit) => emit({ type: 'range.block_leased', payload: { rangeId: r.id, first: b.first, last: b.last } }));
        need -= b.last - b.first + 1;
      }
      if (need <= 0) break;
    }
    if (need > 0) throw new Error(`site bench: ${s.name} could not lease ${count} numbers on ${lineId} (${need} short)`);
  }
}

export async function closeStation(s: Station): Promise<void> {
  // Stop replicating first: a cycle that ends while the app closes would announce to a closed store.
  await replicatorOf(s.app.env)?.stop();
  await s.app.close().catch(() => undefined);
  rmSync(s.dir, { recursive: true, force: true });
}

/** The demo's mix of lines, for orders the bench imports. */
export const lineOf = (i: number) => (i % 20 < 12 ? 'postal-s10' : i % 20 < 17 ? 'express-dhl' : 'ups');

export function countLines(n: number, from = 0): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = from; i < from + n; i++) out[lineOf(i)] = (out[lineOf(i)] ?? 0) + 1;
  return out;
}

export const count = (s: Station, table: string) => (sqliteOf(s.app.store).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Phase lines on stderr with BENCH_SITE_VERBOSE=1 (a full run takes minutes). */
export function progress(message: string): void {
  if (process.env.BENCH_SITE_VERBOSE) process.stderr.write(`\n  site ${new Date().toISOString().slice(11, 19)} ${message}`);
}
