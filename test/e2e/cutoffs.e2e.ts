import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { SupervisorPage } from './pages/SupervisorPage';

/** The pick screen's typed entry (the wedge scanner path is covered by pick.e2e.ts; typing is immune to a loaded machine's key timing). */
async function typeOrder(page: Page, name: string) {
  await page.getByTestId('manual-code').fill(name);
  await page.getByTestId('manual-code').press('Enter');
}

// Thursday 26 Nov 2026, 15:45 in the demo warehouse (Asia/Shanghai, UTC+8): 15 minutes to the postal cut-off.
const THURSDAY = '2026-11-26T07:45:00.000Z';
// Friday 27 Nov 2026, 10:00 local: before Friday's 16:00 cut-off.
const FRIDAY = '2026-11-27T02:00:00.000Z';

test('a supervisor previews the Thursday shift on the postal line, saves it, and a Friday pick ships Monday', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-cut-')), ['--test-clock', THURSDAY]);
  try {
    const pick = new PickPage(page);
    await pick.open(app.url);
    const sup = new SupervisorPage(page);

    // This week: the postal cut-off is 15 minutes away, so its countdown is amber.
    await sup.open();
    await expect(sup.nextCutoff('postal-s10')).toHaveAttribute('data-tone', 'amber');
    await expect(sup.nextCutoff('postal-s10')).toContainText('Thu 26 Nov 16:00');
    await page.screenshot({ path: 'test-results/cutoffs-week.png' });

    // The demo's postal line: preview the Thursday shift before saving it.
    await sup.calendars('China Post ePacket');
    await sup.previewThursdayShift();
    await expect(page.getByTestId('whatif-source')).toContainText('demo history');
    await expect(page.getByTestId('whatif-metric')).toContainText('carrier pickup');
    const bins = await sup.chartBins();
    expect(bins.some(([, before, after]) => before !== after)).toBe(true);
    const total = (k: 1 | 2) => bins.reduce((t, b) => t + b[k], 0);
    expect(total(1)).toBe(total(2));
    // Fewer parcels in the long-silence bars after the shift, and fewer expected tickets.
    const long = (k: 1 | 2) => bins.filter(([d]) => d >= 4).reduce((t, b) => t + b[k], 0);
    expect(long(2)).toBeLessThan(long(1));
    await expect(page.getByTestId('tickets-before')).toHaveText(/\d/);
    const ticketsBefore = Number(await page.getByTestId('tickets-before').textContent());
    const ticketsAfter = parseFloat((await page.getByTestId('tickets-after').textContent())!);
    expect(ticketsAfter).toBeLessThan(ticketsBefore);
    await expect(page.getByTestId('cal-upcoming')).toContainText('Fri 16:00 ✕');
    await page.screenshot({ path: 'test-results/cutoffs-preview.png' });

    // The worst-case view is one click away and is a different chart.
    await page.getByTestId('basis-latest').click();
    expect(await sup.chartBins()).not.toEqual(bins);
    await page.getByTestId('basis-earliest').click();

    // Save: a new version with who and why.
    await sup.save('Thursday shift for postal (article, Table 3)');
    await expect(page.getByTestId('cal-history')).toContainText('v2');
    await expect(page.getByTestId('cal-history')).toContainText('Thursday shift for postal');

    // Friday morning: a postal order picked now waits for Monday's pickup, in amber.
    await sup.setClock(FRIDAY);
    await page.keyboard.press('F1');
    await expect(page.getByText('Scan an order or an item')).toBeVisible();
    const tracking = await pick.answerTo(() => typeOrder(page, '#1001'));
    await pick.expectTone('pass');
    await expect(page.getByTestId('verdict-ship')).toHaveText('ships Mon 30 Nov 17:30');
    await expect(page.getByTestId('verdict-ship')).toHaveAttribute('data-late', 'true');
    await expect(page.getByTestId('verdict-ship')).toHaveCSS('background-color', 'rgb(242, 183, 5)');
    await page.screenshot({ path: 'test-results/cutoffs-pick-friday.png' });

    // An express order picked at the same time still makes today's pickup, not late.
    await pick.waitForLabel(tracking);
    const express = await pick.answerTo(() => typeOrder(page, '#1004'));
    expect(express).not.toBe(tracking);
    await pick.expectTone('pass');
    await expect(page.getByTestId('verdict-ship')).toHaveText('ships Fri 27 Nov 19:00');
    await expect(page.getByTestId('verdict-ship')).toHaveAttribute('data-late', 'false');

    // The parcel says how long the buyer's silence is expected to last.
    const parcels = new ParcelsPage(page);
    await parcels.open();
    await parcels.openParcel(tracking);
    await expect(page.getByTestId('parcel-silence')).toContainText('ships Mon 30 Nov 17:30');
    // Monday 17:30 + 120 carrier working hours (Mon-Fri) = Monday 7 Dec 17:30.
    await expect(page.getByTestId('parcel-silence')).toContainText('expected silence until Mon 7 Dec 17:30');

    // The what-if and the line x weekday matrix.
    await sup.open();
    await page.getByTestId('sup-whatif').click();
    await page.getByTestId('whatif-run').click();
    await expect(page.getByTestId('whatif-report')).toBeVisible();
    await expect(page.locator('[data-testid="silence-matrix"] tr[data-line="postal-s10"] td[data-day="Fri"]')).not.toHaveText('–');
    await page.screenshot({ path: 'test-results/cutoffs-whatif.png' });
  } finally {
    await app.stop();
  }
});

test('bad calendar input is refused with clear errors and nothing is saved', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-cut-')), ['--test-clock', THURSDAY]);
  try {
    await new PickPage(page).open(app.url);
    const sup = new SupervisorPage(page);
    await sup.open();
    await sup.calendars('China Post ePacket');
    for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await page.getByTestId(`cal-day-${d}`).uncheck();
    await page.getByTestId('cal-reason').fill('testing');
    await page.getByTestId('cal-save').click();
    await expect(page.getByTestId('cal-error')).toContainText('was not saved');
    await expect(page.getByText(/no pickup days/).first()).toBeVisible();
    await page.screenshot({ path: 'test-results/cutoffs-bad-input.png' });
    await expect(page.getByTestId('cal-history')).not.toContainText('v2');
  } finally {
    await app.stop();
  }
});
