// Issue 16: a poll's answer (up to 40 parcels) was ingested in one step, holding the console's loop
// with every scan waiting behind it. It is ingested a parcel per turn, to the same result.
import { afterEach, describe, expect, it } from 'vitest';
import { ingestScans, ingestScansInTurns } from '../../../../electron/capabilities/monitor/ingest';
import type { SourceScan } from '../../../../electron/capabilities/monitor/sources/types';
import { monitorApp, pick, T0, H, type TestApp } from './helpers';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe('ingesting a poll answer', () => {
  it('gives the event loop back between parcels, and ingests what the one-step ingest does', async () => {
    app = await monitorApp(4);
    const parcels = [await pick(app, '#1001'), await pick(app, '#1002'), await pick(app, '#1003')];
    const scans: SourceScan[] = parcels.flatMap((p, i) => [
      { trackingNumber: p.trackingNumber, status: 'accepted', scannedAt: new Date(T0 + (i + 1) * H).toISOString(), location: 'Shenzhen', detail: 'PU' },
      { trackingNumber: p.trackingNumber, status: 'in_transit', scannedAt: new Date(T0 + (i + 5) * H).toISOString(), location: 'Guangzhou', detail: 'AF' },
    ]);
    const at = new Date(T0 + 10 * H);
    const whole = ingestScans(app.ctx, 'aggregator', 'poll', scans, at);
    const reader = app.store.read.monitor;
    const looked: string[] = [];
    const milestones = reader.milestones.bind(reader);
    reader.milestones = (id) => (looked.push(id), milestones(id));
    const turns = ingestScansInTurns(app.ctx, 'aggregator', 'poll', scans, at);
    expect(looked).toEqual([]);
    await new Promise<void>((ok) => setImmediate(ok));
    expect(looked.length).toBeLessThan(parcels.length);
    const inTurns = await turns;
    expect(looked.length).toBe(parcels.length);
    // Job ids are new each time: the same jobs otherwise.
    const ids = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/"job_[^"]+"/g, '"job"'));
    expect(ids(inTurns)).toEqual(ids(whole));
    expect(inTurns.events.map((e) => e.subject)).toEqual(parcels.map((p) => p.id));
    expect(inTurns.fresh).toBe(6);
  });
});
