import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole, type ConsoleProcess } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { DispatchPage } from './pages/DispatchPage';
import { SyncPage } from './pages/SyncPage';
import { SupervisorPage } from './pages/SupervisorPage';
import { buildDemoOrders } from '../../electron/capabilities/demo/seed';

// Friday 09:00 in the demo warehouse (Asia/Shanghai): the day's pickups are ahead.
const FRIDAY_MORNING = '2026-11-27T01:00:00.000Z';
// Sunday 12:00 there: the postal and DHL calendars have no pickup on Sundays.
const SUNDAY_NOON = '2026-11-29T04:00:00.000Z';

type Mail = { kind: string; orderName: string; trackingNumbers: string[]; sentAt: string; to: string };

/** The e-mails the demo store's Shopify emulator would have sent buyers. */
async function mails(app: ConsoleProcess): Promise<Mail[]> {
  const status = await app.call<{ stores: Array<{ id: string; endpoint: string | null }> }>('shopify.status');
  const endpoint = status.stores.find((s) => s.id === 'demo-store')!.endpoint!;
  return ((await (await fetch(`${endpoint}/emulator/mails`)).json()) as { mails: Mail[] }).mails;
}

const newConsole = (at: string) => startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-buyer-')), ['--test-clock', at]);

test("the buyer's shipping e-mail goes out at handover: none at pick, exactly one at handover, shown on Sync and on the parcel", async ({ page }) => {
  const app = await newConsole(FRIDAY_MORNING);
  try {
    const order = buildDemoOrders(200, new Date(FRIDAY_MORNING)).find((o) => o.lineId === 'postal-s10')!.name;
    const pick = new PickPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible({ timeout: 30_000 });
    await pick.scan(order);
    await pick.expectTone('pass');
    const tracking = (await pick.title().textContent())!.trim();
    // The last-parcel panel follows the parcel: amber while the label waits, then printed.
    await expect(page.getByTestId('last-label')).toHaveAttribute('data-printed', 'yes', { timeout: 20_000 });
    await expect(page.getByTestId('last-label')).toContainText('Label printed');

    // The tracking reaches Shopify at pick, without an e-mail to the buyer.
    const sync = new SyncPage(page);
    await sync.open();
    await expect(sync.store('demo-store').getByTestId('store-notify-at')).toHaveValue('handover');
    await expect(sync.parcel(tracking)).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
    await expect(sync.parcel(tracking).getByTestId('sync-buyer')).toHaveText('buyer e-mailed at handover');
    expect(await mails(app)).toEqual([]);

    // Dispatch: load, close out, the driver scans the manifest, the lead confirms.
    const dispatch = new DispatchPage(page);
    await dispatch.open();
    await dispatch.openManifest('postal-s10');
    await dispatch.scan(tracking);
    await dispatch.expectVerdict('loaded', tracking);
    await page.getByTestId('close-out').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'closed');
    const number = (await dispatch.panel().getAttribute('data-number'))!;
    expect(await mails(app)).toEqual([]);
    await dispatch.scan(number);
    await dispatch.expectVerdict('manifest');
    await page.getByTestId('driver-name').fill('Li Wei');
    await page.getByTestId('handover-confirm').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'handed_over');

    // Exactly one e-mail, at handover, with the parcel's number; CARRIER_PICKED_UP follows and sends none.
    await expect.poll(async () => (await mails(app)).length, { timeout: 30_000 }).toBe(1);
    type Job = { ref: string | null; status: string };
    await expect
      .poll(async () => (await dispatch.call<Job[]>('jobs.list', { kind: 'shopify.fulfillment_event', limit: 10 })).map((j) => j.status), { timeout: 30_000 })
      .toEqual(['done']);
    const [mail] = await mails(app);
    expect(mail).toMatchObject({ kind: 'shipping_update', orderName: order, trackingNumbers: [tracking] });
    expect(Date.parse(mail.sentAt)).toBeGreaterThanOrEqual(Date.parse(FRIDAY_MORNING));
    expect(await mails(app)).toHaveLength(1);

    await sync.open();
    await expect(sync.parcel(tracking).getByTestId('sync-buyer')).toHaveAttribute('data-notified', 'yes', { timeout: 15_000 });
    await expect(sync.parcel(tracking).getByTestId('sync-buyer')).toContainText('buyer notified at ');
    await page.screenshot({ path: 'test-results/buyer-sync.png' });

    // The parcel's timeline reads as sentences, the e-mail included; Shopify's panel says when.
    const parcels = new ParcelsPage(page);
    await parcels.open();
    await parcels.openParcel(tracking);
    await expect(page.getByTestId('shopify-parcel-buyer')).toContainText('Buyer notified at ');
    const notified = parcels.timeline().and(page.locator('[data-type="shopify.buyer_notified"]'));
    await expect(notified).toHaveCount(1);
    await expect(notified).toContainText(`Buyer notified: Shopify e-mailed the buyer tracking ${tracking} at handover.`);
    await expect(parcels.timeline().and(page.locator('[data-type="parcel.picked"]'))).toContainText(`Picked (scanned ${order}): number ${tracking} issued`);
    const text = (await page.getByTestId('timeline').innerText()).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/\[object Object\]|parcelId:|manifestId:|jobId:|undefined/);
    await notified.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/buyer-timeline.png' });
  } finally {
    await app.stop();
  }
});

test('Dispatch on a day without a pickup raises no alarm; the Supervisor what-if measures from when the buyer is told and offers the shift on postal lines only', async ({
  page,
}) => {
  const app = await newConsole(SUNDAY_NOON);
  try {
    const demo = buildDemoOrders(200, new Date(SUNDAY_NOON));
    const dispatch = new DispatchPage(page);
    await page.goto(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible({ timeout: 30_000 });
    const postal: string[] = [];
    for (const lineId of ['postal-s10', 'express-dhl', 'ups'])
      for (const o of demo.filter((x) => x.lineId === lineId).slice(0, 2)) {
        const r = await dispatch.call<{ outcome: string; parcel: { trackingNumber: string } }>('pick.scan', { code: o.name });
        expect(r.outcome).toBe('issued');
        if (lineId === 'postal-s10') postal.push(r.parcel.trackingNumber);
      }
    // Sunday evening, past the old 17:00 fallback: nothing was due today.
    await new SupervisorPage(page).setClock('2026-11-29T12:00:00.000Z');
    await dispatch.open();
    // The board has loaded (its lines and alerts come in one answer): parcels wait, nothing is overdue.
    await expect(dispatch.line('postal-s10')).toContainText('2 waiting');
    await expect(page.getByTestId('dispatch-alert')).toHaveCount(0);
    await dispatch.openManifest('postal-s10');
    await expect(dispatch.panel()).not.toContainText('OVERDUE');
    await page.screenshot({ path: 'test-results/dispatch-sunday.png' });

    // Monday 20:00: all three pickups missed; one compact line per line, the handover form still on screen.
    await new SupervisorPage(page).setClock('2026-11-30T12:00:00.000Z');
    await page.keyboard.press('F1');
    await dispatch.open();
    await expect(page.getByTestId('dispatch-alert')).toHaveCount(3, { timeout: 40_000 });
    await page.screenshot({ path: 'test-results/dispatch-overdue.png' });
    // One line each (about 30 px), where three wrapped banners took about 230 of the 768 px.
    for (const a of await page.getByTestId('dispatch-alert').all()) expect((await a.boundingBox())!.height).toBeLessThanOrEqual(36);
    // The late driver comes: load, close out, scan the manifest; the handover form is on screen whole.
    await dispatch.select('postal-s10');
    for (const tn of postal) {
      await dispatch.scan(tn);
      await dispatch.expectVerdict('loaded', tn);
    }
    await page.getByTestId('close-out').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'closed');
    await dispatch.scan((await dispatch.panel().getAttribute('data-number'))!);
    await dispatch.expectVerdict('manifest');
    const confirm = (await page.getByTestId('handover-confirm').boundingBox())!;
    expect(confirm.y + confirm.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: 'test-results/dispatch-overdue-handover.png' });
    await page.getByTestId('driver-name').fill('Li Wei');
    await page.getByTestId('handover-confirm').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'handed_over');
    await expect(page.locator('[data-testid="dispatch-alert"][data-line="postal-s10"]')).toHaveCount(0);
    await expect(page.getByTestId('dispatch-alert')).toHaveCount(2);

    const sup = new SupervisorPage(page);
    await sup.open();
    await page.getByTestId('sup-whatif').click();
    const lines = await page.getByTestId('whatif-line').locator('option').allTextContents();
    expect(lines.some((l) => /DHL/.test(l))).toBe(false);
    await expect(page.getByTestId('whatif-postal-only')).toContainText('DHL Express');
    await page.getByTestId('whatif-run').click();
    await expect(page.getByTestId('whatif-metric')).toContainText('Shopify e-mails the buyers at handover');
    await page.screenshot({ path: 'test-results/supervisor-whatif.png' });
    // The store e-mails at pick: the same replay is measured from the pick, where the shift saves nothing.
    await dispatch.call('shopify.notifyAt', { storeId: 'demo-store', notifyAt: 'pick' });
    await page.getByTestId('whatif-run').click();
    await expect(page.getByTestId('whatif-metric')).toContainText('e-mails buyers the tracking at pick');
    await page.screenshot({ path: 'test-results/supervisor-whatif-from-pick.png' });
  } finally {
    await app.stop();
  }
});
