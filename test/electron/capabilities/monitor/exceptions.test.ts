import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { eventsFor } from '../../../../db/core/events';
import { dumpProjections, rebuildProjections } from '../../../../db/rebuild';
import { runPass, runPassSliced } from '../../../../electron/capabilities/monitor/pass';
import { D, H, T0, drain, handOver, monitorApp, pick, type TestApp } from './helpers';
import { sqliteOf } from '../../../../db/core/handle';
import { planOf, preparedDuring } from '../../../support/floor-screens';

let app: TestApp;
afterEach(async () => app?.dispose());

const pass = () => runPass(app.ctx);
const open = () => api(app, 'monitor.queue', {});

describe('the exception queue', () => {
  it('opens "not handed over" exactly at pickup + grace, then clears it when the carrier takes the parcel', async () => {
    app = await monitorApp();
    const a = await pick(app, '#1001');
    const b = await pick(app, '#1002');
    const deadline = (p: typeof a) => (p.pickupAt ? Date.parse(p.pickupAt) : Date.parse(p.pickedAt) + 24 * H) + 2 * H;
    const first = Math.min(deadline(a), deadline(b));
    app.clock.set(first - 1);
    pass();
    expect((await open()).rows).toHaveLength(0);
    app.clock.set(Math.max(deadline(a), deadline(b)));
    expect(pass().opened).toBe(2);
    const q = await open();
    expect(q.rows.map((r) => [r.orderName, r.cause, r.owner, r.overdue])).toEqual(
      expect.arrayContaining([
        ['#1001', 'not_handed_over', null, false],
        ['#1002', 'not_handed_over', null, false],
      ]),
    );
    expect(q.counts).toEqual({ not_handed_over: 2 });
    expect(q.rows[0].dueAt).toBe(new Date(app.clock.now().getTime() + 2 * H).toISOString());
    // A second pass changes nothing (no duplicate exceptions).
    expect(pass()).toMatchObject({ opened: 0, changed: 0, cleared: 0 });

    await handOver(app, a.lineId, [a.trackingNumber]);
    expect(pass().cleared).toBe(1);
    const left = await open();
    expect(left.rows.map((r) => r.orderName)).toEqual(['#1002']);
    const resolved = await api(app, 'monitor.queue', { status: 'resolved' });
    expect(resolved.rows[0]).toMatchObject({ orderName: '#1001', resolution: 'cleared', reason: 'the carrier has the parcel now' });
  });

  it('no first scan: fires 72 h after handover on express lines and 120 h on postal; the first scan clears it', async () => {
    app = await monitorApp(20);
    const parcels = [];
    for (let i = 0; i < 20; i++) parcels.push(await pick(app, `#${1001 + i}`));
    const postal = parcels.find((p) => p.lineId === 'postal-s10')!;
    const express = parcels.find((p) => p.lineId === 'express-dhl')!;
    await handOver(app, postal.lineId, [postal.trackingNumber]);
    await handOver(app, express.lineId, [express.trackingNumber]);
    const handedAt = app.clock.now().getTime();
    app.clock.set(handedAt + 72 * H - 1);
    pass();
    const byOrder = async () => Object.fromEntries((await open()).rows.map((r) => [r.orderName, r.cause]));
    expect((await byOrder())[express.orderName]).toBeUndefined();
    app.clock.set(handedAt + 72 * H);
    pass();
    expect((await byOrder())[express.orderName]).toBe('no_first_scan');
    expect((await byOrder())[postal.orderName]).toBeUndefined();
    app.clock.set(handedAt + 120 * H);
    pass();
    expect((await byOrder())[postal.orderName]).toBe('no_first_scan');
    await api(app, 'monitor.demo.scan', { query: postal.trackingNumber, status: 'accepted', hoursAgo: 1 });
    await drain(app);
    pass();
    expect((await byOrder())[postal.orderName]).toBeUndefined();
  });

  it('express "no first scan": the buyer message promises no date already past; delivered straight from no scan closes the exception', async () => {
    app = await monitorApp(20);
    const parcels = [];
    for (let i = 0; i < 20; i++) parcels.push(await pick(app, `#${1001 + i}`));
    const express = parcels.find((p) => p.lineId === 'express-dhl')!;
    await handOver(app, express.lineId, [express.trackingNumber]);
    app.clock.set(app.clock.now().getTime() + 80 * H);
    pass();
    const exc = (await open()).rows.find((r) => r.orderName === express.orderName)!;
    expect(exc.cause).toBe('no_first_scan');
    const preview = await api(app, 'monitor.contactPreview', { exceptionId: exc.id });
    expect(preview.body).not.toMatch(/we expect it by/);
    const inTwoDays = new Date(app.clock.now().getTime() + 2 * D)
      .toLocaleDateString('en-GB', { timeZone: 'Asia/Shanghai', weekday: 'short', day: 'numeric', month: 'short' })
      .replace(',', '');
    expect(preview.body).toContain(`will write to you again by ${inTwoDays}.`);

    // One poll shows it delivered, with no scan before: the parcel leaves the watch list and its exception closes.
    await api(app, 'monitor.demo.scan', { query: express.trackingNumber, status: 'delivered', hoursAgo: 1 });
    await drain(app);
    expect(pass().cleared).toBe(1);
    expect((await open()).rows.find((r) => r.orderName === express.orderName)).toBeUndefined();
    const resolved = (await api(app, 'monitor.queue', { status: 'resolved' })).rows.find((r) => r.orderName === express.orderName)!;
    expect(resolved).toMatchObject({ resolution: 'cleared', reason: 'the carrier delivered the parcel' });
    expect(pass().cleared).toBe(0);
  });

  it('works the queue: assign in bulk, contact buyers with the cause’s template, resolve with a reason — all events; a closed cause does not reopen', async () => {
    app = await monitorApp();
    const ps = [await pick(app, '#1001'), await pick(app, '#1002'), await pick(app, '#1003')];
    app.clock.set(T0 + 3 * D);
    pass();
    const q = await open();
    expect(q.rows).toHaveLength(3);
    const ids = q.rows.map((r) => r.id);
    expect(await api(app, 'monitor.assign', { ids, owner: 'Lin' })).toEqual({ updated: 3 });
    expect((await api(app, 'monitor.queue', { owner: 'Lin' })).rows).toHaveLength(3);

    const preview = await api(app, 'monitor.contactPreview', { exceptionId: ids[0] });
    const row = q.rows[0];
    expect(preview.to).toBe(row.email);
    expect(preview.subject).toContain(row.orderName);
    expect(preview.body).toContain(row.trackingNumber);
    expect(preview.body).toMatch(/https?:\/\//);
    expect(preview.body).toContain(`Hi ${row.buyer.split(' ')[0]},`);

    expect(await api(app, 'monitor.contact', { exceptionIds: ids })).toEqual({ sent: 3 });
    await drain(app);
    const mails = readdirSync(join(app.dir, 'fake-mail'));
    expect(mails).toHaveLength(3);
    // The job id names the file and is the Message-ID: a receiver tells a repeat from a new message.
    expect(readFileSync(join(app.dir, 'fake-mail', mails[0]), 'utf8')).toMatch(
      new RegExp(`^Message-ID: <${mails[0].replace(/\.eml$/, '')}@firstscan>\nTo: buyer\\d+@example.com\nSubject: `),
    );
    expect((await open()).rows.every((r) => r.contacts === 1 && r.contactedAt)).toBe(true);

    await expect(api(app, 'monitor.contact', { exceptionIds: ids, body: 'edited' })).rejects.toThrow('An edited message goes to one buyer');
    expect(await api(app, 'monitor.resolve', { ids: ids.slice(0, 2), reason: 'parcels found on the dock, on today’s pickup' })).toEqual({ updated: 2 });
    await expect(api(app, 'monitor.resolve', { ids: [ids[0]], reason: 'again' })).rejects.toThrow('Already closed');
    expect((await open()).rows.map((r) => r.id)).toEqual([ids[2]]);
    // Still not handed over, but a person closed that cause for these parcels: no new exception.
    app.clock.set(T0 + 4 * D);
    expect(pass().opened).toBe(0);
    const timeline = eventsFor(sqliteOf(app.store), [q.rows[0].parcelId]).map((e) => e.type);
    expect(ps.map((p) => p.id)).toContain(q.rows[0].parcelId);
    expect(timeline).toEqual(
      expect.arrayContaining(['monitor.exception_opened', 'monitor.exception_assigned', 'monitor.buyer_contacted', 'monitor.exception_resolved']),
    );
  });

  it('15 days without update = lost: proposes a reship; the reship is a new order picked like any other, linked both ways', async () => {
    app = await monitorApp();
    const old = await pick(app, '#1004');
    await handOver(app, old.lineId, [old.trackingNumber]);
    app.clock.set(app.clock.now().getTime() + 2 * D);
    await api(app, 'monitor.demo.scan', { query: old.trackingNumber, status: 'in_transit', hoursAgo: 1 });
    await drain(app);
    const lastScan = app.clock.now().getTime() - H;
    app.clock.set(lastScan + 15 * D - 1);
    pass();
    expect((await open()).rows[0]).toMatchObject({ orderName: '#1004', cause: 'no_update' });
    app.clock.set(lastScan + 15 * D);
    expect(pass().changed).toBe(1);
    const lost = (await open()).rows[0];
    expect(lost).toMatchObject({ cause: 'lost', proposal: 'reship' });

    const r = await api(app, 'monitor.reship', { exceptionIds: [lost.id], reason: 'lost: 15 days without update' });
    expect(r.reships).toEqual([{ oldParcelId: old.id, oldTrackingNumber: old.trackingNumber, newOrderId: expect.any(String), newOrderName: '#1004-R1' }]);
    expect((await open()).rows).toHaveLength(0);
    await expect(api(app, 'monitor.reship', { parcelId: old.id, reason: 'again please' })).rejects.toThrow('already being reshipped as #1004-R1');

    // The picker scans the replacement: the normal pick flow issues its own number.
    const fresh = await pick(app, '#1004-R1');
    expect(fresh.trackingNumber).not.toBe(old.trackingNumber);
    await new Promise((res) => setImmediate(res));
    const oldDiag = await api(app, 'monitor.parcel', { id: old.id });
    expect(oldDiag.reshippedAs).toEqual([expect.objectContaining({ orderName: '#1004-R1', trackingNumber: fresh.trackingNumber })]);
    const newDiag = await api(app, 'monitor.parcel', { id: fresh.id });
    expect(newDiag.reshipOf).toEqual({ orderName: '#1004-R1', oldParcelId: old.id, oldTrackingNumber: old.trackingNumber });
    // Both parcels' timelines (as the Parcels screen shows them) name the other one.
    const oldTimeline = (await api(app, 'parcels.get', { id: old.id })).events;
    expect(oldTimeline.find((e) => e.type === 'monitor.reship_picked')?.payload).toMatchObject({
      newTrackingNumber: fresh.trackingNumber,
      newOrderName: '#1004-R1',
    });
    const newTimeline = (await api(app, 'parcels.get', { id: fresh.id })).events;
    expect(newTimeline.find((e) => e.type === 'monitor.reship_opened')?.payload).toMatchObject({
      oldTrackingNumber: old.trackingNumber,
      oldOrderName: '#1004',
    });
    // A reshipped parcel raises no more exceptions.
    app.clock.set(lastScan + 30 * D);
    pass();
    expect((await open()).rows.map((x) => x.orderName)).not.toContain('#1004');

    const live = dumpProjections(sqliteOf(app.store));
    rebuildProjections(sqliteOf(app.store));
    expect(dumpProjections(sqliteOf(app.store))).toEqual(live);
  });

  it('refuses to contact a buyer without e-mail, naming the order, and sends nothing', async () => {
    app = await monitorApp();
    const p = await pick(app, '#1005');
    sqliteOf(app.store).prepare('UPDATE orders SET email = NULL WHERE id = ?').run(p.orderId);
    app.clock.set(T0 + 3 * D);
    pass();
    const [row] = (await open()).rows;
    await expect(api(app, 'monitor.contact', { exceptionIds: [row.id] })).rejects.toThrow('No buyer e-mail on #1005');
    expect(existsSync(join(app.dir, 'fake-mail'))).toBe(false);
  });

  it('closing an exception finds its parcel on the watch list by key, not by reading every watched parcel', async () => {
    app = await monitorApp();
    const a = await pick(app, '#1001');
    const b = await pick(app, '#1002');
    app.clock.set(Date.parse(a.pickedAt) + 3 * D);
    expect(pass().opened).toBe(2);
    const ids = (await open()).rows.map((r) => r.id);
    const sqls = await preparedDuring(app, async () => {
      await handOver(app, a.lineId, [a.trackingNumber]);
      expect(pass().cleared).toBe(1);
      await api(app, 'monitor.resolve', { ids: ids.filter((_, i) => i === ids.length - 1), reason: 'found on the dock' });
    });
    expect((await open()).rows).toHaveLength(0);
    const onWatch = sqls.filter((s) => /^\s*UPDATE monitor_watch\b/.test(s));
    expect(onWatch.some((s) => /exc_id = NULL/.test(s))).toBe(true);
    for (const s of onWatch) expect(planOf(app, s).join(' | '), s).not.toMatch(/SCAN monitor_watch/);
    expect(b.id).toBeTruthy();
  });

  it('clears the exceptions of many parcels that left the watch list in parts, one commit a slice', async () => {
    app = await monitorApp(13);
    const parcels = [];
    for (let i = 0; i < 12; i++) parcels.push(await pick(app, `#${1001 + i}`));
    app.clock.set(Date.parse(parcels[0].pickedAt) + 3 * D);
    expect(pass().opened).toBe(12);
    for (const p of parcels) await api(app, 'monitor.demo.scan', { query: p.trackingNumber, status: 'delivered', hoursAgo: 1 });
    await drain(app);
    const commits: number[] = [];
    const off = app.store.onCommit((events) => {
      const n = events.filter((e) => e.type === 'monitor.exception_cleared').length;
      if (n) commits.push(n);
    });
    const r = (await runPassSliced(app.ctx, { mode: 'due', slice: 3 }))!;
    off();
    expect(r.cleared).toBe(12);
    expect(commits.reduce((a, b) => a + b, 0)).toBe(12);
    expect(Math.max(...commits)).toBeLessThanOrEqual(3);
    expect((await open()).rows).toHaveLength(0);
    expect(pass().cleared).toBe(0);
  });
});
