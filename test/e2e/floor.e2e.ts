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

/** On how many lines the text of `el` is laid out. */
async function lineCount(el: Locator): Promise<number> {
  return el.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

async function typeOrder(page: Page, pick: PickPage, name: string): Promise<string> {
  return pick.answerTo(async () => {
    await page.getByTestId('manual-code').fill(name);
    await page.getByTestId('manual-code').press('Enter');
  });
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
    await expect(page.getByTestId('verdict-ship')).toHaveText(/^ships [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}$/);
    await page.screenshot({ path: 'test-results/floor-pick-verdict.png' });
    // The picker clears the verdict (Esc): the last parcel's panel follows the printer.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('last-parcel')).toContainText(/Label printed 09:\d\d\b/, { timeout: 20_000 });
    await expect(page.getByTestId('last-parcel')).not.toContainText(TWELVE_HOUR);
    await page.screenshot({ path: 'test-results/floor-pick.png' });

    // Sync: the "Label → Shopify" column is whole, also with a parcel waiting behind a cut network.
    const sync = new SyncPage(page);
    await sync.open();
    await expect(sync.parcel(numbers[0])).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await sync.setDemoNetwork(false);
    await page.keyboard.press('F1');
    const waiting = await typeOrder(page, pick, '#1007');
    await sync.open();
    await expect(sync.parcel(waiting).locator('td').last()).toContainText(/waiting \d+ s/, { timeout: 20_000 });
    await expectUnclipped(page.getByRole('columnheader', { name: 'Label → Shopify' }));
    await expectUnclipped(sync.parcel(waiting).locator('td').last());
    await expectUnclipped(sync.parcel(numbers[0]).locator('td').last());
    await expect(page.getByTestId('sync')).not.toContainText(TWELVE_HOUR);
    await page.screenshot({ path: 'test-results/floor-sync.png' });
    await sync.setDemoNetwork(true);

    // Supervisor what-if: the matrix shows Sunday.
    await page.getByRole('button', { name: /^Supervisor/ }).click();
    await page.getByTestId('sup-whatif').click();
    await expect(page.getByTestId('silence-matrix').locator('td[data-day="Sun"]').first()).toBeVisible({ timeout: 30_000 });
    await expectUnclipped(page.getByTestId('silence-matrix').getByRole('columnheader', { name: 'Sun' }));
    await expectUnclipped(page.getByTestId('silence-matrix').locator('td[data-day="Sun"]').first());
    await page.getByTestId('whatif-run').click();
    await expect(page.getByTestId('whatif-chart')).toBeVisible({ timeout: 30_000 });
    await expectUnclipped(page.getByTestId('silence-matrix').getByRole('columnheader', { name: 'Sun' }));
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
    expect(await lineCount(number), 'the manifest number wraps').toBe(1);
    const inVerdict = dispatch.verdict().locator('.nowrap', { hasText: /^MF-/ });
    await expect(inVerdict).toHaveCount(1);
    expect(await lineCount(inVerdict), 'the manifest number in the verdict wraps').toBe(1);
    await expectUnclipped(number);
    const closed = page.locator('[data-testid="manifest-button"][data-status="closed"] .mono');
    await expectUnclipped(closed);
    expect(await lineCount(closed), 'a manifest button wraps its number').toBe(1);
    await expect(page.locator('main')).not.toContainText(TWELVE_HOUR);
    await page.screenshot({ path: 'test-results/floor-dispatch.png' });
  } finally {
    await app.stop();
  }
});

async function api<T>(page: Page, channel: string, body: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([c, b]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
        credentials: 'same-origin',
      });
      return { status: res.status, json: await res.json() };
    },
    [channel, body] as const,
  );
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as T;
}

const northShop = (names: string[]) =>
  JSON.stringify(
    names.map((name) => ({
      name,
      line: 'postal-s10',
      shipTo: { name: 'Ana North', address1: '1 Fjord Rd', city: 'Bergen', zip: '5003', country: 'NO' },
      items: [{ sku: 'N-1', title: 'Wool socks', quantity: 1 }],
    })),
  );

test('two stores with the same order numbers: the open one is picked, a real tie is chosen by touch or the store barcode; a short scan is answered', async ({
  page,
}) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-stores-')), ['--test-clock', FRIDAY_MORNING]);
  try {
    const pick = new PickPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible();
    await api(page, 'orders.import', { format: 'json', text: northShop(['#1006', '#1007', '#1008']), store: 'north-shop' });

    // #1006 is open in both stores: the screen asks which, with the store names, and says how to answer.
    await pick.answerTo(() => pick.scan('#1006'));
    await pick.expectTone('attention');
    await expect(pick.title()).toHaveText('#1006 is an open order of 2 stores.');
    await expect(page.getByTestId('pick-choice')).toHaveCount(2);
    await expect(page.getByTestId('pick-choices')).toContainText('Firstscan Demo Store');
    await expect(page.getByTestId('pick-choices')).toContainText('north-shop');
    await page.screenshot({ path: 'test-results/floor-pick-which-store.png' });
    // The picker touches the north-shop order: it is picked.
    await pick.answerTo(() => page.locator('[data-testid="pick-choice"][data-store="STORE-NORTH-SHOP"]').click());
    await pick.expectTone('pass');
    await expect(page.getByTestId('verdict-detail')).toContainText('Ana North');

    // #1006 again: only the demo store's order is still open, so it is picked straight away.
    await pick.answerTo(() => pick.scan('#1006'));
    await pick.expectTone('pass');
    await expect(page.getByTestId('verdict-detail')).not.toContainText('Ana North');

    // #1008 is open in both: the picker scans the store's pick-slip barcode to answer.
    await pick.answerTo(() => pick.scan('#1008'));
    await pick.expectTone('attention');
    await pick.answerTo(() => pick.scan('STORE-NORTH-SHOP'));
    await pick.expectTone('pass');
    await expect(page.getByTestId('verdict-detail')).toContainText('#1008 · China Post · Ana North');

    // A burst shorter than the station's shortest code, ended by Enter: answered in red, with what to do.
    await pick.answerTo(() => pick.scan('12'));
    await pick.expectTone('fail');
    await expect(pick.title()).toContainText('"12" is too short to be a scan');
    await expect(pick.next()).toContainText('Scan the whole barcode again');
    await expect(page.getByTestId('manual-code')).toHaveValue('');

    // The store barcodes are on Setup, to print on the pick slips.
    await page.keyboard.press('F3');
    await expect(page.locator('[data-testid="pickslip-store"][data-barcode="STORE-NORTH-SHOP"] img')).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('Setup: a supervisor creates a carrier line with its pickups; S10 numbers need a real country; F8 on Devices; the icon; the 12-hour site setting', async ({
  page,
  request,
}) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-setup-')), ['--test-clock', FRIDAY_MORNING]);
  try {
    const pick = new PickPage(page);
    await pick.open(app.url);

    // The console has an icon.
    const icon = await request.get(new URL('/favicon.ico', app.url).toString());
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/x-icon');
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /favicon/);

    // F8 on Devices (outside a scan burst) switches to Exceptions like any function key.
    await page.keyboard.press('F7');
    await expect(page.getByTestId('selftest')).toBeVisible();
    await page.keyboard.press('F8');
    await expect(page.getByRole('button', { name: /^Exceptions/ })).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('F7');
    await page.keyboard.press('F1');
    await expect(page.getByText('Scan an order or an item')).toBeVisible();

    // Setup: S10 with XX as its country is refused.
    await page.keyboard.press('F3');
    await page.getByTestId('validate-input').fill('RB123456785XX');
    await page.getByTestId('validate-submit').click();
    await expect(page.getByTestId('validate-result')).toHaveAttribute('data-valid', 'false');
    await expect(page.getByTestId('validate-result')).toContainText('ISO 3166-1 country code');

    // A new pool line with Monday/Wednesday pickups, from the form.
    const form = page.getByTestId('line-form');
    await form.getByLabel('Line name').fill('Royal Mail Tracked');
    await expect(form.getByLabel('Line id')).toHaveValue('royal-mail-tracked');
    await form.getByLabel('Carrier', { exact: true }).fill('Royal Mail');
    await form.getByLabel('Service').fill('Tracked 48');
    await form.getByLabel('Tracking URL').fill('https://www.royalmail.com/track-your-item#/tracking-results/{number}');
    await page.getByTestId('line-source').selectOption('pool');
    for (const d of ['Tue', 'Thu', 'Fri']) await form.getByLabel(`Pickup on ${d}`).uncheck();
    await form.getByLabel('Mon cut-off').fill('4:00 pm');
    await form.getByLabel('Mon cut-off').blur();
    await expect(form.getByLabel('Mon cut-off')).toHaveValue('16:00');
    await page.getByTestId('line-save').click();
    await expect(page.getByTestId('line-notice')).toContainText('Created Royal Mail Tracked. Pickups Mon, Wed. Import its pool of numbers below.');
    await expect(page.locator('[data-testid="line-row"][data-id="royal-mail-tracked"]')).toContainText('Royal Mail · Shopify: “Royal Mail”');
    await expect(page.locator('#pl-line')).toHaveValue('royal-mail-tracked');
    const cal = await api<{ calendar: { pickups: Array<{ weekday: number; cutoff: string; pickup: string }> } }>(page, 'cutoffs.get', {
      lineId: 'royal-mail-tracked',
    });
    expect(cal.calendar.pickups).toEqual([
      { weekday: 1, cutoff: '16:00', pickup: '17:30' },
      { weekday: 3, cutoff: '16:00', pickup: '17:30' },
    ]);
    // Creating it again under the same id is refused, not a silent overwrite.
    await form.getByLabel('Line name').fill('Royal Mail Tracked');
    await form.getByLabel('Carrier', { exact: true }).fill('Royal Mail');
    await page.getByTestId('line-save').click();
    await expect(page.getByTestId('lf-id-error')).toContainText('this id is taken');
    await page.screenshot({ path: 'test-results/floor-setup-line.png' });

    // An order on the new line before its pool is imported: refused in words, with what to do.
    await api(page, 'orders.import', {
      format: 'json',
      text: JSON.stringify([
        {
          name: '#RM1',
          line: 'royal-mail-tracked',
          shipTo: { name: 'Tom Gray', address1: '2 Hill St', city: 'Leeds', zip: 'LS1 1AA', country: 'GB' },
          items: [{ sku: 'RM-1', title: 'Tea', quantity: 1 }],
        },
      ]),
      store: 'uk-shop',
    });
    await page.keyboard.press('F1');
    await pick.answerTo(async () => {
      await page.getByTestId('manual-code').fill('#RM1');
      await page.getByTestId('manual-code').press('Enter');
    });
    await pick.expectTone('fail');
    await expect(page.getByTestId('verdict-detail')).toHaveText('Refused: No tracking numbers left.');
    await expect(pick.next()).toHaveText('Import a new pool of numbers from the carrier for this line in Setup, then scan again.');
    await page.keyboard.press('F3');

    // The site switches to 12-hour: times and time inputs follow, everywhere.
    await page.getByTestId('site-clock').selectOption('12h');
    await page.keyboard.press('F6');
    await page.getByTestId('sup-calendar').click();
    await expect(page.getByLabel('Mon cut-off')).toHaveValue('4:00 PM');
    await page.keyboard.press('F1');
    await pick.answerTo(async () => {
      await page.getByTestId('manual-code').fill('#1004');
      await page.getByTestId('manual-code').press('Enter');
    });
    await expect(page.getByTestId('verdict-ship')).toHaveText(/^ships [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{1,2}:\d{2} (AM|PM)$/);
  } finally {
    await app.stop();
  }
});
