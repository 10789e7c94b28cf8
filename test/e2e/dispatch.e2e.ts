import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { DispatchPage } from './pages/DispatchPage';
import { buildDemoOrders } from '../../electron/capabilities/demo/seed';
import { extractRgbImages } from '../electron/capabilities/devices/labels/pdf-image';
import { decodeCode128 } from '../electron/capabilities/devices/labels/zxing';

// Friday 09:00 in the demo warehouse (Asia/Shanghai): the day's pickups are ahead.
const FRIDAY_MORNING = '2026-11-27T01:00:00.000Z';

test('a dispatch lead loads 11 of 12 parcels, is refused the wrong line, closes out, prints, hands over and sees the missing parcel', async ({ page }) => {
  const app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-dispatch-')), ['--test-clock', FRIDAY_MORNING]);
  try {
    // The demo's orders are deterministic: 8 on the postal line, 4 on the DHL line.
    const demo = buildDemoOrders(200, new Date(FRIDAY_MORNING));
    const postalOrders = demo
      .filter((o) => o.lineId === 'postal-s10')
      .slice(0, 8)
      .map((o) => o.name);
    const dhlOrders = demo
      .filter((o) => o.lineId === 'express-dhl')
      .slice(0, 4)
      .map((o) => o.name);

    // The pick station issues the 12 parcels (its own e2e covers the pick screen).
    const pick = new PickPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible({ timeout: 30_000 });
    const dispatch = new DispatchPage(page);
    const tracking: Record<string, string> = {};
    for (const name of [...postalOrders, ...dhlOrders]) {
      const r = await dispatch.call<{ outcome: string; parcel?: { trackingNumber: string } }>('pick.scan', { code: name });
      expect(r.outcome).toBe('issued');
      tracking[name] = r.parcel!.trackingNumber;
    }
    const postal = postalOrders.map((n) => tracking[n]);
    const dhl = dhlOrders.map((n) => tracking[n]);

    await dispatch.open();

    // Postal: load 7 of 8; the 8th stays on the dock.
    await dispatch.openManifest('postal-s10');
    for (const [i, tn] of postal.slice(0, 7).entries()) {
      await dispatch.scan(tn);
      await dispatch.expectVerdict('loaded', tn);
      await expect.poll(() => dispatch.parcels()).toBe(i + 1);
    }
    expect(await dispatch.lastSound()).toBe('pass');

    // A DHL parcel on the postal pile: refused as the wrong line, with its own sound.
    await dispatch.scan(dhl[0]);
    await dispatch.expectVerdict('wrong_line');
    await expect(dispatch.verdict()).toContainText('DHL Express private line');
    const wrongLineSound = await dispatch.lastSound();
    // The same postal parcel twice: a duplicate, which sounds different from a wrong line.
    await dispatch.scan(postal[0]);
    await dispatch.expectVerdict('duplicate');
    const duplicateSound = await dispatch.lastSound();
    expect(wrongLineSound).toBe('fail');
    expect(duplicateSound).toBe('attention');
    await expect.poll(() => dispatch.parcels()).toBe(7);
    // Garbage is refused and changes nothing.
    await dispatch.scan('%%NOT-A-LABEL%%');
    await dispatch.expectVerdict('bad_scan');
    await expect.poll(() => dispatch.parcels()).toBe(7);

    // DHL: all 4 loaded on their own manifest (11 loaded in all).
    await dispatch.openManifest('express-dhl');
    for (const tn of dhl) {
      await dispatch.scan(tn);
      await dispatch.expectVerdict('loaded', tn);
    }
    await expect.poll(() => dispatch.parcels()).toBe(4);

    // Close out the postal manifest and open its PDF.
    await dispatch.select('postal-s10');
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'open');
    await page.getByTestId('close-out').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'closed');
    const number = (await dispatch.panel().getAttribute('data-number'))!;
    expect(number).toBe('MF-DWS-POSTAL-S10-20261127-01');
    await page.getByTestId('print-pdf').click();
    const link = page.getByTestId('manifest-pdf');
    await expect(link).toBeVisible();
    expect(await link.getAttribute('href')).toMatch(/^blob:/);
    // The screen's page policy keeps fetch to the API: take the same PDF through its channel.
    const manifestId = (await dispatch.call<{ manifests: Array<{ id: string; number: string | null }> }>('dispatch.board', {})).manifests.find(
      (m) => m.number === number,
    )!.id;
    const pdf = Buffer.from((await dispatch.call<{ pdfBase64: string }>('dispatch.pdf', { manifestId })).pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await decodeCode128(extractRgbImages(pdf)[0])).toEqual([number]);
    await page.screenshot({ path: 'test-results/dispatch-closed.png' });

    // The driver scans the manifest barcode; the lead writes the driver's name and confirms.
    await dispatch.scan(number);
    await dispatch.expectVerdict('manifest');
    await page.getByTestId('driver-name').fill('Li Wei');
    await page.getByTestId('handover-confirm').click();
    await expect(dispatch.panel()).toHaveAttribute('data-status', 'handed_over');
    await expect(page.getByTestId('handed-over')).toContainText('Li Wei');

    // The parcel left on the dock is flagged with what to do.
    const missing = page.locator(`[data-testid="discrepancy"][data-tracking="${postal[7]}"]`);
    await expect(missing).toBeVisible();
    await expect(missing).toHaveAttribute('data-kind', 'left_behind');
    await expect(missing).toContainText('load it on the next manifest');
    await expect(dispatch.discrepancies()).toHaveCount(1);
    // Scanning the manifest again changes nothing and says so.
    await dispatch.scan(number);
    await dispatch.expectVerdict('handed_over');
    await page.screenshot({ path: 'test-results/dispatch-handed-over.png' });

    // The parcel timeline shows pick, load and handover with station and actor.
    const parcels = new ParcelsPage(page);
    await parcels.open();
    await parcels.openParcel(postal[0]);
    for (const type of ['parcel.picked', 'parcel.loaded', 'parcel.handed_over'])
      await expect(parcels.timeline().and(page.locator(`[data-type="${type}"]`))).toHaveCount(1);

    // CARRIER_PICKED_UP reaches the Shopify emulator: the fulfillment event jobs of the 7 parcels complete.
    type Job = { ref: string | null; status: string; kind: string };
    const eventJobs = async () => (await dispatch.call<Job[]>('jobs.list', { kind: 'shopify.fulfillment_event', limit: 1000 })).filter((j) => j.ref !== null);
    const handedIds = (await dispatch.call<{ rows: Array<{ id: string; trackingNumber: string }> }>('parcels.list', { status: 'handed_over', limit: 100 }))
      .rows;
    expect(handedIds.map((p) => p.trackingNumber).sort()).toEqual(postal.slice(0, 7).sort());
    const queued = await eventJobs();
    test.skip(queued.length === 0, 'needs the Shopify demo store: no CARRIER_PICKED_UP jobs were planned for these orders');
    await expect
      .poll(async () => (await eventJobs()).filter((j) => j.status === 'done' && handedIds.some((p) => p.id === j.ref)).length, { timeout: 30_000 })
      .toBe(7);
  } finally {
    await app.stop();
  }
});
