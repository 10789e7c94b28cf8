import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { scanWedge } from './pages/wedge';
import { PickPage } from './pages/PickPage';
import { SupervisorPage } from './pages/SupervisorPage';

// Thursday 26 Nov 2026, 15:45 in the demo warehouse (Asia/Shanghai).
const THURSDAY = '2026-11-26T07:45:00.000Z';
const SHOTS = 'test-results/operators';

/** Call the API the way a script on the PC would, with the console's per-install token. */
async function apiStatus(
  url: string,
  token: string,
  channel: string,
  body: unknown,
): Promise<{ status: number; body: { error?: { need?: string; message: string } } }> {
  const base = new URL(url).origin;
  const res = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { need?: string; message: string } } };
}

test.describe('signed out at the start', () => {
  test.use({ signIn: false });

  test('a picker signs in by badge scan and picks; Setup is locked for them and the API refuses a calendar change with 403', async ({ page, console: c }) => {
    await page.goto(c.url);
    await expect(page.getByTestId('signin')).toBeVisible();
    await expect(page.getByTestId('demo-badge')).toHaveCount(4);
    await expect(page.getByTestId('demo-badges')).toContainText('Ana Lopez');
    await page.screenshot({ path: `${SHOTS}/signin.png` });

    // A scanner's key burst with Ana's badge, on the sign-in screen: no field to click.
    await scanWedge(page, 'OP-ANA1-4821');
    await expect(page.getByTestId('who')).toContainText('Ana Lopez');
    await expect(page.getByTestId('who')).toContainText('picker');

    const pick = new PickPage(page);
    await expect(page.getByText('Scan an order or an item')).toBeVisible();
    await pick.scan('#1001');
    await expect(pick.panel()).toContainText('#1001');
    await expect(page.getByText(/Ana Lopez picking · \d+ open orders/)).toBeVisible();
    const parcels = await c.call<{ rows: Array<{ orderName: string; pickedBy: string }> }>('parcels.list', {});
    expect(parcels.rows.find((p) => p.orderName === '#1001')?.pickedBy).toBe('ana');

    // Setup and Supervisor are locked for a picker, and say who can.
    await expect(page.getByTestId('tab-setup')).toHaveAttribute('data-locked', 'true');
    await page.keyboard.press('F3');
    await expect(page.getByTestId('locked-screen')).toContainText('Setup needs a supervisor');
    await expect(page.getByTestId('locked-screen')).toContainText('Ana Lopez is a picker');

    const refused = await apiStatus(c.url, c.token, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'try it' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.need).toBe('supervisor');
    expect(refused.body.error?.message).toContain('Ana Lopez is a picker');

    // Her own badge again signs her out.
    await page.keyboard.press('F1');
    await pick.scan('OP-ANA1-4821');
    await expect(page.getByTestId('signin')).toBeVisible();
  });

  test('idle sign-out: the site set 6 seconds, nobody touched the console', async ({ page, console: c }) => {
    await c.call('operators.signIn', { code: 'OP-ADA4-5190', pin: '1357' });
    await c.call('operators.settings.save', { idleMinutes: 0.1, maxFailures: 5, lockMinutes: 15 });
    await c.call('operators.signIn', { code: 'OP-DAN2-7305' });
    await page.goto(c.url);
    await expect(page.getByTestId('who')).toContainText('Dan Okafor');
    // The station signs Dan out by itself; the screen hears it and shows the sign-in.
    await expect(page.getByTestId('signin')).toBeVisible({ timeout: 20_000 });
    const audit = await c.call<{ rows: unknown[] }>('operators.session', {});
    expect(audit).toMatchObject({ operator: null });
  });
});

test('a supervisor signs in with badge + PIN, shifts Friday to Thursday, and the audit shows it with their name', async ({ page }) => {
  const c = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-ops-')), ['--test-clock', THURSDAY], { signIn: false });
  try {
    // Some floor work first, for the figures: Ana picks three orders, one is reprinted.
    await c.call('operators.signIn', { code: 'OP-ANA1-4821' });
    for (const o of ['#1001', '#1002', '#1003']) await c.call('pick.scan', { code: o });
    await c.call('pick.scan', { code: 'NOT-AN-ORDER' }).catch(() => undefined);
    await c.call('operators.signIn', { code: 'OP-ANA1-4821' });

    await page.goto(c.url);
    await expect(page.getByTestId('signin')).toBeVisible();
    await scanWedge(page, 'OP-SAM3-1962');
    await expect(page.getByTestId('signin-pin')).toContainText('Sam Chen');
    await page.getByTestId('signin-pin-input').fill('1111');
    await page.getByTestId('signin-pin-submit').click();
    await expect(page.getByTestId('signin-pin')).toContainText('Wrong PIN for Sam Chen: 4 tries left');
    await page.getByTestId('signin-pin-input').fill('2468');
    await page.getByTestId('signin-pin-submit').click();
    await expect(page.getByTestId('who')).toContainText('Sam Chen');

    const sup = new SupervisorPage(page);
    await sup.open();
    await sup.calendars('China Post ePacket');
    await sup.previewThursdayShift();
    await sup.save('Thursday shift for postal');

    await page.keyboard.press('F11');
    await expect(page.getByTestId('audit')).toBeVisible();
    await page.getByTestId('audit-type').selectOption('cutoffs.');
    const row = page.getByTestId('audit-row').first();
    await expect(row).toContainText('Sam Chen');
    await expect(row).toHaveAttribute('data-type', 'cutoffs.calendar_saved');
    await page.getByTestId('audit-type').selectOption('');
    await expect(page.getByTestId('audit-row').first()).toContainText('Sam Chen');
    await page.screenshot({ path: `${SHOTS}/audit.png` });

    await page.getByTestId('audit-tab-figures').click();
    const ana = page.locator('[data-testid="figure-card"][data-actor="ana"]');
    await expect(ana).toContainText('Ana Lopez');
    await expect(ana).toContainText('3');
    await expect(ana.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/figures.png` });

    // A picker's token-less refusal is not the only door: an integrator token with a role.
    const token = await c.call<{ token: string }>('tokens.create', { name: 'WMS', role: 'dispatch' }).catch((e: Error) => e);
    expect(token).toBeInstanceOf(Error); // a supervisor cannot make tokens: an admin does
  } finally {
    await c.stop();
  }
});
