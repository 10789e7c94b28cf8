import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, startConsole } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';

const labelsAt = (dir: string) => (existsSync(join(dir, 'fake-printer')) ? readdirSync(join(dir, 'fake-printer')).sort() : []);

test('a new picker scans 10 orders, gets 10 labels, reprints one, is refused a bad scan, and finds it all after a restart', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
  await expect(page.getByText(/200 open orders/)).toBeVisible();

  const numbers: string[] = [];
  for (let i = 0; i < 10; i++) {
    numbers.push(await pick.answerTo(() => pick.scan(`#${1001 + i}`)));
    await pick.expectTone('pass');
    await expect.poll(() => pick.picked()).toBe(i + 1);
    expect(await pick.lastSound()).toBe('pass');
    await pick.waitForLabel(numbers[i]);
  }
  expect(new Set(numbers).size).toBe(10);
  await expect.poll(() => pick.picked()).toBe(10);

  // Every label reached the printer, in the order scanned, each carrying its own number.
  await expect.poll(() => labelsAt(app.dataDir).length, { timeout: 20_000 }).toBe(10);
  const printed = labelsAt(app.dataDir).map((f) => readFileSync(join(app.dataDir, 'fake-printer', f), 'utf8'));
  numbers.forEach((n, i) => expect(printed[i]).toContain(n));
  await expect(page.getByTestId('label-preview')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/pick-screen.png' });

  // Rescanning an order reprints its label with the same number.
  await pick.answerTo(() => pick.scan('#1003'));
  await pick.expectTone('attention');
  await expect(pick.title()).toHaveText(`Reprint ${numbers[2]}`);
  await expect.poll(() => labelsAt(app.dataDir).length).toBe(11);

  // A bad scan is refused in red, says what to do, and sounds different.
  await pick.answerTo(() => pick.scan('NOT-AN-ORDER-42'));
  await pick.expectTone('fail');
  await expect(pick.next()).toContainText('scan the order number');
  expect(await pick.lastSound()).toBe('fail');
  await page.screenshot({ path: 'test-results/pick-refused.png' });

  // Restart the console on the same data: everything is still there.
  const printedBefore = labelsAt(app.dataDir).map((f) => readFileSync(join(app.dataDir, 'fake-printer', f), 'utf8'));
  await app.stop();
  const again = await startConsole(app.dataDir);
  try {
    await pick.open(again.url);
    await expect.poll(() => pick.picked()).toBe(10);
    const parcels = new ParcelsPage(page);
    await parcels.open();
    await expect(parcels.rows()).toHaveCount(10);
    await parcels.openParcel(numbers[2]);
    await expect(
      parcels
        .timeline()
        .filter({ hasText: /reprint/i })
        .first(),
    ).toBeVisible();
    // After the restart the picker types an order by hand: the same sequence goes on, no reuse.
    await page.keyboard.press('F1');
    const typed = await pick.answerTo(() => pick.typeOrder('#1011'));
    await pick.expectTone('pass');
    await expect.poll(() => pick.picked()).toBe(11);
    expect(numbers).not.toContain(typed);
    // The demo printer's record of what it printed survives the restart: the new label is a new file.
    await expect.poll(() => labelsAt(app.dataDir).length, { timeout: 20_000 }).toBe(printedBefore.length + 1);
    expect(
      labelsAt(app.dataDir)
        .slice(0, printedBefore.length)
        .map((f) => readFileSync(join(app.dataDir, 'fake-printer', f), 'utf8')),
    ).toEqual(printedBefore);
  } finally {
    await again.stop();
  }
});
