import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import type { Bench, BenchResult } from './types';
import { shopifyBench } from './shopify.bench';
import { pickBench } from './pick.bench';
import { dispatchBench } from './dispatch.bench';
import { cutoffsBench } from './cutoffs.bench';
import { monitorBench } from './monitor.bench';
import { retentionBench } from './retention.bench';
import { printBench } from './print.bench';
import { stationBench } from './station.bench';
import { importBench } from './import.bench';
import { screensBench } from './screens.bench';
import { walBench } from './wal.bench';
import { outboxBench } from './outbox.bench';
import { backupBench } from './backup.bench';
import { packBench } from './pack.bench';
import { authBench } from './auth.bench';
import { uiBench } from './ui.bench';
import { startBench } from './start.bench';

/** One entry per capability; `npm run bench -- --only pick` runs one. */
const benches: Bench[] = [
  pickBench,
  cutoffsBench,
  dispatchBench,
  monitorBench,
  retentionBench,
  shopifyBench,
  printBench,
  stationBench,
  importBench,
  screensBench,
  walBench,
  outboxBench,
  backupBench,
  packBench,
  authBench,
  uiBench,
  startBench,
];
benches.push((await import('./site.bench')).siteBench);

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

const results: BenchResult[] = [];
for (const b of benches) {
  if (only && b.name !== only) continue;
  const t0 = performance.now();
  process.stderr.write(`bench ${b.name}… `);
  results.push(...(await b.run()));
  process.stderr.write(`${Math.round((performance.now() - t0) / 1000)} s\n`);
}

const rows = results.map((r) => ({
  key: r.key,
  value: `${r.value} ${r.unit}`,
  target: r.target,
  ok: r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  note: r.note ?? '',
}));
const widths = Object.keys(rows[0] ?? {}).map((k) => Math.max(k.length, ...rows.map((r) => String(r[k as keyof typeof r]).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(['key', 'value', 'target', 'ok', 'note']));
for (const r of rows) console.log(line(Object.values(r)));

if (json) {
  const file = fileURLToPath(new URL('./results.json', import.meta.url));
  mkdirSync(dirname(file), { recursive: true });
  // Merge: a run of some benches replaces only its own keys and keeps the others' figures.
  const out: Record<string, { value: number; unit: string; target: string }> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const r of results) out[r.key] = { value: r.value, unit: r.unit, target: r.target };
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
