import { describe, it, expect } from 'vitest';
import { usePg } from '../../../support/pg';
import type { JobLease, SiteLink } from '../../../../db/site/server/types';

const cluster = usePg();

/** Ask again and again until the answer changes from `from` (a lease expiring on the server's clock). */
async function askUntilNot<T>(from: T, ask: () => Promise<T>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await ask();
    if (v !== from || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('site-wide job leases', () => {
  it('one station holds a job; the others are told it is held, then finished', async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-job-a')).link;
    const b = (await site.station('st-job-b')).link;
    expect(await a.leaseJob('job_1', 60_000)).toBe('leased');
    expect(await b.leaseJob('job_1', 60_000)).toBe('held');
    expect(await a.leaseJob('job_1', 60_000)).toBe('leased-again'); // the holder again: it may have sent it already
    await a.finishJob('job_1', 'done');
    expect(await b.leaseJob('job_1', 60_000)).toBe('finished');
    expect(await a.leaseJob('job_1', 60_000)).toBe('finished');
    // a job that went dead anywhere is not run again elsewhere
    expect(await b.leaseJob('job_2', 60_000)).toBe('leased');
    await b.finishJob('job_2', 'dead');
    expect(await a.leaseJob('job_2', 60_000)).toBe('finished');
    // finishing a job nobody leased (done offline) still stops the others
    await a.finishJob('job_3', 'done');
    expect(await b.leaseJob('job_3', 60_000)).toBe('finished');
  });

  it('falls back to another station when the holder goes quiet and its lease runs out', async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-job-c')).link;
    const b = (await site.station('st-job-d')).link;
    expect(await a.leaseJob('job_q', 300)).toBe('leased');
    expect(await b.leaseJob('job_q', 60_000)).toBe('held');
    // taken over: a's attempt may have reached the remote, so b is told to look before acting
    expect(await askUntilNot<JobLease>('held', () => b.leaseJob('job_q', 60_000))).toBe('leased-again');
    // the old holder now finds it held by b, and cannot take it back while b's lease runs
    expect(await a.leaseJob('job_q', 300)).toBe('held');
    await b.finishJob('job_q', 'done');
    expect(await a.leaseJob('job_q', 300)).toBe('finished');
  });

  it('many stations racing for the same jobs: each job is leased by exactly one', async () => {
    const site = await cluster().newSite();
    const links: SiteLink[] = [];
    for (const s of ['st-r1', 'st-r2', 'st-r3', 'st-r4']) links.push((await site.station(s)).link);
    const jobs = Array.from({ length: 30 }, (_, i) => `job_race_${i}`);
    const results = await Promise.all(links.map((l) => Promise.all(jobs.map((j) => l.leaseJob(j, 60_000)))));
    for (let j = 0; j < jobs.length; j++) {
      const answers = results.map((r) => r[j]).sort();
      expect(answers).toEqual(['held', 'held', 'held', 'leased']);
    }
  });

  it("uses the server's clock, whatever the stations' clocks say", async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-clk-a')).link;
    await a.leaseJob('job_clk', 90_000);
    await a.leaseDuty('duty_clk', 90_000);
    const admin = await cluster().admin(site.database);
    const r = await admin.query<{ job: number; duty: number }>(
      `SELECT extract(epoch FROM (SELECT lease_until FROM firstscan.job_leases WHERE job_id = 'job_clk') - now()) AS job,
              extract(epoch FROM (SELECT lease_until FROM firstscan.duties WHERE name = 'duty_clk') - now()) AS duty`,
    );
    expect(Number(r.rows[0].job)).toBeGreaterThan(80);
    expect(Number(r.rows[0].job)).toBeLessThanOrEqual(90);
    expect(Number(r.rows[0].duty)).toBeGreaterThan(80);
  });
});

describe('duties', () => {
  it('one holder at a time; renewals keep it; another takes over once it lapses', async () => {
    const site = await cluster().newSite();
    const a = (await site.station('st-duty-a')).link;
    const b = (await site.station('st-duty-b')).link;
    expect(await a.leaseDuty('monitor', 300)).toBe(true);
    expect(await b.leaseDuty('monitor', 300)).toBe(false);
    expect(await a.leaseDuty('monitor', 300)).toBe(true);
    expect(await b.leaseDuty('shopify-intake', 60_000)).toBe(true); // another duty is independent
    expect(await askUntilNot(false, () => b.leaseDuty('monitor', 60_000))).toBe(true);
    expect(await a.leaseDuty('monitor', 300)).toBe(false);
    // letting go: a lease of 0 ms ends at once
    expect(await b.leaseDuty('monitor', 0)).toBe(true);
    expect(await a.leaseDuty('monitor', 60_000)).toBe(true);
  });
});
