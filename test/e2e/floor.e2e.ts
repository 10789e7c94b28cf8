import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { SyncPage } from './pages/SyncPage';
import { DispatchPage } from './pages/DispatchPage';

// Friday 27 Nov 2026, 09:00 in the demo warehouse (Asia/Shanghai): the day's pickups are ahead.
const FRIDAY_MORNING = '2026-11-27T01:00:00.000Z';
const TWELVE_HOUR = /\b(AM|PM)\b/i;

/** Nothing of `el` is cut: its content fits its own box and its box ends inside the 1366 px window. */
async function expectUnclipped(el: Locator) {
  await expect(el).toBeVisible();
  const m = await el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    let clipped = false;
    // Any ancestor that hides overflow must contain the element.
    for (let p = e.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible') {
        const pr = p.getBoundingClientRect();
        if (r.right > pr.right + 1 || r.left < pr.left - 1) clipped = true;
      }
    }
    return { right: r.right, inner: window.innerWidth, overflow: e.scrollWidth - e.clientWidth, clipped };
  });
  expect(m.right, 'ends inside the window').toBeLessThanOrEqual(m.inner);
  expect(m.overflow, 'content wider than its box').toBeLessThanOrEqual(1);
  expect(m.clipped, 'cut by a scrolling or hidden-overflow ancestor').toBe(false);
}

async function typeOrder(page: Page, pick: PickPage, name: string): Promise<string> {
  const seq = Number(await pick.panel().getAttribute('data-seq'));
  await page.getByTestId('manual-code').fill(name);
  await page.getByTestId('manual-code').press('Enter');
  await expect(pick.panel()).toHaveAttribute('data-seq', String(seq + 1));
  return (await pick.title().textContent())!.trim();
}

test('floor screens at 1366x768: one time format, nothing clipped (Pick, Sync, Supervisor what-if, Dispatch)', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-floor-')), ['--test-clock', FRIDAY_MORNING]);
  try {
    const pick = new PickPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible();

    // Pick after the label printed: the time reads 24-hour, warehouse time; the ship date in the same style.
    const numbers: string[] = [];
    for (const o of ['#1001', '#1002', '#1003', '#1004', '#1005', '#1006']) numbers.push(await typeOrder(page, pick, o));
    await expect(page.getByTestId('last-parcel')).toContainText(/Label printed 09:\d\d\b/, { timeout: 20_000 });
    await expect(page.getByTestId('last-parcel')).not.toContainText(TWELVE_HOUR);
    await expect(page.getByTestId('verdict-ship')).toHaveText(/^ships [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}$/);
    await page.screenshot({ path: 'test-results/floor-pick.png' });

    // Sync: the "Label → Shopify" column is whole.
    const sync = new SyncPage(page);
    await sync.open();
    await expect(sync.parcel(numbers[0])).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await expectUnclipped(page.getByRole('columnheader', { name: 'Label → Shopify' }));
    await expectUnclipped(sync.parcel(numbers[0]).locator('td').last());
    await expect(page.getByTestId('sync')).not.toContainText(TWELVE_HOUR);
    await page.screenshot({ path: 'test-results/floor-sync.png' });

    // Supervisor what-if: the matrix shows Sunday.
    await page.getByRole('button', { name: /^Supervisor/ }).click();
    await page.getByTestId('sup-whatif').click();
    await expect(page.getByTestId('silence-matrix').locator('td[data-day="Sun"]').first()).toBeVisible({ timeout: 30_000 });
    await expectUnclipped(page.getByTestId('silence-matrix').getByRole('columnheader', { name: 'Sun' }));
    await expectUnclipped(page.getByTestId('silence-matrix').locator('td[data-day="Sun"]').first());
    await page.screenshot({ path: 'test-results/floor-whatif.png' });

    // Dispatch: a closed manifest's number on one line, not broken mid-word.
    const dispatch = new DispatchPage(page);
    await dispatch.open();
    await dispatch.openManifest('postal-s10');
    const postal = numbers.filter((n) => n.startsWith('LX'));
    expect(postal.length).toBeGreaterThan(0);
    for (const n of postal) {
      await dispatch.scan(n);
      await dispatch.expectVerdict('loaded', n);
    }
    await page.getByTestId('close-out').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'closed');
    const number = page.getByTestId('manifest-number');
    await expect(number).toHaveText(/^MF-/);
    const lines = await number.evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || '20')));
    expect(lines, 'the manifest number wraps').toBeLessThanOrEqual(1);
    await expectUnclipped(number);
    for (const b of await page.getByTestId('manifest-button').all()) await expectUnclipped(b);
    await expect(page.locator('main')).not.toContainText(TWELVE_HOUR);
    await page.screenshot({ path: 'test-results/floor-dispatch.png' });
  } finally {
    await app.stop();
  }
});
