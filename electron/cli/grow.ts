import { createApp } from '../app/create';
import { invoke } from '../app/invoke';
import { SettableClock } from '../core/clock';
import { growStation, type Call } from '../capabilities/demo/grow';
import { seedDemo } from '../capabilities/demo/seed';
import { DEMO_OPERATORS } from '../capabilities/operators/demo';
import type { App } from '../app/create';

/**
 * The simulated history is made through the channels, which refuse a station nobody is signed in at:
 * the demo's admin signs in, as at the console. A site without the demo's operators cannot be grown.
 */
export async function signInDemoAdmin(app: App): Promise<void> {
  const admin = DEMO_OPERATORS.find((o) => o.role === 'admin')!;
  const r = await app.env.sessions.signIn({ code: admin.badge, pin: admin.pin ?? undefined });
  if (r.outcome !== 'signed_in') throw new Error(`demo grow: the demo admin (${admin.badge}) could not sign in (${r.outcome}); only a demo site can be grown.`);
}

/**
 * `demo grow --parcels <n>`: grow the station of a data folder (a demo site first if it has none)
 * by n parcels of simulated history. The console must not be running on the folder.
 */
export async function demoGrow(dataDir: string, parcels: number, perDay?: number): Promise<number> {
  if (!Number.isInteger(parcels) || parcels < 1) {
    console.error('--parcels must be a whole number of parcels, e.g. --parcels 100000');
    return 2;
  }
  const clock = new SettableClock(new Date());
  const app = await createApp({ dataDir, mode: 'headless', runJobs: false, demo: false, background: false, lock: 'cli demo grow', testClock: clock });
  try {
    // The demo's printer is repointed to the fake printer's socket at the next start.
    if (!app.store.read.settings.get('site', 'site')) seedDemo(app.ctx, { orders: 0, printer: { host: '127.0.0.1', port: 9100 }, ordersVia: 'console' });
    await signInDemoAdmin(app);
    const call: Call = async (channel, input) => {
      const r = await invoke(app.handlers, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.data as never;
    };
    const report = await growStation(app.ctx, call, clock, {
      parcels,
      perDay,
      onDay: (p) => {
        if (p.day % 10 === 0 || p.day === p.days)
          process.stderr.write(`day ${p.day} of ${p.days}: ${p.parcels.toLocaleString('en')} parcels, ${Math.round(p.ms / 1000)} s\n`);
      },
    });
    console.log(JSON.stringify(report, null, 2));
    return 0;
  } finally {
    await app.close();
  }
}
