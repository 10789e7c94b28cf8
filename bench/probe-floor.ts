// Ad hoc: npx tsx bench/probe-floor.ts <data dir> — time every floor query and print the plans that scan.
import { createApp } from '../electron/app/create';
import { callFloor, floorQueries, planOf, preparedDuring } from '../test/support/floor-screens';
import { summarize } from './stats';

const dir = process.argv[2];
const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demo: false, background: false, lock: 'probe' });
for (const f of floorQueries(app)) {
  const sqls = await preparedDuring(app, () => callFloor(app, f));
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await callFloor(app, f);
    times.push(performance.now() - t0);
  }
  const s = summarize(times);
  console.log(`${f.screen} ${f.channel} ${JSON.stringify(f.input)}  p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)} ms`);
  for (const sql of new Set(sqls)) {
    const scans = planOf(app, sql).filter((d) => /^SCAN /.test(d));
    if (scans.length) console.log(`   ${scans.join(' | ')}   <- ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}
await app.close();
