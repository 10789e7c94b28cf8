import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startConsole } from './console';
import { DevicesPage } from './pages/DevicesPage';
import { PickPage } from './pages/PickPage';

const labelsAt = (dir: string) => (existsSync(join(dir, 'fake-printer')) ? readdirSync(join(dir, 'fake-printer')).sort() : []);
const labelText = (dir: string) => labelsAt(dir).map((f) => readFileSync(join(dir, 'fake-printer', f), 'utf8'));

const GS = '\u001d';
const LAYOUT = 'AZQWYM-1234567890';
const GS1 = `0109501101530003` + `10LOT42${GS}21SN7788`;
const LONG = 'FS-LONG-0123456789-ABCDEFGHIJKLMNOPQRSTU';

test('scanner self-test: the printed sheet, and the right diagnosis for each kind of trouble', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  const devices = new DevicesPage(page);
  await devices.open();

  // The test sheet goes through the printer queue as ZPL.
  await devices.printSheet();
  await expect.poll(() => labelText(app.dataDir).some((l) => l.includes('FIRSTSCAN SCANNER TEST')), { timeout: 20_000 }).toBe(true);

  // A good scanner: every code passes.
  await devices.scan(LAYOUT);
  await expect(devices.results()).toHaveCount(1);
  await expect(devices.latest()).toHaveAttribute('data-problems', '');
  await expect(devices.latest()).toHaveAttribute('data-matched', 'layout');
  await expect(devices.latest()).toContainText('OK');
  await devices.scan(GS1);
  await expect(devices.latest()).toHaveAttribute('data-matched', 'gs1');
  await expect(devices.latest()).toHaveAttribute('data-problems', '');

  // A scanner set for US keys on a German PC: Y and Z swapped, "-" typed as ß.
  await devices.scan('AYQWZMß1234567890');
  await expect(devices.latest()).toHaveAttribute('data-problems', 'layout');
  await expect(devices.latest()).toContainText('German (QWERTZ)');
  await expect(devices.latest()).toContainText('keyboard country');

  // No Enter after the code.
  await devices.scan(LONG, { suffix: false });
  await expect(devices.latest()).toHaveAttribute('data-problems', 'suffix');
  await expect(devices.latest()).toContainText('Enter (CR) suffix');

  // GS separators swallowed.
  await devices.scan(GS1.replace(GS, ''));
  await expect(devices.latest()).toHaveAttribute('data-problems', 'gs');
  await expect(devices.latest()).toContainText('Ctrl+]');

  // Too slow: 60 ms between keys looks like typing.
  await devices.scan(LAYOUT, { gapMs: 60 });
  await expect(devices.latest()).toHaveAttribute('data-problems', 'slow');
  await expect(devices.latest()).toContainText('max gap between keys');
  await page.screenshot({ path: 'test-results/devices-selftest.png' });
  // Scanning never pressed a button: the sheet was queued once.
  await expect(page.locator('[data-testid="print-job"]').filter({ hasText: 'test sheet' })).toHaveCount(1);
});

/** The demo's fake printer misbehaves on request (test-clock consoles only). */
async function simulate(page: Page, status: Record<string, boolean>) {
  const r = await page.evaluate(async (s) => {
    const res = await fetch('/api/printers.simulate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ printerId: 'demo-printer', status: s }),
      credentials: 'same-origin',
    });
    return { ok: res.ok, body: await res.json() };
  }, status);
  expect(r.ok, JSON.stringify(r.body)).toBe(true);
}

test('printer out of paper mid-batch: the Pick screen says so before the next scan, the queue holds, then resumes in order', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-hw-')), ['--test-clock', '2026-11-27T02:00:00.000Z']);
  try {
    const pick = new PickPage(page);
    await pick.open(app.url);
    const health = page.getByTestId('printer-health');
    await expect(health).toHaveAttribute('data-level', 'ok', { timeout: 10_000 });

    const numbers: string[] = [];
    // Wait for each scan's own verdict (its tracking number) before the next, as a picker does.
    const scan = async (code: string) => {
      // Typed into the order field: this test is about the printer, not wedge timing on a loaded machine.
      const n = await pick.answerTo(async () => {
        await page.getByTestId('manual-code').fill(code);
        await page.getByTestId('manual-code').press('Enter');
      });
      expect(numbers).not.toContain(n);
      numbers.push(n);
    };
    for (const code of ['#1001', '#1002', '#1003']) await scan(code);
    await expect.poll(() => labelsAt(app.dataDir).length, { timeout: 20_000 }).toBe(3);

    // The roll runs out: the picker sees it before scanning on.
    await simulate(page, { paperOut: true });
    await expect(health).toHaveAttribute('data-level', 'bad');
    await expect(health).toContainText('out of labels — load a new roll');

    for (const code of ['#1004', '#1005', '#1006']) await scan(code);
    await expect(health).toContainText('3 labels waiting');
    await page.screenshot({ path: 'test-results/pick-paper-out.png' });
    expect(labelsAt(app.dataDir).length).toBe(3);

    // A new roll: the queue resumes by itself, in the order scanned, each label once.
    await simulate(page, { paperOut: false });
    await expect.poll(() => labelsAt(app.dataDir).length, { timeout: 20_000 }).toBe(6);
    await expect(health).toHaveAttribute('data-level', 'ok');
    const printed = labelText(app.dataDir);
    numbers.forEach((n, i) => expect(printed[i]).toContain(n));
  } finally {
    await app.stop();
  }
});
