import { SettableClock } from '../../../../electron/core/clock';
import { api, demoApp } from '../../../support/app';
import { runPass } from '../../../../electron/capabilities/monitor/pass';
import type { App } from '../../../../electron/app/create';

export const H = 3_600_000;
export const D = 24 * H;
/** Monday 5 Jan 2026, 09:00 in Shenzhen. */
export const T0 = Date.parse('2026-01-05T01:00:00Z');
const zoned = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 16).replace('T', ' ');

export type RetentionApp = App & { clock: SettableClock; dir: string; dispose(): Promise<void> };

/**
 * A station whose first `old` parcels were delivered on day 2 (with an exception still open: the monitor
 * had not looked since), the next `recent` on day 150, and the rest still in transit; each with its label
 * job done. The clock ends on day 160: with the 90-day horizon the old ones are due for the archive.
 */
export async function stationWithHistory(opts: { old: number; recent: number; transit: number; dataDir?: string }) {
  const n = opts.old + opts.recent + opts.transit;
  const clock = new SettableClock(T0);
  const app = (await demoApp({ runJobs: false, testClock: clock, demoOrders: n, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) })) as RetentionApp;
  app.clock = clock;
  const parcels: Array<{ id: string; trackingNumber: string }> = [];
  for (let i = 0; i < n; i++) {
    const r = await api(app, 'pick.scan', { code: `#${1001 + i}` });
    if (r.outcome !== 'issued') throw new Error(`pick #${1001 + i}: ${r.outcome}`);
    parcels.push(r.parcel);
  }
  // The printer took every label.
  const queued = app.store.read.jobs.list({ status: 'queued', limit: 10_000 });
  app.store.write('outbox', new Date(T0 + H), (emit) => {
    for (const j of queued) emit({ type: 'job.succeeded', subject: j.ref ?? j.id, payload: { jobId: j.id, ref: j.ref, result: { printed: true } } });
  });
  // A day on, never handed over: "not handed over" opens on every parcel.
  clock.set(T0 + 1.5 * D);
  runPass(app.ctx);
  const rows: string[] = [];
  parcels.forEach((p, i) => {
    const day = i < opts.old ? 2 : i < opts.old + opts.recent ? 150 : 3;
    rows.push(`${p.trackingNumber},Accepted,${zoned(T0 + (day - 1) * D)},Shenzhen`);
    rows.push(`${p.trackingNumber},In transit,${zoned(T0 + (day - 1) * D + 6 * H)},Hub`);
    if (i < opts.old + opts.recent) rows.push(`${p.trackingNumber},Delivered,${zoned(T0 + day * D)},Door`);
  });
  clock.set(T0 + 151 * D);
  await api(app, 'monitor.import', { csv: `tracking_number,status,scanned_at,location\n${rows.join('\n')}\n` });
  clock.set(T0 + 160 * D);
  // The sources answer the polls the monitor queued (before the counts a test takes).
  await drain(app);
  return { app, parcels, old: parcels.slice(0, opts.old), recent: parcels.slice(opts.old, opts.old + opts.recent) };
}

/** Run every due outbox job until none is left. */
export async function drain(app: App): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const started = app.runner.pass();
    await app.runner.idle();
    if (!started) break;
  }
}
