// temporary: profile the steady due pass on a kept bench station (not committed)
import { createApp } from '../electron/app/create';
import { SettableClock } from '../electron/core/clock';
import { runPass } from '../electron/capabilities/monitor/pass';
import { sqliteOf } from '../db/core/handle';

const dir = process.argv[2];
const at = Date.parse(process.argv[3] ?? '2026-12-14T06:00:00Z');
const clock = new SettableClock(at);
const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0, testClock: clock, background: false });
const db = sqliteOf(app.store);
const t = (name: string, f: () => unknown) => {
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    f();
    xs.push(performance.now() - s);
  }
  xs.sort((a, b) => a - b);
  console.log(name, xs.map((x) => x.toFixed(2)).join(' '));
};
const r = app.store.read.monitor;
t('watchedCount', () => r.watchedCount());
t('offWatch', () => r.openExceptionsOffWatch());
t('queuedRequests', () => r.queuedRequests(['aggregator']));
t('unwatched', () => r.openExceptionsUnwatched());
t('reships', () => r.reshipsPickedUnnoted());
t('lines', () => app.store.read.lines.all());
t('dueIds', () => r.dueIds(at));
console.log('open exceptions', db.prepare("SELECT count(*) FROM monitor_exceptions WHERE status='open'").pluck().get());
for (let i = 0; i < 5; i++) {
  clock.set(at + i * 60_000);
  const s = performance.now();
  const x = runPass(app.ctx, { mode: 'due' });
  console.log('pass', (performance.now() - s).toFixed(2), x.visited, x.waitRead, x.inFlight);
}
await app.close();
