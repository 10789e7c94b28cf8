import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { FAKE_SERIAL_SCALE_PATH } from '../../native/scales/fake-serial';

const FRIDAY_MORNING = '2026-11-27T01:00:00.000Z';
const shots = 'test-results/pack';

test('Setup: a supervisor adds, edits and removes a store’s pack rule, with errors that say what to fix', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-store-rules-')), ['--test-clock', FRIDAY_MORNING]);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new PickPage(page).open(app.url);
    await page.keyboard.press('F3');
    const card = page.getByTestId('pack-store-rules');
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByTestId('store-rules-empty')).toBeVisible();

    // No store chosen, then 0 items per parcel, then words: each field says what to do; nothing is saved.
    await card.getByTestId('store-rule-add').click();
    await card.getByRole('button', { name: 'Add rule' }).click();
    await expect(card.getByTestId('store-rule-store-error')).toHaveText('Choose a store from the list.');
    await card.getByLabel('Store').selectOption('demo-store');
    await card.getByLabel('One parcel per N items').fill('0');
    await card.getByRole('button', { name: 'Add rule' }).click();
    await expect(card.getByTestId('store-rule-ipp-error')).toHaveText('at least 1 item per parcel, or leave it empty for one parcel');
    await expect(card.getByTestId('store-rule-error')).toHaveCount(0);
    await card.getByLabel('One parcel per N items').fill('three');
    await card.getByRole('button', { name: 'Add rule' }).click();
    await expect(card.getByTestId('store-rule-ipp-error')).toContainText('Type a whole number of items (for example 3)');
    await card.screenshot({ path: `${shots}/setup-store-rule-errors.png` });
    expect(await app.call<unknown[]>('pack.rules')).toEqual([]);

    // Fixed: the demo store, scan every item, 3 items a parcel.
    await card.getByLabel('One parcel per N items').fill('3');
    await card.getByLabel('Scan every item').check();
    await card.getByRole('button', { name: 'Add rule' }).click();
    const row = card.locator('[data-testid="store-rule"][data-store="demo-store"]');
    await expect(row).toContainText('scan items · 1 parcel per 3 items');
    await expect(card.getByTestId('store-rule-done')).toContainText('go to the pack bench');
    expect(await app.call('pack.rules')).toEqual([{ scope: 'store:demo-store', verify: true, itemsPerParcel: 3, needsWeight: false, needsCustoms: false }]);

    // Edited: a weight too, no split.
    await row.getByRole('button', { name: 'Edit' }).click();
    await expect(card.getByLabel('Store')).toBeDisabled();
    await card.getByLabel('Needs a weight').check();
    await card.getByLabel('One parcel per N items').fill('');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await expect(row).toContainText('scan items · weight');
    await expect(row).not.toContainText('parcel per');
    await page.screenshot({ path: `${shots}/setup-store-rules.png` });

    // Removed, after a confirmation.
    await row.getByRole('button', { name: 'Remove' }).click();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(card.getByTestId('store-rules-empty')).toBeVisible();
    await expect(card.getByTestId('store-rule-done')).toContainText('one-scan pick again');
    expect(await app.call<unknown[]>('pack.rules')).toEqual([]);
  } finally {
    await app.stop();
  }
});

test('Devices: the serial scale is set up by port, baud and protocol; a port that does not open says so; the weight reads live', async ({ page }) => {
  process.env.FIRSTSCAN_FAKE_SERIAL_SCALE = 'serial-st-gs-1015g';
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-scale-')), ['--test-clock', FRIDAY_MORNING]);
  delete process.env.FIRSTSCAN_FAKE_SERIAL_SCALE;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new PickPage(page).open(app.url);
    await page.keyboard.press('F7');
    const card = page.getByTestId('devices-scale');
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByTestId('scale-live')).toContainText('No scale connected');

    await card.getByLabel('Port').fill('/dev/ttyUSB9');
    await card.getByLabel('Baud').selectOption('9600');
    await card.getByLabel('Protocol').selectOption('st-gs');
    await card.getByTestId('scale-save').click();
    await expect(card.getByTestId('scale-error')).toContainText('The port /dev/ttyUSB9 could not be opened');
    await expect(card.getByTestId('scale-error')).toContainText('Nothing was saved');
    await card.screenshot({ path: `${shots}/devices-scale-error.png` });

    await card.getByLabel('Port').fill(FAKE_SERIAL_SCALE_PATH);
    await card.getByTestId('scale-save').click();
    await expect(card.getByTestId('scale-done')).toContainText(`Serial scale on ${FAKE_SERIAL_SCALE_PATH} (9600 baud, st-gs) saved and open.`);
    await expect(card.getByTestId('scale-live')).toHaveAttribute('data-status', 'stable', { timeout: 15_000 });
    await expect(card.getByTestId('scale-live')).toContainText('1.015 kg');
    await page.screenshot({ path: `${shots}/devices-scale.png` });
    expect(await app.call('pack.scaleSettings')).toMatchObject({ serial: { path: FAKE_SERIAL_SCALE_PATH, baudRate: 9600, protocol: 'st-gs' } });
  } finally {
    await app.stop();
  }
});
