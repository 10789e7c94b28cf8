import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp } from '../../support/app';
import { Replica } from '../../../db/replica/replica';
import { dumpProjections, rebuildProjections } from '../../../db/rebuild';
import { scan } from '../../../electron/capabilities/pick/scan';
import type { App } from '../../../electron/app/create';
import { sqliteOf } from '../../../db/core/handle';

type Station = Awaited<ReturnType<typeof demoApp>> & { replica: Replica; shipped: number };

let a: Station;
let b: Station;

async function station(opts: Parameters<typeof demoApp>[0]): Promise<Station> {
  const app = await demoApp({ runJobs: false, ...opts });
  const replica = new Replica(sqliteOf(app.store), app.store.log, () => Date.now());
  app.store.site.blocks = true;
  return Object.assign(app, { replica, shipped: 0 });
}

/** What the site server does: hand one station's new events to another. */
function ship(from: Station, to: Station) {
  const events = from.store.read.site.unpushed(from.store.station, 0, 1_000_000);
  return to.replica.applyRemote(events);
}

function lease(s: Station, rangeId: string, first: number, last: number) {
  s.store.write('site', new Date(), (emit) => emit({ type: 'range.block_leased', payload: { rangeId, first, last } }));
}

const rangeOf = (app: App, lineId: string) =>
  sqliteOf(app.store).prepare('SELECT id, next_serial AS next FROM number_ranges WHERE line_id = ?').get(lineId) as { id: string; next: number };

function picked(s: Station, code: string) {
  const r = scan(s.ctx, code);
  if (r.outcome !== 'issued') throw new Error(`${code}: ${JSON.stringify(r)}`);
  return r;
}

beforeAll(async () => {
  a = await station({ demoOrders: 40 });
  b = await station({ demo: false });
  // B joins: it gets the whole site from A (and A gets B's station settings).
  ship(a, b);
  ship(b, a);
  const postal = rangeOf(a, 'postal-s10');
  lease(a, postal.id, postal.next, postal.next + 99);
  lease(b, postal.id, postal.next + 100, postal.next + 199);
  for (const line of ['express-dhl', 'ups']) {
    const r = rangeOf(a, line);
    lease(a, r.id, r.next, r.next + 99);
    lease(b, r.id, r.next + 100, r.next + 199);
  }
});

afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
});

describe('two stations converge whatever order events arrive in', () => {
  it('a joining station ends with the same projections as the site', () => {
    ship(a, b);
    ship(b, a);
    expect(dumpProjections(sqliteOf(b.store))).toEqual(dumpProjections(sqliteOf(a.store)));
  });

  it('picks at both stations, exchanged late, give identical projections and no number twice', () => {
    for (let i = 1; i <= 5; i++) picked(a, `#${1000 + i}`);
    for (let i = 6; i <= 10; i++) picked(b, `#${1000 + i}`);
    for (let i = 11; i <= 13; i++) picked(a, `#${1000 + i}`);
    const toA = ship(b, a);
    const toB = ship(a, b);
    // B's picks are older than A's last three: A had to undo those and apply in hlc order.
    expect(toA.replayed).toBeGreaterThan(0);
    expect(toB.inserted).toBeGreaterThan(0);
    const da = dumpProjections(sqliteOf(a.store));
    expect(dumpProjections(sqliteOf(b.store))).toEqual(da);
    const numbers = sqliteOf(a.store).prepare('SELECT tracking_number FROM parcels').all() as Array<{ tracking_number: string }>;
    expect(numbers.length).toBe(13);
    expect(new Set(numbers.map((n) => n.tracking_number)).size).toBe(13);
    const stations = sqliteOf(a.store).prepare('SELECT DISTINCT picked_station AS s FROM parcels').all() as Array<{ s: string }>;
    expect(stations.map((r) => r.s).sort()).toEqual([a.store.station, b.store.station].sort());
  });

  it('a rebuild from the log equals the live state at each station', () => {
    for (const s of [a, b]) {
      const live = dumpProjections(sqliteOf(s.store));
      rebuildProjections(sqliteOf(s.store));
      expect(dumpProjections(sqliteOf(s.store))).toEqual(live);
    }
  });

  it('the same order picked at both stations while apart becomes one open conflict at both', () => {
    const pa = picked(a, '#1020');
    const pb = picked(b, '#1020');
    ship(a, b);
    ship(b, a);
    for (const s of [a, b]) {
      const open = s.store.read.site.conflicts('open');
      expect(open.map((c) => c.kind)).toEqual(['order_picked_twice']);
      expect(open[0].detail).toContain('Keep one parcel');
      expect(open[0].stations.sort()).toEqual([a.store.station, b.store.station].sort());
    }
    expect(pa.parcel.trackingNumber).not.toBe(pb.parcel.trackingNumber);
    expect(dumpProjections(sqliteOf(b.store))).toEqual(dumpProjections(sqliteOf(a.store)));
  });

  it('an event older than the journal covers is still applied in order, by a full replay', () => {
    picked(b, '#1030');
    picked(a, '#1031');
    // A is told nothing older than now can arrive (as if B had been written off), then B's pick shows up.
    a.replica.settle('9'.repeat(20));
    expect(a.replica.windowSize()).toBe(0);
    const r = ship(b, a);
    expect(r.rebuilt).toBe(true);
    ship(a, b);
    expect(dumpProjections(sqliteOf(b.store))).toEqual(dumpProjections(sqliteOf(a.store)));
  });
});
