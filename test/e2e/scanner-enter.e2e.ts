// A scanner on a plain PC types the code and presses Enter: a form with the focused field is sent by
// the scan itself. On screens that do not read the scanner, the console's own listener takes the burst
// (badges sign in); it must type the code into the focused field and then submit that field's form.
import { test, expect } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { scanWedge } from './pages/wedge';
import { s10CheckDigit } from '../../electron/capabilities/numbers/formats';

const S10 = /^([A-Z]{2})(\d{8})\d([A-Z]{2})$/;

test("a new label scanned into the re-link form's number field re-links the parcel: the burst's Enter sends the form", async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  for (let i = 0; i < 4; i++) await pick.answerTo(() => pick.scan(`#${1001 + i}`));
  const parcels = new ParcelsPage(page);
  await parcels.open();
  await expect(parcels.rows()).toHaveCount(4);
  const numbers = await parcels.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tracking') ?? ''));
  const old = numbers.find((n) => S10.test(n));
  expect(old, `an S10 number among ${numbers.join(', ')}`).toBeDefined();
  // The carrier's own label for the same parcel: another valid number of the same line.
  const [, pre, serial, post] = S10.exec(old!)!;
  const body = String((Number(serial) + 5_000_000) % 100_000_000).padStart(8, '0');
  const fresh = `${pre}${body}${s10CheckDigit(body)}${post}`;

  await parcels.openParcel(old!);
  await page.getByTestId('relink-open').click();
  await expect(page.getByTestId('relink-reason')).toBeFocused();
  await page.keyboard.type('label torn', { delay: 90 });
  await page.getByTestId('relink-number').focus();
  await scanWedge(page, fresh);

  // No Enter key pressed by the test: the scan's own Enter sent the form.
  await expect(page.getByTestId('detail-notice')).toContainText(`Re-linked: ${old} → ${fresh}`);
  await expect(parcels.tracking()).toContainText(fresh);
  await expect(page.getByTestId('relink-form')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/scanner-enter-relink.png' });
});

test('a label scanned into the Parcels search finds its parcel, its Enter included', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  for (let i = 0; i < 3; i++) await pick.answerTo(() => pick.scan(`#${1001 + i}`));
  const parcels = new ParcelsPage(page);
  await parcels.open();
  await expect(parcels.rows()).toHaveCount(3);
  const wanted = (await parcels.rows().nth(2).getAttribute('data-tracking'))!;
  await page.getByTestId('parcels-search').focus();
  await scanWedge(page, wanted);
  await expect(parcels.rows()).toHaveCount(1);
  await expect(parcels.rows().first()).toHaveAttribute('data-tracking', wanted);
});
