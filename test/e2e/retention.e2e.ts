import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole, type ConsoleProcess } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { DevicesPage } from './pages/DevicesPage';

const START = '2026-01-05T01:00:00.000Z'; // Monday 09:00 at the demo warehouse
const H = 3_600_000;
const D = 24 * H;
const zoned = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 16).replace('T', ' ');

let app: ConsoleProcess;
test.afterEach(async () => app?.stop());

test('delivered parcels past the horizon go to the archive: the run on Devices, the horizon on Setup, the parcel still found with its rows', async ({
  page,
}) => {
  app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-ret-')), ['--test-clock', START]);
  const t0 = Date.parse(START);
  const picked: string[] = [];
  for (let i = 0; i < 6; i++) {
    const r = await app.call<{ outcome: string; parcel: { trackingNumber: string } }>('pick.scan', { code: `#${1001 + i}` });
    expect(r.outcome).toBe('issued');
    picked.push(r.parcel.trackingNumber);
  }
  const csv = picked.flatMap((n) => [`${n},Accepted,${zoned(t0 + D)},Shenzhen`, `${n},Delivered,${zoned(t0 + 2 * D)},Door`]).join('\n');
  await app.call('monitor.import', { csv: `tracking_number,status,scanned_at,location\n${csv}\n` });
  await app.call('clock.set', { at: new Date(t0 + 160 * D).toISOString(), running: true });

  const pick = new PickPage(page);
  await pick.open(app.url);
  // Setup: the horizon, refused when out of range with what to give, then the run.
  await page.keyboard.press('F3');
  const card = page.getByTestId('setup-retention');
  await card.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('retention-days')).toHaveValue('90');
  await page.getByTestId('retention-days').fill('3');
  await page.getByTestId('retention-save').click();
  await expect(card).toContainText('at least 7 days');
  await page.getByTestId('retention-days').fill('120');
  await page.getByTestId('retention-save').click();
  await expect(page.getByTestId('retention-said')).toContainText('after 120 days');
  await page.getByTestId('retention-run').click();
  await expect(page.getByTestId('retention-last')).toContainText('6 parcels', { timeout: 30_000 });
  await card.screenshot({ path: 'test-results/retention-setup.png' });

  // Devices: what was archived, when, how many rows, how much moved.
  const devices = new DevicesPage(page);
  await devices.open();
  const runs = page.getByTestId('devices-archive-runs');
  await runs.scrollIntoViewIfNeeded();
  await expect(runs).toContainText('console');
  await expect(page.getByTestId('devices-archive')).toContainText('firstscan-archive.db');
  await page.screenshot({ path: 'test-results/retention-devices.png' });

  // Parcels: still found by its number; its panel says where its rows are.
  const parcels = new ParcelsPage(page);
  await parcels.open();
  await parcels.openParcel(picked[0]);
  await expect(page.getByTestId('parcel-archived')).toContainText('firstscan-archive.db');
  await expect(page.getByTestId('parcel-archived')).toContainText('2 carrier scans');
  await page.screenshot({ path: 'test-results/retention-parcel.png' });
});
