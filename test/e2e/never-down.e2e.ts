import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { scanWedge } from './pages/wedge';

const shots = join(tmpdir(), 'firstscan-shots');

test('an <img> on another local page pointing at a malformed console URL does not stop the console', async ({ page, console: app }) => {
  const port = Number(new URL(app.url).port);
  // Another local web page (an <img> sends no Origin, and its Host is the console's).
  const other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>elsewhere</title>` +
        ['/%E0%A4%A', '/%', '/assets/%C0%AF', '/api/%E0%A4%A'].map((p) => `<img src="http://127.0.0.1:${port}${p}">`).join(''),
    );
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  try {
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
  } finally {
    other.close();
  }
  // The console is still there: its screens load and it answers the API.
  const pick = new PickPage(page);
  await pick.open(app.url);
  await expect((await app.call<{ station: { id: string } }>('app.info')).station.id).toBeTruthy();
  expect((await app.call<{ faults: { count: number } }>('station.health')).faults.count).toBe(0);
});

test('Setup: import an order file with a progress bar and the row-by-row report', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  await page.keyboard.press('F3');
  const form = page.getByTestId('setup-import');
  await expect(form).toBeVisible();
  const header = 'order,line,email,name,company,address1,address2,city,province,zip,country,phone,sku,barcode,title,quantity';
  const rows = Array.from({ length: 30_000 }, (_, i) => `SET-${i},postal-s10,,Ann Lee,,1 Main St,,Portland,OR,97201,US,,SKU-${i},,Mug,1`);
  rows[4] = 'SET-4,postal-s10,,Ann Lee,,1 Main St,,Portland,OR,97201,=1,,SKU-4,,Mug,1';
  rows[9] = 'SET-9,postal-s10,,Ann Lee,,1 Main St,,Portland,OR,97201,US,,SKU-9,,Mug,1,extra';
  await page.getByTestId('import-file').setInputFiles({ name: 'orders-week-49.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
  await page.getByTestId('import-submit').click();
  // The progress bar shows while the import runs, and picks go on meanwhile.
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.screenshot({ path: join(shots, 'setup-import-progress.png') });
  const during = await app.call<{ outcome: string }>('pick.scan', { code: '#1001' });
  expect(during.outcome).toBe('issued');
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('import-result')).toContainText('29,998 orders imported from orders-week-49.csv');
  const report = page.getByTestId('import-rejected');
  await expect(report).toContainText('country "=1" is not an ISO 3166-1 two-letter code');
  await expect(report).toContainText('row 11 has 17 fields but the header has 16');
  await page.screenshot({ path: join(shots, 'setup-import-done.png') });
});

const why = process.platform !== 'linux' ? 'needs Linux tmpfs' : process.getuid?.() !== 0 ? 'mounting a small tmpfs needs root' : null;

test('a full disk: a banner on every screen, picks refused with the disk named, back by itself', async ({ page }) => {
  test.skip(why !== null, why ?? '');
  const mnt = mkdtempSync(join(tmpdir(), 'fs-e2e-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', mnt]);
  const app = await startConsole(join(mnt, 'station'));
  const filler = join(mnt, 'filler.bin');
  try {
    const pick = new PickPage(page);
    await pick.open(app.url);
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1));
    } catch {
      /* ENOSPC: the disk is full */
    } finally {
      closeSync(fd);
    }
    // Every screen shows it within seconds, before anyone scans.
    await expect(page.getByTestId('disk-full-banner')).toBeVisible({ timeout: 10_000 });
    await scanWedge(page, '#1001');
    await expect(pick.title()).toContainText('The disk is full');
    await expect(page.getByTestId('disk-full-banner')).toContainText(mnt);
    await page.screenshot({ path: join(shots, 'disk-full-pick.png') });
    for (const key of ['F2', 'F3']) {
      await page.keyboard.press(key);
      await expect(page.getByTestId('disk-full-banner')).toBeVisible();
    }
    await page.screenshot({ path: join(shots, 'disk-full-setup.png') });
    rmSync(filler);
    await expect(page.getByTestId('disk-full-banner')).toBeHidden({ timeout: 15_000 });
    await page.keyboard.press('F1');
    await pick.scan('#1001');
    await pick.expectTone('pass');
  } finally {
    await app.stop();
    execFileSync('umount', ['-l', mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
});
