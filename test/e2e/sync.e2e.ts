import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { SyncPage } from './pages/SyncPage';

// The demo store is an emulator inside the console; the test cuts its network through the
// test-only channel shopify.demo.network, available on a console started with --test-clock.
test('the demo store syncs a picked parcel; cut off, 5 picks queue up and drain when it is back', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-sync-')), ['--test-clock', 'now']);
  try {
    const pick = new PickPage(page);
    const sync = new SyncPage(page);
    // Into the pick screen's order field: a scanner burst or, on a loaded machine, typed text both land.
    const scanAtPick = async (code: string) => {
      await expect(page.getByTestId('manual-code')).toBeEnabled();
      await page.getByTestId('manual-code').click();
      await pick.scan(code);
    };
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible();

    // The demo store is connected and its orders came in through the intake.
    await sync.open();
    await expect(sync.store('demo-store')).toContainText('Firstscan Demo Store');
    await expect(sync.store('demo-store').getByTestId('store-state')).toHaveText('Online');

    // Pick one: its tracking reaches Shopify, shown on the parcel and on the Sync screen.
    await page.keyboard.press('F1');
    const first = await pick.answerTo(() => scanAtPick('#1001'));
    await pick.expectTone('pass');
    const parcels = new ParcelsPage(page);
    await parcels.open();
    await parcels.openParcel(first);
    await expect(page.getByTestId('shopify-parcel-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await expect(page.getByTestId('shopify-parcel-state')).toContainText('from label to Shopify');
    await page.keyboard.press('Escape');

    // Cut the store off and pick 5: they queue, the store shows offline.
    await sync.setDemoNetwork(false);
    await page.keyboard.press('F1');
    const queued: string[] = [];
    for (let i = 0; i < 5; i++) {
      queued.push(await pick.answerTo(() => scanAtPick(`#${1002 + i}`)));
      await pick.expectTone('pass');
      await expect.poll(() => pick.picked()).toBe(i + 2);
    }
    await sync.open();
    await expect.poll(() => sync.queued(), { timeout: 20_000 }).toBe(5);
    await expect(sync.store('demo-store').getByTestId('store-state')).toHaveText('Offline', { timeout: 30_000 });
    await expect(sync.parcel(queued[0])).toHaveAttribute('data-state', 'queued');
    await page.screenshot({ path: 'test-results/sync-offline.png' });

    // Bring it back: the backlog drains by itself, each parcel once.
    await sync.setDemoNetwork(true);
    await expect.poll(() => sync.queued(), { timeout: 60_000 }).toBe(0);
    for (const n of queued) await expect(sync.parcel(n)).toHaveAttribute('data-state', 'synced');
    await expect(sync.store('demo-store').getByTestId('store-state')).toHaveText('Online');
    await expect(page.getByTestId('sync-share')).toContainText('100 %');
    await page.screenshot({ path: 'test-results/sync-screen.png' });
  } finally {
    await app.stop();
  }
});

test('re-link a synced parcel in Parcels: new number, Shopify synced again; accept a fulfillment request in Sync', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-relink-')));
  try {
    const pick = new PickPage(page);
    const parcels = new ParcelsPage(page);
    const sync = new SyncPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible();
    await page.getByTestId('manual-code').click();
    const oldNumber = await pick.answerTo(() => pick.scan('#1001'));
    await pick.expectTone('pass');

    await parcels.open();
    await parcels.openParcel(oldNumber);
    await expect(parcels.shopifyState()).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await parcels.relink('label unreadable at the carrier');
    // The detail shows the new number once the re-link's answer is in: wait for it, then read it.
    await expect(parcels.tracking()).not.toHaveText(oldNumber);
    await expect(page.getByTestId('detail-notice')).toContainText(`${oldNumber} → `);
    const newNumber = (await parcels.tracking().textContent())!.trim();
    await expect(page.getByTestId('detail-notice')).toContainText(`${oldNumber} → ${newNumber}`);
    await expect(page.getByTestId('detail-notice')).toContainText('tracking update queued');
    // Shopify's fulfillment takes the new number: the state turns synced again, the update note goes.
    await expect(parcels.shopifyState()).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await expect(page.getByTestId('shopify-parcel-update')).toHaveCount(0);
    await expect(parcels.timeline().and(page.locator('[data-type="parcel.relinked"]'))).toContainText(`New number ${newNumber} replaces ${oldNumber}`);
    await expect(page.locator(`[data-testid="parcel-row"][data-tracking="${newNumber}"]`)).toBeVisible();
    await page.screenshot({ path: 'test-results/sync-relink.png' });
    await page.keyboard.press('Escape');

    // The demo store sent three orders as fulfillment requests: accept one.
    await sync.open();
    await expect(sync.request('#1201')).toHaveAttribute('data-state', 'pending');
    await expect(sync.parcel(newNumber)).toHaveAttribute('data-state', 'synced');
    await sync.request('#1201').getByTestId('request-accept').click();
    await expect(sync.request('#1201')).toHaveAttribute('data-state', 'accepted', { timeout: 20_000 });
    await expect(sync.request('#1201').getByTestId('request-state')).toHaveText('Accepted');
    // Reject another, with its reason.
    await sync.request('#1202').getByTestId('request-reject').click();
    await page.getByTestId('request-reason').fill('out of stock');
    await page.keyboard.press('Enter');
    await expect(sync.request('#1202')).toHaveAttribute('data-state', 'rejected', { timeout: 20_000 });
    await expect(sync.request('#1203')).toHaveAttribute('data-state', 'pending');
    await page.screenshot({ path: 'test-results/sync-requests.png' });

    // The accepted order came in: it can be picked now.
    await page.keyboard.press('F1');
    await page.getByTestId('manual-code').click();
    await pick.scan('#1201');
    await pick.expectTone('pass');
  } finally {
    await app.stop();
  }
});
