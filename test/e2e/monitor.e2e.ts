import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startConsole, type ConsoleProcess } from './console';
import { PickPage } from './pages/PickPage';
import { ExceptionsPage } from './pages/ExceptionsPage';
import { SupportPage } from './pages/SupportPage';

const START = '2026-11-23T01:00:00.000Z'; // Monday 09:00 at the demo warehouse (Shenzhen)
const DAY = 86_400_000;

/** The contract over HTTP, as the page's own client calls it (the token is the page's cookie). */
async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      return { ok: res.ok, body: await res.json() };
    },
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

async function moveClock(page: Page, ms: number) {
  const info = await api<{ now: string }>(page, 'app.info', {});
  await api(page, 'clock.set', { at: new Date(Date.parse(info.now) + ms).toISOString(), running: true });
}

/** The picker types the order number into the pick screen's manual entry (what a picker does without a scanner). */
async function pickOrder(page: Page, pick: PickPage, order: string): Promise<string> {
  const box = page.getByRole('textbox', { name: 'Or type the order number' });
  const tracking = await pick.answerTo(async () => {
    await box.fill(order);
    await page.getByRole('button', { name: 'Enter', exact: true }).click();
  });
  await pick.expectTone('pass');
  return tracking;
}

let app: ConsoleProcess;
test.afterEach(async () => app?.stop());

test('support agent: looks up a late parcel, sees its gap and the suggested reply', async ({ page }) => {
  app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-mon-')), ['--test-clock', START]);
  const pick = new PickPage(page);
  await pick.open(app.url);
  const tracking = await pickOrder(page, pick, '#1001');

  // Two days later the parcel is still on the dock: it missed its pickup.
  await moveClock(page, 2 * DAY);
  const support = new SupportPage(page);
  await support.open();
  await support.lookup('#1001');
  await expect(support.result()).toHaveAttribute('data-tracking', tracking);
  await expect(support.gap('handover')).toHaveAttribute('data-state', 'open_late');
  await expect(support.gap('handover')).toContainText('Missed its pickup');
  await expect(support.rootCause()).toContainText('missed its pickup');
  await expect(support.fixes()).toContainText('Fix 1.');
  await expect(support.reply()).toHaveValue(/leaves with the next carrier pickup/);
  await expect(support.reply()).toHaveValue(new RegExp(tracking));
  await page.screenshot({ path: 'test-results/monitor-support.png' });

  // The site view: gaps per line and weekday, and the cost estimate with an edited hourly rate.
  await page.getByTestId('site-toggle').click();
  await expect(page.getByTestId('site-lines')).toContainText('100 %');
  const before = await page.getByTestId('monthly-cost').textContent();
  await page.getByTestId('hourly-rate').fill('45');
  await expect(page.getByTestId('monthly-cost')).not.toHaveText(before!);
  await page.screenshot({ path: 'test-results/monitor-site.png' });
});

test('supervisor: works the exception queue, contacts buyers, resolves, reships a lost parcel and sees the new parcel picked and linked', async ({ page }) => {
  app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-mon-')), ['--test-clock', START]);
  const pick = new PickPage(page);
  await pick.open(app.url);
  await pickOrder(page, pick, '#1001');
  await pickOrder(page, pick, '#1002');
  const lost = await pickOrder(page, pick, '#1003');

  // The carrier scanned #1003 once (the emulated carrier, as a demo would), then nothing for 16 days.
  await moveClock(page, DAY);
  await api(page, 'monitor.demo.scan', { query: '#1003', status: 'in_transit', hoursAgo: 2, location: 'Guangzhou hub, CN' });
  await expect
    .poll(async () => (await api<{ scans: Array<{ status: string }> }>(page, 'monitor.parcel', { id: lost })).scans.map((s) => s.status), { timeout: 20_000 })
    .toContain('in_transit');
  await moveClock(page, 16 * DAY);

  const q = new ExceptionsPage(page);
  await q.open();
  await q.checkNow();
  await expect(q.row('#1001')).toHaveAttribute('data-cause', 'not_handed_over');
  await expect(q.row('#1002')).toHaveAttribute('data-cause', 'not_handed_over');
  await expect(q.row('#1003')).toHaveAttribute('data-cause', 'lost');
  await expect(q.row('#1003')).toContainText('reship');

  // Open one: its gaps and the message to the buyer with the tracking link.
  await q.row('#1001').click();
  await expect(q.detail().getByTestId('exception-cause')).toContainText('not handed over');
  await expect(q.detail().getByTestId('contact-body')).toHaveValue(/missed its carrier pickup/);
  await page.screenshot({ path: 'test-results/monitor-exceptions.png' });

  // Keys alone: Space on the focused row ticks it for a bulk action, and again unticks it.
  const tick = page.getByRole('checkbox', { name: 'Select #1002', exact: true });
  await q.row('#1002').focus();
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await expect(page.getByTestId('bulk-bar')).toContainText('1 selected');
  await page.keyboard.press('Space');
  await expect(tick).not.toBeChecked();

  // Bulk: contact both buyers, then resolve one with a reason.
  await q.select('#1001', '#1002');
  await q.bulk('Contact buyers');
  await expect(q.notice()).toContainText('2 buyer messages queued');
  await expect.poll(() => (existsSync(join(app.dataDir, 'fake-mail')) ? readdirSync(join(app.dataDir, 'fake-mail')).length : 0), { timeout: 20_000 }).toBe(2);
  await q.select('#1002');
  await q.reason('found on the dock, leaves today');
  await q.bulk('Resolve');
  await expect(q.notice()).toContainText('1 resolved');
  await expect(q.row('#1002')).toHaveCount(0);

  // Reship the lost parcel: a replacement order for the pick station.
  await q.select('#1003');
  await q.reason('lost: 15 days without update');
  await q.bulk('Reship');
  await expect(q.notice()).toContainText('Reshipped as #1003-R1');
  await expect(q.row('#1003')).toHaveCount(0);

  // The picker scans it: the normal pick flow issues a new number.
  await page.getByRole('button', { name: /^Pick/ }).click();
  const fresh = await pickOrder(page, pick, '#1003-R1');
  expect(fresh).not.toBe(lost);

  // Both parcels show the link.
  const support = new SupportPage(page);
  await support.open();
  await support.lookup(lost);
  await expect(support.result().getByTestId('reship-links')).toContainText(`Reshipped as #1003-R1: ${fresh}`);
  await support.lookup(fresh);
  await expect(support.result().getByTestId('reship-links')).toContainText(`Replacement (#1003-R1) for ${lost}`);
  await page.screenshot({ path: 'test-results/monitor-reship-linked.png' });
});
