import { describe, it, expect } from 'vitest';
import { usePg } from '../../../support/pg';
import { wire, wires } from './events';
import type { SiteLink } from '../../../../db/site/server/types';

const pg = usePg();

async function pullAll(link: SiteLink, after = 0, page = 1000) {
  const out = [];
  let cursor = after;
  for (;;) {
    const r = await link.pull(cursor, page);
    out.push(...r.events);
    if (r.maxServerSeq === cursor) return { events: out, cursor };
    cursor = r.maxServerSeq;
  }
}

describe('SiteLink push and pull', () => {
  it("a station gets every other station's events, in server order, with the exact payload text", async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a01', 'Pick 1');
    const b = await site.station('st-b01', 'Pick 2');
    const c = await site.station('st-c01', 'Dispatch');
    expect(await a.link.push(wires('st-a01', 1, 3))).toBe(3);
    expect(await b.link.push(wires('st-b01', 1, 2))).toBe(2);
    expect(await a.link.push([wire('st-a01', 4, { subject: null })])).toBe(1);

    const seen = await pullAll(c.link);
    expect(seen.events.map((e) => e.id)).toEqual(['st-a01:1', 'st-a01:2', 'st-a01:3', 'st-b01:1', 'st-b01:2', 'st-a01:4']);
    const serverSeqs = seen.events.map((e) => e.serverSeq);
    expect([...serverSeqs].sort((x, y) => x - y)).toEqual(serverSeqs);
    expect(seen.events[0]).toEqual({ ...wire('st-a01', 1), serverSeq: serverSeqs[0] });
    expect(seen.events[5].subject).toBeNull();

    // a station does not get its own events back, but its cursor moves past them
    const fromA = await pullAll(a.link);
    expect(fromA.events.map((e) => e.id)).toEqual(['st-b01:1', 'st-b01:2']);
    expect(fromA.cursor).toBe(serverSeqs[5]);
  });

  it('a repeated push inserts nothing and pushedUpTo tells where the server is', async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a02');
    const b = await site.station('st-b02');
    expect(await a.link.pushedUpTo()).toBe(0);
    expect(await a.link.push(wires('st-a02', 1, 5))).toBe(5);
    // a station killed mid-push sends the batch again, overlapping with new events
    expect(await a.link.push(wires('st-a02', 3, 5))).toBe(2);
    expect(await a.link.pushedUpTo()).toBe(7);
    expect(await b.link.pushedUpTo()).toBe(0);
    const seen = await pullAll(b.link);
    expect(seen.events.map((e) => e.stationSeq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a page stops at the limit and the next page goes on from there', async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a03');
    const b = await site.station('st-b03');
    await a.link.push(wires('st-a03', 1, 25));
    const p1 = await b.link.pull(0, 10);
    expect(p1.events).toHaveLength(10);
    expect(p1.maxServerSeq).toBe(p1.events[9].serverSeq);
    const p2 = await b.link.pull(p1.maxServerSeq, 100);
    expect(p2.events.map((e) => e.stationSeq)).toEqual(Array.from({ length: 15 }, (_, i) => 11 + i));
    const p3 = await b.link.pull(p2.maxServerSeq, 100);
    expect(p3).toEqual({ events: [], maxServerSeq: p2.maxServerSeq });
  });

  it("refuses a push carrying another station's events, and stores none of the batch", async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a04');
    const b = await site.station('st-b04');
    await expect(a.link.push([wire('st-a04', 1), wire('st-b04', 1)])).rejects.toThrow(/only push its own events/);
    await expect(a.link.push([wire('st-b04', 1)])).rejects.toThrow(/only push its own events/);
    // an id that names another station is refused too (id must be station:seq)
    await expect(a.link.push([wire('st-a04', 1, { id: 'st-b04:1' })])).rejects.toThrow(/check constraint/);
    expect((await b.link.pull(0, 100)).events).toEqual([]);
    expect((await a.link.pull(0, 100)).events).toEqual([]);
    expect(await b.link.pushedUpTo()).toBe(0);
  });

  it('push and pull of many events in large batches', async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a05');
    const b = await site.station('st-b05');
    expect(await a.link.push(wires('st-a05', 1, 12_345))).toBe(12_345);
    const seen = await pullAll(b.link, 0, 5_000);
    expect(seen.events).toHaveLength(12_345);
    expect(seen.events[12_344].id).toBe('st-a05:12345');
  });
});

describe('frontier and station status', () => {
  it('is the lowest of the highest hlc pushed by each station active in the window', async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a06');
    const b = await site.station('st-b06');
    await site.station('st-c06'); // joined, never pushed: does not hold the frontier back
    expect(await a.link.frontier(60_000)).toBeNull();
    await a.link.push([wire('st-a06', 1, { hlc: '000000000000300.00000.st-a06' }), wire('st-a06', 2, { hlc: '000000000000500.00000.st-a06' })]);
    await b.link.push([wire('st-b06', 1, { hlc: '000000000000400.00001.st-b06' })]);
    expect(await a.link.frontier(60_000)).toBe('000000000000400.00001.st-b06');
    await b.link.push([wire('st-b06', 2, { hlc: '000000000000900.00000.st-b06' })]);
    expect(await b.link.frontier(60_000)).toBe('000000000000500.00000.st-a06');

    // station b goes quiet: once its last push is older than the window it no longer counts
    const admin = await pg().admin(site.database);
    await admin.query("UPDATE firstscan.stations SET last_push_at = now() - interval '10 minutes' WHERE station = 'st-b06'");
    await a.link.push([wire('st-a06', 3, { hlc: '000000000000600.00000.st-a06' })]);
    expect(await a.link.frontier(60_000)).toBe('000000000000600.00000.st-a06');
    expect(await a.link.frontier(3_600_000)).toBe('000000000000600.00000.st-a06');
    await admin.query("UPDATE firstscan.stations SET last_push_at = now() - interval '10 minutes'");
    expect(await a.link.frontier(60_000)).toBeNull();
  });

  it('lists every station with what it reported and what the server holds for it', async () => {
    const site = await pg().newSite();
    const a = await site.station('st-a07', 'Pick 1');
    const b = await site.station('st-b07', 'Dispatch desk');
    await a.link.push(wires('st-a07', 1, 4));
    await b.link.pull(0, 10);
    await b.link.reportStatus({ name: 'Dispatch desk', pulledServerSeq: 4, outboxDepth: 2, lagMs: 120, version: '0.1.0' });
    const rows = await a.link.stations();
    const byId = Object.fromEntries(rows.map((r) => [r.station, r]));
    expect(byId['st-a07']).toMatchObject({ name: 'Pick 1', pushedSeq: 4, lastPullAt: null });
    expect(byId['st-a07'].lastPushAt).toMatch(/Z$/);
    expect(byId['st-b07']).toMatchObject({
      name: 'Dispatch desk',
      pushedSeq: 0,
      pulledServerSeq: 4,
      outboxDepth: 2,
      lagMs: 120,
      version: '0.1.0',
      lastPushAt: null,
    });
    expect(byId['st-b07'].lastPullAt).not.toBeNull();
    expect(byId['st-b07'].lastSeenAt).not.toBeNull();
    expect(a.link.station).toBe('st-a07');
  });
});
