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

/** The floor of replication: a bare NOTIFY from one connection heard on another, on the same server, ms. */
export async function notifyFloor(sender: pg.Client, listener: pg.Client, n: number): Promise<number[]> {
  await listener.query('LISTEN bench_floor');
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const heard = new Promise<number>((resolve) => listener.once('notification', () => resolve(performance.now())));
    const t0 = performance.now();
    await sender.query("SELECT pg_notify('bench_floor', 'x')");
    out.push((await heard) - t0);
    await sleep(50);
  }
  await listener.query('UNLISTEN bench_floor');
  return out;
}
