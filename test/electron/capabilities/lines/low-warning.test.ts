import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { numberFromSerial } from '../../../../electron/capabilities/numbers/issue';

let app: Awaited<ReturnType<typeof demoApp>>;
afterEach(async () => app?.dispose());

async function lineWithNumbers(source: 'pool' | 'range') {
  app = await demoApp({ runJobs: false });
  const { remaining: _r, daysLeft: _d, low: _l, ranges: _g, ...line } = (await api(app, 'lines.list', {})).find((l) => l.id === 'ups')!;
  await api(app, 'lines.save', { ...line, numberSource: source, lowDays: 2, dailyVolume: 1 });
  if (source === 'pool')
    await api(app, 'pool.import', {
      lineId: 'ups',
      csv: [1, 2].map((n) => numberFromSerial({ format: 'ups1z', shipper: '999AA1', service: '01' }, n)).join('\n'),
    });
  const orders = app.store.read.orders.list({ status: 'open', limit: 500 }).filter((o) => o.lineId === 'ups');
  return (await api(app, 'pick.scan', { code: orders[0].name })) as Extract<Awaited<ReturnType<typeof api<'pick.scan'>>>, { outcome: 'issued' }>;
}

describe('the numbers-low warning at pick', () => {
  it('reads as a sentence in the singular, and tells a pool line to import a new pool', async () => {
    const r = await lineWithNumbers('pool');
    expect(r.outcome).toBe('issued');
    const w = r.warnings.find((x) => x.code === 'numbers_low')!;
    expect(w.message).toBe(
      'UPS Worldwide Saver: 1 tracking number left (about 1 day). Ask the carrier for more pre-allocated numbers and import them as a pool in Setup.',
    );
    expect(w.message).not.toMatch(/new range/);
  });

  it('refuses the pick of a pool line with no numbers left with "import a new pool", never "a new range"', async () => {
    const r = await lineWithNumbers('pool');
    expect(r.outcome).toBe('issued');
    await api(app, 'pick.scan', { code: app.store.read.orders.list({ status: 'open', limit: 500 }).filter((o) => o.lineId === 'ups')[0].name });
    const orders = app.store.read.orders.list({ status: 'open', limit: 500 }).filter((o) => o.lineId === 'ups');
    const refused = await api(app, 'pick.scan', { code: orders[0].name });
    expect(refused).toMatchObject({ outcome: 'refused', code: 'out_of_numbers' });
    if (refused.outcome === 'refused') expect(refused.next).toMatch(/^Import a new pool of numbers/);
  });
});
