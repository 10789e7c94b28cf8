import { describe, it, expect } from 'vitest';
import { usePg } from '../../../support/pg';
import { wires } from './events';

const cluster = usePg();

describe('a server restart', () => {
  it('loses nothing, and open links carry on with fresh connections', async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-rs-a')).link;
    const b = (await site.station('st-rs-b')).link;
    await a.push(wires('st-rs-a', 1, 100));
    await a.leaseJob('job_rs', 60_000);
    const before = await b.pull(0, 1000);
    await cluster().restart();
    // the pool's idle connections died with the server; the next calls open new ones
    expect(await a.push(wires('st-rs-a', 90, 20))).toBe(9);
    expect(await a.pushedUpTo()).toBe(109);
    expect(await b.leaseJob('job_rs', 60_000)).toBe('held');
    const after = await b.pull(before.maxServerSeq, 1000);
    expect([...before.events, ...after.events].map((e) => e.stationSeq)).toEqual(Array.from({ length: 109 }, (_, i) => i + 1));
  });
});
