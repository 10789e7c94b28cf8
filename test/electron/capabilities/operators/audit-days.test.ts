import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { siteInfo } from '../../../../electron/core/context';

// The Audit screen's day filters are warehouse days: "6 Dec" is 00:00 to 24:00 in the site's zone,
// 23 or 25 hours on a DST change, whatever the UTC date of the event.
let app: Awaited<ReturnType<typeof demoApp>>;

function setZone(zone: string) {
  const site = siteInfo(app.ctx);
  app.store.write('test', app.ctx.clock.now(), (emit) => emit({ type: 'site.configured', payload: { ...site, zone } }));
}

/** A refused scan at a UTC instant, named so the test can find it. */
function eventAt(iso: string, code: string) {
  app.store.write('test', new Date(iso), (emit) => emit({ type: 'scan.refused', payload: { code, reason: 'audit day test' } }));
}

async function codesOn(fromDay: string, toDay = fromDay): Promise<string[]> {
  const r = await api(app, 'audit.list', { type: 'scan.refused', fromDay, toDay, limit: 100 });
  return r.rows
    .map((e) => (e.payload as { code: string }).code)
    .filter((c) => c.startsWith('T-'))
    .sort();
}

beforeAll(async () => {
  app = await demoApp({ runJobs: false });
});
afterAll(async () => app?.dispose());

describe('audit days are warehouse days', () => {
  it('far east of UTC (Pacific/Auckland, +13 in December): the warehouse day starts the UTC day before', async () => {
    setZone('Pacific/Auckland');
    eventAt('2026-12-05T10:59:59.000Z', 'T-AKL-before'); // 5 Dec 23:59:59 in Auckland
    eventAt('2026-12-05T11:00:00.000Z', 'T-AKL-first'); // 6 Dec 00:00 in Auckland
    eventAt('2026-12-06T10:59:00.000Z', 'T-AKL-last'); // 6 Dec 23:59 in Auckland
    eventAt('2026-12-06T11:00:00.000Z', 'T-AKL-after'); // 7 Dec 00:00 in Auckland
    expect(await codesOn('2026-12-06')).toEqual(['T-AKL-first', 'T-AKL-last']);
    expect(await codesOn('2026-12-05')).toEqual(['T-AKL-before']);
    expect(await codesOn('2026-12-06', '2026-12-07')).toEqual(['T-AKL-after', 'T-AKL-first', 'T-AKL-last']);
  });

  it('across a DST change (America/New_York, 8 March 2026 is 23 hours long)', async () => {
    setZone('America/New_York');
    eventAt('2026-03-08T04:59:00.000Z', 'T-NY-7th'); // 7 Mar 23:59 EST
    eventAt('2026-03-08T05:00:00.000Z', 'T-NY-start'); // 8 Mar 00:00 EST
    eventAt('2026-03-09T03:59:00.000Z', 'T-NY-end'); // 8 Mar 23:59 EDT (the day had 23 hours)
    eventAt('2026-03-09T04:00:00.000Z', 'T-NY-9th'); // 9 Mar 00:00 EDT
    expect(await codesOn('2026-03-08')).toEqual(['T-NY-end', 'T-NY-start']);
    expect(await codesOn('2026-03-09')).toEqual(['T-NY-9th']);
    // And back in autumn: 1 Nov 2026 has 25 hours.
    eventAt('2026-11-01T04:00:00.000Z', 'T-NY-nov-start'); // 1 Nov 00:00 EDT
    eventAt('2026-11-02T04:59:00.000Z', 'T-NY-nov-end'); // 1 Nov 23:59 EST
    eventAt('2026-11-02T05:00:00.000Z', 'T-NY-nov-2nd'); // 2 Nov 00:00 EST
    expect(await codesOn('2026-11-01')).toEqual(['T-NY-nov-end', 'T-NY-nov-start']);
  });

  it('a day that is not a date is refused with what to type', async () => {
    await expect(api(app, 'audit.list', { fromDay: '2026-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
