import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { SettableClock } from '../../../../electron/core/clock';
import { openConflict } from '../../../../db/site/conflicts';
import { api, demoApp } from '../../../support/app';
import { sqliteOf } from '../../../../db/core/handle';

type TestApp = Awaited<ReturnType<typeof demoApp>>;
let app: TestApp;
const OPENED = new Date('2025-03-04T06:10:00Z');
const SETTLED = new Date('2025-03-04T06:25:00Z');
let clock: SettableClock;

beforeEach(async () => {
  clock = new SettableClock(OPENED);
  app = await demoApp({ demo: false, runJobs: false, testClock: clock });
});
afterEach(async () => {
  await app.dispose();
});

/** An order picked at this station and at station st_far while they were apart, as the projector records it. */
function conflictOnOrder(orderId: string) {
  app.store.write('test', app.ctx.clock.now(), (emit) => {
    const e = emit({ type: 'site.joined', subject: null, payload: { siteId: 'site_t', stationName: 'Bench 1' } });
    openConflict(sqliteOf(app.store), e, 'order_picked_twice', orderId, `Order ${orderId} was picked at 2 stations. Keep one parcel, void the other.`, [
      { station: 'st_far' },
    ]);
  });
  return `order_picked_twice:${orderId}`;
}

const fails = async (channel: 'site.settle', input: { conflictId: string; resolution: string; note?: string }) => {
  const r = await invoke(app.handlers, channel, input);
  if (r.ok) throw new Error(`${channel} should have been refused`);
  return r.error;
};

describe('site.settle', () => {
  it('settles an open conflict: it leaves the open list, keeps what was done, and counts no more as open', async () => {
    const id = conflictOnOrder('ord_7');
    const open = await api(app, 'site.conflicts', { status: 'open' });
    expect(open.map((c) => [c.id, c.kind, c.subject, c.status])).toEqual([[id, 'order_picked_twice', 'ord_7', 'open']]);
    expect(open[0].stations).toEqual([app.ctx.stationId, 'st_far'].sort());
    expect(open[0].openedAt).toBe(OPENED.toISOString());
    expect((await api(app, 'site.status', {})).openConflicts).toBe(1);

    clock.set(SETTLED);

    const settled = await api(app, 'site.settle', { conflictId: id, resolution: '  voided the second parcel ', note: 'items back on shelf B4' });
    expect(settled.status).toBe('settled');
    expect(settled.resolution).toBe('voided the second parcel: items back on shelf B4');
    expect(settled.settledBy).toBeTruthy();
    expect(settled.settledAt).toBe(SETTLED.toISOString());

    expect(await api(app, 'site.conflicts', { status: 'open' })).toEqual([]);
    const all = await api(app, 'site.conflicts', { status: 'all' });
    expect(all.map((c) => [c.id, c.status])).toEqual([[id, 'settled']]);
    expect((await api(app, 'site.status', {})).openConflicts).toBe(0);

    // The settlement is an event: every station that applies it shows the conflict settled.
    const log = await api(app, 'events.export', { limit: 100 });
    const ev = log.filter((e) => e.type === 'site.conflict_settled');
    expect(ev).toHaveLength(1);
    expect(ev[0].payload).toEqual({ conflictId: id, resolution: 'voided the second parcel', note: 'items back on shelf B4' });
  });

  it('refuses a second settlement, an unknown conflict and an empty resolution, saying what to do', async () => {
    const id = conflictOnOrder('ord_8');
    await api(app, 'site.settle', { conflictId: id, resolution: 'kept parcel P1', note: '' });

    const again = await fails('site.settle', { conflictId: id, resolution: 'kept parcel P2' });
    expect(again.message).toMatch(/Already settled by .*: kept parcel P1/);

    const unknown = await fails('site.settle', { conflictId: 'order_picked_twice:nope', resolution: 'x' });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toMatch(/Reload the list/);

    const other = conflictOnOrder('ord_9');
    const empty = await fails('site.settle', { conflictId: other, resolution: '   ' });
    expect(empty.issues?.find((i) => i.path === 'resolution')?.message).toBe('Say what was done');
    expect((await api(app, 'site.conflicts', { status: 'open' })).map((c) => c.id)).toEqual([other]);
  });
});
