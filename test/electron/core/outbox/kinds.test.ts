import { afterAll, describe, expect, it, vi } from 'vitest';
import type { JobKind } from '../../../../db/job-types';
import { emulatedCarrier } from '../../../../electron/capabilities/dispatch/carrier';
import { api } from '../../../support/app';
import { dispatchApp, pickOn } from '../../capabilities/dispatch/fixtures';
import { carrierApiRules } from '../../../support/setups';

/** Every job kind of db/job-types.ts: the compiler fails here when a kind is added or removed without this list. */
const EVERY_KIND: Record<JobKind, true> = {
  'print.label': true,
  'print.testsheet': true,
  'print.customs_form': true,
  'shopify.fulfillment_create': true,
  'shopify.tracking_update': true,
  'shopify.fulfillment_event': true,
  'shopify.request_answer': true,
  'shopify.buyer_notify': true,
  'carrier.manifest': true,
  'monitor.register': true,
  'monitor.poll': true,
  'monitor.buyer_email': true,
  'notify.webhook': true,
  'retention.archive': true,
};

let app: Awaited<ReturnType<typeof dispatchApp>>;
afterAll(async () => {
  vi.useRealTimers();
  await app?.dispose();
});

describe('typed jobs', () => {
  it('the app has exactly one handler for every job kind, and none for a kind that does not exist', async () => {
    app = await dispatchApp({ orders: 20 });
    const kinds = app.runner.kinds;
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('a committed event that queues a job wakes the runner: a closed manifest goes to the carrier before the next poll', async () => {
    app.clock.set(new Date('2026-11-27T02:00:00.000Z'));
    await api(app, 'dispatch.rules.save', carrierApiRules('ups'));
    const ups = await pickOn(app, 'ups', 2);
    const m = await api(app, 'dispatch.open', { lineId: 'ups' });
    for (const p of ups) await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber });
    emulatedCarrier.script = { notReceived: [], extra: [], fail: null };

    // The runner's timers are faked: time only moves when the test says so. Its first pass finds nothing
    // due and sets the next poll 500 ms ahead; the test never lets that poll come.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    app.runner.start();
    await vi.advanceTimersByTimeAsync(0);
    await api(app, 'dispatch.close', { manifestId: m.id });
    expect(app.store.read.jobs.list({ kindPrefix: 'carrier.', limit: 10 })).toMatchObject([{ status: 'queued', ref: m.id }]);
    await vi.advanceTimersByTimeAsync(0); // no time passes: only a pass the commit asked for runs
    await app.runner.idle();
    expect(app.store.read.jobs.list({ kindPrefix: 'carrier.', limit: 10 })).toMatchObject([{ status: 'done', ref: m.id }]);
    expect((await api(app, 'dispatch.manifest', { manifestId: m.id })).manifest).toMatchObject({ status: 'handed_over', handoverVia: 'carrier_api' });
    await app.runner.stop();
  });
});
