import { test, expect } from './console';
import { scanWedge } from './pages/wedge';
import { DispatchPage } from './pages/DispatchPage';

const SHOTS = 'test-results/role-buttons';

// Inside a screen, an action the signed-in role may not take stays in view, disabled, saying who can
// (the role comes from the contract's channel table through app.info, never a list kept in the screen).
test.describe('buttons per role', () => {
  test.use({ signIn: false });

  test('a picker sees supervisor and dispatch actions locked; a dispatch lead cannot void; a supervisor can', async ({ page, console: c }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(c.url);
    await expect(page.getByTestId('signin')).toBeVisible();
    await scanWedge(page, 'OP-ANA1-4821');
    await expect(page.getByTestId('who')).toContainText('Ana Lopez');

    // Devices: the printer's set-up (supervisor) is locked, pausing it (picker) is not.
    await page.keyboard.press('F7');
    const card = page.getByTestId('devices-scanners');
    await expect(card).toBeVisible();
    await expect(page.locator('#wedge-profile')).toBeDisabled();
    await expect(card.getByTestId('role-why').first()).toHaveText('Supervisor only — ask a supervisor to sign in');
    await page.screenshot({ path: `${SHOTS}/picker-devices.png` });

    // Sync: importing orders is a dispatch lead's; the store's e-mail setting a supervisor's.
    await page.keyboard.press('F4');
    const importBtn = page.getByRole('button', { name: /Import orders/ });
    await expect(importBtn).toBeDisabled();
    await expect(importBtn).toHaveAttribute('data-need', 'dispatch');
    await expect(page.locator('.role-locked', { has: importBtn }).getByTestId('role-why')).toHaveText('Dispatch lead only — ask a dispatch lead to sign in');
    await expect(page.getByTestId('store-notify-at')).toBeDisabled();
    // A fulfillment request's Accept and Reject… are one answer: locked, they say who can once, not twice.
    const request = page.getByTestId('request-row').first();
    await expect(request.getByTestId('request-accept')).toBeDisabled();
    await expect(request.getByTestId('request-reject')).toBeDisabled();
    await expect(request.getByTestId('role-why')).toHaveCount(1);
    await expect(request.getByTestId('role-why')).toHaveText('Dispatch lead only — ask a dispatch lead to sign in');
    await request.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/picker-sync.png` });

    // A dispatch lead (one badge scan switches): Dispatch opens, the manifest's Void is a supervisor's.
    await scanWedge(page, 'OP-DAN2-7305');
    await expect(page.getByTestId('who')).toContainText('Dan Okafor');
    const dispatch = new DispatchPage(page);
    await dispatch.open();
    await dispatch.openManifest('postal-s10');
    const voidBtn = dispatch.panel().getByTestId('void-open');
    await expect(voidBtn).toBeDisabled();
    await expect(voidBtn).toHaveAttribute('data-need', 'supervisor');
    await expect(dispatch.panel().getByTestId('role-why')).toHaveText('Supervisor only — ask a supervisor to sign in');
    await expect(dispatch.panel().getByTestId('close-out')).toBeEnabled();
    await page.screenshot({ path: `${SHOTS}/dispatch-lead-dispatch.png` });
    // The API refuses it all the same.
    await expect(c.call('dispatch.void', { manifestId: 'x', reason: 'try' })).rejects.toThrow(/FORBIDDEN/);

    // A supervisor: Void is there and enabled, nothing is locked on Dispatch.
    await scanWedge(page, 'OP-SAM3-1962');
    await page.getByTestId('signin-pin-input').fill('2468');
    await page.getByTestId('signin-pin-submit').click();
    await expect(page.getByTestId('who')).toContainText('Sam Chen');
    await dispatch.open();
    await dispatch.select('postal-s10');
    await expect(dispatch.panel().getByTestId('void-open')).toBeEnabled();
    await expect(dispatch.panel().getByTestId('role-why')).toHaveCount(0);
    await dispatch.panel().getByTestId('void-open').click();
    await expect(dispatch.panel().getByTestId('void-reason')).toBeVisible();

    // Setup: a supervisor's, but operators and the site's clock are an admin's.
    await page.keyboard.press('F3');
    await expect(page.getByTestId('operators-setup').getByTestId('role-why')).toHaveText('Admin only — ask an admin to sign in');
    await expect(page.getByTestId('site-clock')).toBeDisabled();
    await page.getByTestId('operators-setup').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/supervisor-setup.png` });

    // Sync for the supervisor: the store's e-mail setting is theirs.
    await page.keyboard.press('F4');
    await expect(page.getByTestId('store-notify-at')).toBeEnabled();
    await expect(page.getByRole('button', { name: /Import orders/ })).toBeEnabled();
  });
});
