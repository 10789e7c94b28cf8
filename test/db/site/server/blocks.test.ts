import { describe, it, expect } from 'vitest';
import { usePg } from '../../../support/pg';
import type { SiteLink } from '../../../../db/site/server/types';

const cluster = usePg();

type Block = { first: number; last: number };

function expectDisjoint(blocks: Block[]) {
  const sorted = [...blocks].sort((x, y) => x.first - y.first);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i].first).toBeGreaterThan(sorted[i - 1].last);
}

const serials = (blocks: Block[]) => blocks.reduce((n, b) => n + b.last - b.first + 1, 0);

describe('number blocks', () => {
  it('stations leasing the same range at once never get overlapping blocks, and the range is used to its end', async () => {
    const site = await cluster().newSite();
    const links: SiteLink[] = [];
    for (const s of ['st-blk-1', 'st-blk-2', 'st-blk-3', 'st-blk-4', 'st-blk-5']) links.push((await site.station(s)).link);
    const range = { id: 'range_s10', first: 1000, last: 5999, startAt: 1200 };
    const got: Block[] = [];
    const lease = async (l: SiteLink) => {
      for (;;) {
        const b = await l.leaseBlock(range, 37);
        if (!b) return;
        got.push(b);
      }
    };
    await Promise.all(links.map(lease));
    expectDisjoint(got);
    expect(Math.min(...got.map((b) => b.first))).toBe(1200); // serials before startAt were issued before the site
    expect(Math.max(...got.map((b) => b.last))).toBe(5999);
    expect(serials(got)).toBe(5999 - 1200 + 1);
    expect(got.every((b) => b.last - b.first + 1 <= 37)).toBe(true);
    expect(await links[0].leaseBlock(range, 10)).toBeNull();
  });

  it('returned serials are leased again before fresh ones, and only once', async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-ret-a')).link;
    const b = (await site.station('st-ret-b')).link;
    const range = { id: 'range_dhl', first: 1, last: 100, startAt: 1 };
    expect(await a.leaseBlock(range, 20)).toEqual({ first: 1, last: 20 });
    expect(await b.leaseBlock(range, 20)).toEqual({ first: 21, last: 40 });
    // a issued 1..12 and gives back the rest
    await a.returnBlock('range_dhl', 13, 20);
    await a.returnBlock('range_dhl', 13, 20); // a retried return changes nothing
    // b cannot give back what it does not hold (a's serials, or ones never leased)
    await b.returnBlock('range_dhl', 1, 5);
    await b.returnBlock('range_dhl', 60, 70);
    expect(await b.leaseBlock(range, 5)).toEqual({ first: 13, last: 17 });
    expect(await a.leaseBlock(range, 50)).toEqual({ first: 18, last: 20 });
    expect(await a.leaseBlock(range, 50)).toEqual({ first: 41, last: 90 });
    // b returns a part in the middle of its block: only that part comes back
    await b.returnBlock('range_dhl', 25, 30);
    expect(await a.leaseBlock(range, 100)).toEqual({ first: 25, last: 30 });
    expect(await a.leaseBlock(range, 100)).toEqual({ first: 91, last: 100 });
    expect(await b.leaseBlock(range, 100)).toBeNull();
    // once b gives back what it still holds, those serials are the last ones left
    await b.returnBlock('range_dhl', 31, 40);
    expect(await a.leaseBlock(range, 100)).toEqual({ first: 31, last: 40 });
    expect(await a.leaseBlock(range, 100)).toBeNull();
  });

  it('never beyond last, whatever the block size; ranges are independent', async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-end-a')).link;
    const small = { id: 'range_small', first: 5, last: 7, startAt: 5 };
    expect(await a.leaseBlock(small, 1000)).toEqual({ first: 5, last: 7 });
    expect(await a.leaseBlock(small, 1)).toBeNull();
    // a range that was already used up at the first station when the server first heard of it
    expect(await a.leaseBlock({ id: 'range_done', first: 1, last: 10, startAt: 11 }, 5)).toBeNull();
    expect(await a.leaseBlock({ id: 'range_other', first: 1, last: 10, startAt: 1 }, 4)).toEqual({ first: 1, last: 4 });
    // a later startAt from another station does not move the cursor the server keeps
    expect(await a.leaseBlock({ id: 'range_other', first: 1, last: 10, startAt: 8 }, 4)).toEqual({ first: 5, last: 8 });
  });

  it('concurrent returns and leases never hand one serial to two stations', async () => {
    const site = await cluster().newSite();
    const links: SiteLink[] = [];
    for (const s of ['st-mix-1', 'st-mix-2', 'st-mix-3']) links.push((await site.station(s)).link);
    const range = { id: 'range_mix', first: 1, last: 3000, startAt: 1 };
    const issued = new Map<number, string>();
    await Promise.all(
      links.map(async (l) => {
        for (;;) {
          const b = await l.leaseBlock(range, 25);
          if (!b) return;
          // issue the first half, give back the rest (a station going offline mid-block)
          const keep = b.first + Math.floor((b.last - b.first) / 2);
          for (let s = b.first; s <= keep; s++) {
            expect(issued.get(s)).toBeUndefined();
            issued.set(s, l.station);
          }
          if (keep < b.last) await l.returnBlock(range.id, keep + 1, b.last);
        }
      }),
    );
    expect(issued.size).toBe(3000);
  });
});
