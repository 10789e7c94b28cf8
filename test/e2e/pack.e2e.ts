import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { PackPage } from './pages/PackPage';
import { DispatchPage } from './pages/DispatchPage';
import { scanWedge } from './pages/wedge';
import { buildDemoOrders } from '../../electron/capabilities/demo/seed';
import type { EmulatorSnapshot } from '../../electron/capabilities/shopify/emulator/state';

// Friday 09:00 in the demo warehouse (Asia/Shanghai): the day's pickups are ahead.
const FRIDAY_MORNING = '2026-11-27T01:00:00.000Z';
const shots = 'test-results/pack';

test('a picker verifies items, splits an order in 3 parcels, weighs them; dispatch flags the missing 2 of 3, then hands over complete; Shopify has the 3 numbers once', async ({
  page,
}) => {
  process.env.FIRSTSCAN_FAKE_SCALE = 'settle-1234g';
  const dir = mkdtempSync(join(tmpdir(), 'fs-e2e-pack-'));
  const app = await startConsole(dir, ['--test-clock', FRIDAY_MORNING]);
  delete process.env.FIRSTSCAN_FAKE_SCALE;
  try {
    const order = buildDemoOrders(200, new Date(FRIDAY_MORNING)).find(
      (o) => o.lineId === 'ups' && o.items.reduce((n, i) => n + i.quantity, 0) >= 3 && o.items.every((i) => i.barcode),
    )!;
    await app.call('pack.rulesSave', { scope: 'line:ups', verify: true, itemsPerParcel: null, needsWeight: true, needsCustoms: false });

    const pick = new PickPage(page);
    const bench = new PackPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible({ timeout: 30_000 });
    await pick.scan(order.name);
    await expect(bench.bench()).toHaveAttribute('data-order', order.name);
    await expect(bench.items()).toContainText('0');
    await page.screenshot({ path: `${shots}/1-bench-open.png` });

    // A wrong item: refused loudly, naming what the order expects.
    await bench.scan('4006381333931');
    await bench.expectReply('wrong', order.items[0].sku);
    expect(await bench.lastSound()).toBe('fail');
    await page.screenshot({ path: `${shots}/2-wrong-item.png` });

    // The right items, one scan each, counted.
    const total = order.items.reduce((n, i) => n + i.quantity, 0);
    let n = 0;
    for (const it of order.items)
      for (let q = 0; q < it.quantity; q++) {
        await bench.scan(it.barcode!);
        n++;
        await expect(bench.items()).toHaveText(new RegExp(`^${n}\\s*/\\s*${total}$`));
        if (n === 1) await page.screenshot({ path: `${shots}/3-counting.png` });
      }
    await bench.expectReply('complete', /Print the labels/);

    // Three parcels, each weighed on the scale.
    await bench.scan('PACK-ADD-PARCEL');
    await bench.scan('PACK-ADD-PARCEL');
    await expect(page.getByTestId('pack-parcels').locator('b')).toHaveText('3');
    for (let i = 1; i <= 3; i++) {
      await bench.scan('PACK-WEIGH');
      await bench.expectReply('weighed', '1.234 kg');
    }
    await page.screenshot({ path: `${shots}/4-ready.png` });
    await bench.scan('PACK-LABEL');
    await expect(pick.title()).toHaveText('3 labels');
    await expect(page.getByTestId('verdict-detail')).toContainText('1 of 3');
    await page.screenshot({ path: `${shots}/5-labels.png` });
    expect(total).toBeGreaterThanOrEqual(3);

    const parcels = (
      await app.call<{ rows: Array<{ id: string; trackingNumber: string; piece: number; orderName: string }> }>('parcels.list', { q: order.name })
    ).rows
      .filter((p) => p.orderName === order.name)
      .sort((a, b) => a.piece - b.piece);
    expect(parcels.map((p) => p.piece)).toEqual([1, 2, 3]);

    // Dispatch: 1 and 3 loaded, close-out flags 2 of 3.
    const dispatch = new DispatchPage(page);
    await dispatch.open();
    await dispatch.openManifest('ups');
    for (const p of [parcels[0], parcels[2]]) {
      await dispatch.scan(p.trackingNumber);
      await dispatch.expectVerdict('loaded', p.trackingNumber);
    }
    const manifestId = (await app.call<{ manifests: Array<{ id: string; lineId: string; status: string }> }>('dispatch.board', {})).manifests.find(
      (m) => m.lineId === 'ups' && m.status === 'open',
    )!.id;
    await app.call('dispatch.close', { manifestId });
    await expect(page.getByTestId('manifest-incomplete')).toContainText(`${order.name}: 2 of 3 not on this manifest`);
    await page.screenshot({ path: `${shots}/6-closeout-missing.png` });

    // Found it: reopened, loaded, handed over complete.
    await app.call('dispatch.reopen', { manifestId, reason: 'parcel 2 of 3 found under the bench' });
    await dispatch.scan(parcels[1].trackingNumber);
    await dispatch.expectVerdict('loaded', parcels[1].trackingNumber);
    const closed = await app.call<{ manifest: { number: string }; incomplete: unknown[] }>('dispatch.close', { manifestId });
    expect(closed.incomplete).toEqual([]);
    await app.call('dispatch.handover', { code: closed.manifest.number, driver: 'Wang Lei', via: 'lead_confirm' });
    await expect(page.getByTestId('manifest-panel')).toHaveAttribute('data-status', 'handed_over');
    await expect(page.getByTestId('manifest-incomplete')).toHaveCount(0);

    // Shopify (the demo store's emulator) holds one fulfillment with the three numbers, each once.
    const numbers = parcels.map((p) => p.trackingNumber);
    await expect
      .poll(
        () => {
          try {
            const snap = JSON.parse(readFileSync(join(dir, 'shopify-emulator', 'demo-store.json'), 'utf8')) as EmulatorSnapshot;
            return snap.fulfillments
              .filter((f) => f.status !== 'CANCELLED')
              .flatMap((f) => f.trackingInfo.map((t) => t.number))
              .filter((x) => x && numbers.includes(x))
              .sort()
              .join(',');
          } catch {
            return '';
          }
        },
        { timeout: 60_000 },
      )
      .toBe([...numbers].sort().join(','));

    // Setup shows the line's rule as saved, the customs table and the batch card.
    await page.keyboard.press('F3');
    await page.getByTestId('pack-rules').scrollIntoViewIfNeeded();
    await expect(page.getByLabel('scan items on UPS Worldwide Saver')).toBeChecked();
    await expect(page.getByTestId('pack-batch')).toBeVisible();
    await page.screenshot({ path: `${shots}/7-setup.png` });
  } finally {
    await app.stop();
  }
});

test('a supervisor called to the bench overrides a short count once; the bench is the picker’s again', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fs-e2e-pack-override-'));
  const app = await startConsole(dir, ['--test-clock', FRIDAY_MORNING]);
  try {
    const order = buildDemoOrders(200, new Date(FRIDAY_MORNING)).find((o) => o.lineId === 'ups' && o.items.every((i) => i.barcode))!;
    await app.call('pack.rulesSave', { scope: 'line:ups', verify: true, itemsPerParcel: null, needsWeight: false, needsCustoms: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    const pick = new PickPage(page);
    const bench = new PackPage(page);
    await pick.open(app.url);
    await expect(page.getByText(/200 open orders/)).toBeVisible({ timeout: 30_000 });

    // Ana packs; nothing is scanned into the parcel, so only a supervisor can let the label go.
    await scanWedge(page, 'OP-ANA1-4821');
    await expect(page.getByTestId('who')).toContainText('Ana Lopez');
    await pick.scan(order.name);
    await expect(bench.bench()).toHaveAttribute('data-order', order.name);

    // Sam steps in with badge and PIN, overrides with a reason.
    await scanWedge(page, 'OP-SAM3-1962');
    await page.getByTestId('signin-pin-input').fill('2468');
    await page.getByTestId('signin-pin-submit').click();
    await expect(page.getByTestId('who')).toContainText('Sam Chen');
    await page.getByRole('button', { name: 'Override…' }).click();
    await page.getByTestId('override-reason').fill('barcodes torn off, counted by eye');
    await page.getByRole('button', { name: 'Print with override' }).click();

    // The label is out, and the bench is Ana's again without her badge: Sam's sign-in was for the override alone.
    await expect(page.getByTestId('verdict-detail')).toContainText('Sam Chen’s override is done: the bench is Ana Lopez’s again.');
    await expect(page.getByTestId('who')).toContainText('Ana Lopez');
    await page.screenshot({ path: `${shots}/override-handed-back.png` });
    const session = await app.call<{ operator: { name: string; role: string } | null }>('operators.session', {});
    expect(session.operator).toMatchObject({ name: 'Ana Lopez', role: 'picker' });
  } finally {
    await app.stop();
  }
});
