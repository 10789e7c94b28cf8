import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

/**
 * Durable writes at the site server while the stations sit idle: transaction ids the server handed
 * out (one per transaction that wrote anything; reads take none) over `seconds`, per station.
 * The floor is the same count with every station stopped, measured right after.
 */
export async function idleWrites(admin: pg.Client, stations: number, seconds: number): Promise<{ perStation: number; writes: number; seconds: number }> {
  const xid = async () => Number((await admin.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x')).rows[0].x);
  const x0 = await xid();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const writes = (await xid()) - x0;
  const s = (performance.now() - t0) / 1000;
  return { perStation: writes / stations / s, writes, seconds: s };
}
