/**
 * Operators: a badge scan to the signed-in reply (`operators.signIn` through invoke(), the door of
 * every transport), for a picker (badge alone) and a supervisor (badge + PIN: one scrypt). Each
 * sample signs in from signed out. Floor: `app.info` through the same door, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, BenchResult } from './types';
import { summarize, round } from './stats';
import { createApp } from '../electron/app/create';
import { invoke } from '../electron/app/invoke';

const RUNS = Number(process.env.BENCH_AUTH_RUNS ?? 60);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const authBench: Bench = {
  name: 'auth',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-auth-'));
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 5 });
    try {
      const floor: number[] = [];
      const badge: number[] = [];
      const pin: number[] = [];
      const signIn = async (input: { code: string; pin?: string }) => {
        const r = await invoke(app.handlers, 'operators.signIn', input);
        if (!r.ok || (r.data as { outcome: string }).outcome !== 'signed_in') throw new Error(`sign-in failed: ${JSON.stringify(r)}`);
      };
      for (let i = 0; i < RUNS; i++) {
        floor.push(await timed(() => invoke(app.handlers, 'app.info', {})));
        await invoke(app.handlers, 'operators.signOut', {});
        badge.push(await timed(() => signIn({ code: 'OP-ANA1-4821' })));
        await invoke(app.handlers, 'operators.signOut', {});
        pin.push(await timed(() => signIn({ code: 'OP-SAM3-1962', pin: '2468' })));
      }
      const [f, b, p] = [summarize(floor), summarize(badge), summarize(pin)];
      return [
        {
          key: 'auth.signin_ms',
          value: round(p.p50, 1),
          unit: 'ms',
          target: '<= 50',
          pass: p.p50 <= 50,
          note: `badge + PIN (scrypt N=2^11, r=8), median of ${RUNS}; p99 ${round(p.p99, 1)} ms`,
        },
        {
          key: 'auth.signin_badge_ms',
          value: round(b.p50, 2),
          unit: 'ms',
          target: '<= 50',
          pass: b.p50 <= 50,
          note: `badge alone (picker); p99 ${round(b.p99, 2)} ms`,
        },
        {
          key: 'auth.signin_ratio',
          value: round(p.p50 / f.p50, 1),
          unit: 'x',
          target: '',
          note: `badge + PIN over the floor (app.info through invoke(), ${round(f.p50, 3)} ms)`,
        },
      ];
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
