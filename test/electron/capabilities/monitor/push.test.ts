import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { api, signInAs } from '../../../support/app';
import { AGGREGATOR_ID } from '../../../../electron/capabilities/monitor/sources/registry';
import { monitorApp, pick, type TestApp } from './helpers';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe("an aggregator's webhook push (monitor.push)", () => {
  it("records the pushed scans on the parcel, each with its stage's words", async () => {
    app = await monitorApp(4);
    const parcel = await pick(app, '#1001');
    const r = await api(app, 'monitor.push', {
      sourceId: AGGREGATOR_ID,
      data: [
        {
          number: parcel.trackingNumber,
          track_info: {
            latest_status: { status: 'InTransit' },
            tracking: {
              providers: [{ provider: { name: 'China Post' }, events: [{ stage: 'PickedUp', time_utc: '2026-11-23T06:00:00Z', location: 'Shenzhen' }] }],
            },
          },
        },
      ],
    });
    expect(r).toEqual({ fresh: 1, repeated: 0, unknown: 0, skipped: 0 });
    const seen = await api(app, 'monitor.parcel', { id: parcel.id });
    expect(seen.scans).toEqual([expect.objectContaining({ status: 'accepted', scannedAt: '2026-11-23T06:00:00.000Z', location: 'Shenzhen' })]);
  });

  it('refuses a push without the tracking it carries with a clear message, and records nothing', async () => {
    app = await monitorApp(4);
    const parcel = await pick(app, '#1001');
    await signInAs(app, 'dispatch');
    const r = await invoke(app.handlers, 'monitor.push', { sourceId: AGGREGATOR_ID, data: [{ number: parcel.trackingNumber, track_info: {} }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.message).toMatch(/track_info\.tracking/);
    expect((await api(app, 'monitor.parcel', { id: parcel.id })).scans).toEqual([]);
  });
});
