// Issue 16: the Parcels and Exceptions lists reach every row of a grown station (thousands), by
// keyset pages as the user scrolls, and show the first and the last row as the server orders them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test as base, expect, type Page, type Locator } from '@playwright/test';
import { startConsole, type ConsoleProcess } from './console';
import { ParcelsPage } from './pages/ParcelsPage';
import { ExceptionsPage } from './pages/ExceptionsPage';
import { migrations } from '../../db/migrations';
import { cliArgs } from '../support/bundle';

const PARCELS = 12_000;
const PER_DAY = 400;
// A station grown by another checkout with other migrations is not this schema: the cache is per schema.
const SCHEMA = createHash('sha1')
  .update(migrations.map((m) => `${m.version}:${m.name}:${m.up}`).join('\n'))
  .digest('hex')
  .slice(0, 10);

/** A station grown by the project's own generator (`demo grow`), grown once per machine and copied per test. */
function grownCopy(): string {
  const cache = join(tmpdir(), `firstscan-e2e-grown-${PARCELS}-${PER_DAY}-${SCHEMA}`);
  if (!existsSync(join(cache, 'done'))) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    execFileSync(process.execPath, cliArgs(['demo', 'grow', '--parcels', String(PARCELS), '--per-day', String(PER_DAY), '--data', cache]), {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: 'ignore',
    });
    execFileSync('touch', [join(cache, 'done')]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'fs-e2e-grown-'));
  for (const f of ['firstscan.db', 'firstscan.db-wal']) if (existsSync(join(cache, f))) cpSync(join(cache, f), join(dir, f));
  return dir;
}

const test = base.extend<{ console: ConsoleProcess }>({
  console: async ({}, use) => {
    const dir = grownCopy();
    // The console's clock goes on from where the grown history ends, so the monitor's passes judge
    // the same days the generator made (on today's clock they would close most of its exceptions).
    const db = new Database(join(dir, 'firstscan.db'), { readonly: true });
    const { at } = db.prepare('SELECT max(occurred_at) AS at FROM events').get() as { at: string };
    db.close();
    const c = await startConsole(dir, ['--test-clock', at]);
    await use(c);
    await c.stop();
  },
});
test.setTimeout(900_000);

/** Wheel down over a list, as a person scrolls, until `last` is on screen (or the list stops growing). */
async function scrollToEnd(page: Page, list: Locator, last: Locator): Promise<number> {
  const box = (await list.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let wheels = 0;
  for (; wheels < 2000 && !(await last.isVisible()); wheels++) {
    await page.mouse.wheel(0, 6000);
    await page.waitForTimeout(30);
  }
  await expect(last).toBeInViewport();
  return wheels;
}

test('the Exceptions list scrolls from the most urgent to the last of thousands of open exceptions', async ({ page, console: app }) => {
  // The monitor's first pass (10 s after the start) has run: the queue stays as it is while the test scrolls.
  await expect.poll(async () => (await app.call<{ lastPass: unknown }>('monitor.queue', { limit: 1 })).lastPass, { timeout: 120_000 }).not.toBeNull();
  // What the server says the whole queue is, in its order, walked by keyset.
  const all: Array<{ orderName: string; id: string }> = [];
  for (;;) {
    const r = await app.call<{ rows: Array<{ orderName: string; id: string }> }>('monitor.queue', {
      limit: 2000,
      ...(all.length ? { after: all[all.length - 1].id } : {}),
    });
    all.push(...r.rows);
    if (r.rows.length < 2000) break;
  }
  expect(all.length).toBeGreaterThan(1000);
  const [first, last] = [all[0].orderName, all[all.length - 1].orderName];

  await page.goto(app.url);
  const exceptions = new ExceptionsPage(page);
  await exceptions.open();
  await expect(exceptions.rows().first()).toHaveAttribute('data-order', first);
  await expect(exceptions.rows().first()).toBeInViewport();
  await expect(page.getByRole('button', { name: /^All/ })).toContainText(String(all.length));
  // Windowed: a screenful of rows in the page, not thousands.
  expect(await exceptions.rows().count()).toBeLessThan(100);

  const wheels = await scrollToEnd(page, page.locator('.exc-table-wrap'), exceptions.row(last).last());
  expect(wheels).toBeGreaterThan(5);
  await expect(exceptions.rows().last()).toHaveAttribute('data-order', last);
  await expect(exceptions.rows().last()).toContainText(last);
  expect(await exceptions.rows().count()).toBeLessThan(100);
  await page.screenshot({ path: 'test-results/long-lists-exceptions-end.png' });
});

test('the Parcels list scrolls from the newest to the oldest of thousands of parcels, sorted too', async ({ page, console: app }) => {
  const all: string[] = [];
  for (;;) {
    const r = await app.call<{ rows: Array<{ id: string; trackingNumber: string }> }>('parcels.list', {
      limit: 5000,
      count: false,
      ...(all.length ? { after: all[all.length - 1].split(' ')[0] } : {}),
    });
    all.push(...r.rows.map((p) => `${p.id} ${p.trackingNumber}`));
    if (r.rows.length < 5000) break;
  }
  expect(all.length).toBe(PARCELS);
  const tn = (i: number) => all[i].split(' ')[1];

  await page.goto(app.url);
  const parcels = new ParcelsPage(page);
  await parcels.open();
  await expect(page.getByTestId('parcels-count')).toContainText(`${PARCELS.toLocaleString('en')} parcels`);
  await expect(parcels.rows().first()).toHaveAttribute('data-tracking', tn(0));
  expect(await parcels.rows().count()).toBeLessThan(100);

  const lastRow = page.locator(`[data-testid="parcel-row"][data-tracking="${tn(all.length - 1)}"]`);
  await scrollToEnd(page, page.locator('.ptable-scroll'), lastRow);
  await expect(parcels.rows().last()).toHaveAttribute('data-tracking', tn(all.length - 1));
  await expect(lastRow.locator('.c-tn')).toHaveText(tn(all.length - 1));
  // A cell whose text may be cut short shows it whole on hover: its title comes with the pointer, not with every row drawn.
  const lineCell = lastRow.locator('.c-line');
  await expect(lineCell).not.toHaveAttribute('title', /./);
  await lineCell.hover();
  await expect(lineCell).toHaveAttribute('title', (await lineCell.textContent())!);
  // Scrolled under a pointer that stays on the list: the cell it then rests on names its own parcel.
  const box = (await lineCell.boundingBox())!;
  await page.mouse.wheel(0, -480);
  await page.waitForTimeout(300);
  await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
  const under = page.locator('.ptable-scroll .pcell.c-line:hover');
  await expect(under).toHaveCount(1);
  await expect(under).toHaveAttribute('title', (await under.textContent())!);
  await page.screenshot({ path: 'test-results/long-lists-parcels-end.png' });

  // Sorted by order name, oldest order last: End goes there (keyset pages, no offset).
  await page.getByRole('button', { name: /Order/ }).click();
  await expect(page.locator('.prow-head [aria-sort="ascending"]')).toContainText('Order');
  const sorted = await app.call<{ rows: Array<{ orderName: string }> }>('parcels.list', { limit: 1, sort: { by: 'orderName', desc: true } });
  await parcels.rows().first().click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await expect(page.locator(`[data-testid="parcel-row"] .c-order`, { hasText: sorted.rows[0].orderName })).toBeInViewport({ timeout: 60_000 });
});
