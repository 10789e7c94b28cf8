import { rmSync, writeFileSync } from 'node:fs';
import { createApp } from '../../electron/app/create';
import { replicatorOf } from '../../electron/capabilities/site/handlers';
import { credentialsFile, readCredentials } from '../../electron/capabilities/site/credentials';
import { addRange } from '../../electron/capabilities/lines/save';
import { decodeHlc } from '../../db/core/hlc';
import { connectSite, joinSite } from '../../db/site/server';
import { fingerprint } from '../../db/fingerprint';
import { tempDir } from '../../test/support/app';
import type { TestSite } from '../../test/support/pg';
import type { RangeParams } from '../../electron/capabilities/numbers/issue';
import { closeStation, count, countLines, joinStation, progress, rep, settle } from './stations';
import { HistoryWriter, type LeasedBlock } from './wire';
import { sqliteOf } from '../../db/core/handle';

export interface JoinRun {
  seconds: number;
  applied: number;
  /** Events on the server when the new station joined. */
  siteEvents: number;
  generateSeconds: number;
  expected: { orders: number; parcels: number };
  joined: { orders: number; parcels: number; events: number };
  /** The new station's fingerprint equals the generator's (same events, same projections). */
  sameFingerprint: boolean;
}

/** Ranges large enough for a million events' parcels, added at the generator like Setup does. */
const BIG_RANGES: Array<{ lineId: string; params: RangeParams; first: number; last: number }> = [
  { lineId: 'postal-s10', params: { format: 's10', serviceIndicator: 'LX', country: 'CN' }, first: 20_000_000, last: 20_399_999 },
  { lineId: 'express-dhl', params: { format: 'dhl10', prefix: '' }, first: 400_000_000, last: 400_199_999 },
  { lineId: 'ups', params: { format: 'ups1z', shipper: 'F5S1X9', service: '65' }, first: 2_000_000, last: 2_149_999 },
];

const PUSH = 5_000;

/**
 * A generator station writes a site's history of `events` events straight to the server (pushed through
 * its own link, 5,000 a batch) and into its own log; then a new station joins and the clock runs from
 * creating its app until it has applied the last of them.
 */
export async function measureJoin(site: TestSite, opts: { events: number }): Promise<JoinRun> {
  const gen = await joinStation(site, 'Generator', {
    demoOrders: 0,
    beforeJoin: (app) => {
      for (const r of BIG_RANGES) addRange(app.ctx, r);
    },
  });
  await settle([gen]);

  // Lease each line's numbers for the whole history in one block of its big range.
  const { store, clock } = gen.app.ctx;
  const link0 = rep(gen).current();
  if (!link0) throw new Error('site bench: the generator has no link');
  const need = countLines(Math.ceil(opts.events / 3) + 1000);
  const blocks = new Map<string, LeasedBlock>();
  for (const big of BIG_RANGES) {
    const r = store.read.lines.ranges(big.lineId).find((x) => x.first === big.first);
    if (!r) throw new Error(`site bench: range ${big.first} missing on ${big.lineId}`);
    const b = await link0.leaseBlock({ id: r.id, first: r.first, last: r.last, startAt: r.next }, need[big.lineId] ?? 1);
    if (!b) throw new Error(`site bench: no block on ${big.lineId}`);
    store.write('bench', clock.now(), (emit) => emit({ type: 'range.block_leased', payload: { rangeId: r.id, first: b.first, last: b.last } }));
    blocks.set(big.lineId, { lineId: big.lineId, rangeId: r.id, params: big.params, first: b.first, last: b.last });
  }
  await settle([gen]);
  await rep(gen).stop();

  const link = await connectSite(readCredentials(gen.dir)!);
  const db = sqliteOf(gen.app.store);
  const own = db.prepare("SELECT count(*) AS n, coalesce(max(station_seq), 0) AS seq, coalesce(max(hlc), '') AS hlc FROM events").get() as {
    n: number;
    seq: number;
    hlc: string;
  };
  const pushed = await link.pushedUpTo();
  if (pushed !== own.seq) throw new Error(`site bench: the server holds ${pushed} of the generator's ${own.seq} events`);
  const writer = new HistoryWriter(gen.app.store.station, own.seq, decodeHlc(own.hlc).wall + 1, blocks, 'demo-printer');
  const replica = replicatorOf(gen.app.env)!.replica;
  const t0 = performance.now();
  for (let left = opts.events - own.n; left > 0;) {
    const batch = writer.take(Math.min(PUSH, left));
    await link.push(batch);
    // The generator holds the same history as if its services had written it.
    replica.applyRemote(batch, '~');
    left -= batch.length;
  }
  const generateSeconds = (performance.now() - t0) / 1000;
  progress(`generator pushed ${opts.events - own.n} events in ${Math.round(generateSeconds)} s`);
  const target = (await link.pull(0, 0)).maxServerSeq;
  await link.close();
  const genPrint = fingerprint(db);
  await closeStation(gen);

  // The new station: a first start makes its id, the join code its credentials, then the timed start.
  const dir = tempDir('fs-bench-site-join-');
  const first = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demo: false });
  const creds = await joinSite(site.joinCode, first.ctx.stationId, 'Joiner');
  await first.close();
  writeFileSync(credentialsFile(dir), JSON.stringify(creds), { mode: 0o600 });
  let done: { at: number; applied: number; print: ReturnType<typeof fingerprint> } | null = null;
  progress('new station joining');
  const start = performance.now();
  const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
  const r = replicatorOf(app.env)!;
  const check = () => {
    if (done || r.state.pulledServerSeq < target) return;
    // Before the replicator goes on to lease this station's own blocks: the site's events only.
    done = { at: performance.now(), applied: r.state.applied, print: fingerprint(sqliteOf(app.store)) };
  };
  const off = app.store.onCommit(check);
  check();
  const deadline = start + 900_000;
  while (!done && performance.now() < deadline) await new Promise((res) => setTimeout(res, 20));
  off();
  const end = done as { at: number; applied: number; print: ReturnType<typeof fingerprint> } | null;
  const joiner = { name: 'Joiner', dir, app };
  const joined = { orders: count(joiner, 'orders'), parcels: count(joiner, 'parcels'), events: end?.print.events ?? count(joiner, 'events') };
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  if (!end) throw new Error(`site bench: the new station did not catch up within 15 minutes (${r.state.applied} applied)`);
  return {
    seconds: (end.at - start) / 1000,
    applied: end.applied,
    siteEvents: genPrint.events,
    generateSeconds,
    expected: { orders: writer.orders, parcels: writer.parcels },
    joined,
    sameFingerprint: end.print.hash === genPrint.hash && end.print.events === genPrint.events,
  };
}
