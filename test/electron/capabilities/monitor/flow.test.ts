import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { runPass } from '../../../../electron/capabilities/monitor/pass';
import { eventsFor } from '../../../../db/core/events';
import { D, H, T0, drain, handOver, monitorApp, pick, type TestApp } from './helpers';
import { sqliteOf } from '../../../../db/core/handle';

let app: TestApp;
afterEach(async () => app?.dispose());

describe('sources through the outbox: earliest source wins, no duplicates', () => {
  it('registers with the aggregator, polls each source as monitor.* jobs, and keeps one line per scan credited to the first source', async () => {
    app = await monitorApp();
    const p = await pick(app, '#1001');
    await handOver(app, p.lineId, [p.trackingNumber]);
    app.clock.set(T0 + H);
    const first = runPass(app.ctx);
    expect(first.registrationsQueued).toBe(1);
    expect(first.pollsQueued).toBe(1); // the carrier's own API
    const kinds = app.store.read.jobs
      .list({ kindPrefix: 'monitor.', limit: 50 })
      .map((j) => `${j.kind}@${j.target}`)
      .sort();
    expect(kinds).toEqual(
      ['monitor.poll@carrier:' + (p.lineId === 'postal-s10' ? 'china-post' : p.lineId === 'ups' ? 'ups' : 'dhl-express'), 'monitor.register@aggregator'].sort(),
    );
    await drain(app);
    const reader = app.store.read.monitor;
    // Only the electronic manifest so far; the aggregator knows the number now.
    expect(reader.scans(p.id).map((s) => s.status)).toEqual(['info_received']);

    // The aggregator shows the carrier's first scan, 5 h after it happened; hours later the carrier API shows the same scan.
    app.clock.set(T0 + 30 * H);
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'accepted', hoursAgo: 5, sourceId: 'aggregator' });
    await drain(app);
    app.clock.set(T0 + 33 * H);
    const carrierId = app.store.read.jobs.list({ kindPrefix: 'monitor.poll', limit: 50 }).find((j) => j.target.startsWith('carrier:'))!.target;
    await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'accepted', hoursAgo: 8 - 0.2, sourceId: carrierId });
    await drain(app);
    const accepted = reader.scans(p.id).filter((s) => s.status === 'accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0].sourceId).toBe('aggregator');
    expect(reader.tracking(p.id)).toMatchObject({
      status: 'accepted',
      firstSource: 'aggregator',
      firstLearnedAt: new Date(T0 + 30 * H).toISOString(),
      firstScanAt: new Date(T0 + 25 * H).toISOString(),
    });
    const carrierPoll = app.store.read.jobs
      .list({ kindPrefix: 'monitor.poll', status: 'done', limit: 50 })
      .find((j) => j.target === carrierId && j.result?.repeated);
    // The carrier showed the electronic manifest and the same first scan: both dropped as repeats.
    expect(carrierPoll?.result).toMatchObject({ fresh: 0, repeated: 2 });
    // The Shopify milestone of the first scan was queued once (planShopifyEvent decides the jobs).
    expect([...reader.milestones(p.id)]).toEqual(['IN_TRANSIT']);
    // The parcel's timeline shows the scan report.
    expect(eventsFor(sqliteOf(app.store), [p.id]).some((e) => e.type === 'monitor.scans_reported')).toBe(true);
  });

  it('over a month of emulated carriers: no duplicate scans, and a delivered parcel is never polled again', async () => {
    app = await monitorApp(12);
    const parcels = [];
    for (let i = 0; i < 12; i++) parcels.push(await pick(app, `#${1001 + i}`));
    for (const lineId of new Set(parcels.map((p) => p.lineId)))
      await handOver(
        app,
        lineId,
        parcels.filter((p) => p.lineId === lineId).map((p) => p.trackingNumber),
      );
    for (let h = 1; h <= 40 * 24; h += 6) {
      app.clock.set(T0 + h * H);
      runPass(app.ctx);
      await drain(app);
    }
    const reader = app.store.read.monitor;
    const delivered = parcels.filter((p) => reader.tracking(p.id)?.status === 'delivered');
    expect(delivered.length).toBeGreaterThan(6);
    for (const p of parcels) {
      const scans = reader.scans(p.id);
      for (let i = 0; i < scans.length; i++)
        for (let k = i + 1; k < scans.length; k++)
          expect(scans[i].status === scans[k].status && Math.abs(Date.parse(scans[i].scannedAt) - Date.parse(scans[k].scannedAt)) <= H).toBe(false);
      for (const s of scans) expect(Date.parse(s.learnedAt)).toBeGreaterThanOrEqual(Date.parse(s.scannedAt));
    }
    const polledBefore = app.store.read.jobs.list({ kindPrefix: 'monitor.poll', limit: 5000 }).length;
    app.clock.set(T0 + 45 * D);
    runPass(app.ctx);
    const fresh = app.store.read.jobs.list({ kindPrefix: 'monitor.poll', status: 'queued', limit: 5000 });
    const deliveredIds = new Set(delivered.map((p) => p.id));
    for (const j of fresh) for (const n of j.kind === 'monitor.poll' ? j.payload.numbers : []) expect(deliveredIds.has(n.parcelId)).toBe(false);
    expect(app.store.read.jobs.list({ kindPrefix: 'monitor.poll', limit: 5000 }).length).toBeGreaterThanOrEqual(polledBefore);
    // Everything the monitor holds is rebuilt identically from the events.
    const live = dumpProjections(sqliteOf(app.store));
    rebuildProjections(sqliteOf(app.store));
    expect(dumpProjections(sqliteOf(app.store))).toEqual(live);
  }, 60_000);

  it('imports a scan file: the file is a source like the others, repeats are dropped, unknown numbers listed', async () => {
    app = await monitorApp();
    const p = await pick(app, '#1002');
    const csv = `tracking_number,status,scanned_at,location\n${p.trackingNumber},Accepted at origin,2026-11-23 15:00,Shenzhen\n${p.trackingNumber},Accepted,2026-11-23 15:10,Shenzhen\nXX000000000CN,Delivered,2026-11-23 15:00,\n`;
    const r = await api(app, 'monitor.import', { csv });
    expect(r).toMatchObject({ read: 3, fresh: 1, repeated: 1, unknownNumbers: ['XX000000000CN'], rejected: [] });
    expect(app.store.read.monitor.tracking(p.id)).toMatchObject({ status: 'accepted', firstSource: 'file', firstScanAt: '2026-11-23T07:00:00.000Z' });
  });
});
