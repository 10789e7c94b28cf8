import { SettableClock } from '../../../../electron/core/clock';
import { api, demoApp } from '../../../support/app';
import { runtimeOf } from '../../../../electron/capabilities/monitor/runtime';

export const H = 3_600_000;
export const D = 24 * H;
/** Monday 23 Nov 2026, 09:00 in Shenzhen. */
export const T0 = Date.parse('2026-11-23T01:00:00Z');

export type TestApp = Awaited<ReturnType<typeof demoApp>> & { clock: SettableClock };

/** A demo console on a frozen, movable clock; the outbox is run by hand (drain). */
export async function monitorApp(orders = 12): Promise<TestApp> {
  const clock = new SettableClock(T0);
  const app = await demoApp({ runJobs: false, testClock: clock, demoOrders: orders });
  // Rate limits pace real requests per real minute; here each look at the time is a minute later.
  let real = 0;
  runtimeOf(app.ctx).realNowMs = () => (real += 60_000);
  return Object.assign(app, { clock });
}

/** Run every due outbox job until none is left (what the runner does on its timer). */
export async function drain(app: TestApp): Promise<number> {
  let ran = 0;
  for (let i = 0; i < 200; i++) {
    const started = app.runner.pass();
    await app.runner.idle();
    if (!started) break;
    ran += started;
  }
  return ran;
}

export async function pick(app: TestApp, orderName: string) {
  const r = await api(app, 'pick.scan', { code: orderName });
  if (r.outcome !== 'issued') throw new Error(`pick ${orderName}: ${r.outcome}`);
  return r.parcel;
}

/** The dispatch flow: a manifest for the line, load the parcels, close it out, the driver takes it. */
export async function handOver(app: TestApp, lineId: string, trackingNumbers: string[]) {
  const m = await api(app, 'dispatch.open', { lineId });
  for (const code of trackingNumbers) await api(app, 'dispatch.scan', { manifestId: m.id, code });
  const closed = await api(app, 'dispatch.close', { manifestId: m.id });
  return api(app, 'dispatch.handover', { code: closed.manifest.number!, driver: 'Li Wei', via: 'lead_confirm' });
}
