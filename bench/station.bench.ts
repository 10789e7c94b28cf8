/**
 * The desktop station: the built main under the recording `electron` stand-in, from process start
 * to the console page loaded (fresh data folder, and the everyday start on an existing one), against
 * a floor (the same Node + stand-in loader starting an empty main); and the size of the Linux dir
 * package made with a stand-in Electron dist (the app's own content: Electron itself adds its ~250 MB).
 * Boot times are reported without a target (compare boot_ratio across runs: the floor is measured in
 * the same run, so a loaded machine moves both).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, BenchResult } from './types';
import { summarize, round } from './stats';
import { ensureBuilt, StationProcess } from '../test/support/station-process';
import { listFiles, packageLinuxDir } from '../test/support/package-linux';

const RUNS = Number(process.env.BENCH_STATION_RUNS ?? 7);

async function bootOnce(dataDir: string, main?: string): Promise<number> {
  const t0 = performance.now();
  const s = new StationProcess(dataDir, {}, main);
  try {
    await s.waitFor((m) => m.type === 'loaded', 120_000);
    return performance.now() - t0;
  } finally {
    if (main) s.kill();
    else await s.quit();
  }
}

export const stationBench: Bench = {
  name: 'station',
  async run(): Promise<BenchResult[]> {
    ensureBuilt();
    const work = mkdtempSync(join(tmpdir(), 'bench-station-'));
    try {
      const empty = join(work, 'empty-main.mjs');
      writeFileSync(empty, "process.send({ type: 'loaded', at: 0 });\n");
      const floor: number[] = [];
      const fresh: number[] = [];
      const again: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        floor.push(await bootOnce(join(work, `floor-${i}`), empty));
        const dir = join(work, `station-${i}`);
        fresh.push(await bootOnce(dir));
        again.push(await bootOnce(dir));
      }
      const f = summarize(floor);
      const a = summarize(again);
      const n = summarize(fresh);
      const pkg = packageLinuxDir(join(work, 'pkg'));
      const mb = listFiles(pkg.appDir).reduce((s, x) => s + x.size, 0) / 1024 / 1024;
      return [
        {
          key: 'station.boot_ms',
          value: round(a.p50, 0),
          unit: 'ms',
          target: '',
          note: `median of ${RUNS} starts on an existing data folder; p99 ${round(a.p99, 0)} ms`,
        },
        {
          key: 'station.first_boot_ms',
          value: round(n.p50, 0),
          unit: 'ms',
          target: '',
          note: `new data folder: demo seeded, demo store started; p99 ${round(n.p99, 0)} ms`,
        },
        { key: 'station.boot_floor_ms', value: round(f.p50, 0), unit: 'ms', target: '', note: 'Node + stand-in loader starting an empty main' },
        { key: 'station.boot_ratio', value: round(a.p50 / f.p50, 1), unit: 'x', target: '', note: 'boot over floor' },
        {
          key: 'package.unpacked_mb',
          value: round(mb, 1),
          unit: 'MB',
          target: '<= 120',
          pass: mb <= 120,
          note: 'linux-unpacked with a stand-in Electron dist',
        },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
