import type { Request } from '@playwright/test';
import { test, expect } from './console';
import { PickPage } from './pages/PickPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { scanWedge } from './pages/wedge';

const scanApi = (code: string) =>
  fetch('/api/pick.scan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then(
    (r) => r.json() as Promise<{ parcel: { id: string; trackingNumber: string } }>,
  );

test('a pick while Parcels is open adds its row by delta: no whole-list refetch, only the parcel it names', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  for (let i = 0; i < 5; i++) await pick.answerTo(() => pick.scan(`#${1001 + i}`));

  const parcels = new ParcelsPage(page);
  await parcels.open();
  await expect(parcels.rows()).toHaveCount(5);
  await expect(page.getByTestId('parcels-count')).toContainText('5 parcels');
  // Their labels have printed (a busy machine prints late): what follows is only the new picks' news.
  for (let i = 0; i < 5; i++) await expect(parcels.rows().nth(i).locator('.c-label')).toContainText('✓', { timeout: 30_000 });

  const asked: Array<Record<string, unknown>> = [];
  const onRequest = (r: Request) => {
    if (r.url().endsWith('/api/parcels.list')) asked.push(r.postDataJSON() as Record<string, unknown>);
  };
  page.on('request', onRequest);

  // Another picker (the API, as a second screen would) picks #1006 and #1007 while this list is open.
  const a = await page.evaluate(scanApi, '#1006');
  const b = await page.evaluate(scanApi, '#1007');
  await expect(page.locator('[data-testid="parcel-row"]').first()).toHaveAttribute('data-tracking', b.parcel.trackingNumber);
  await expect(parcels.rows()).toHaveCount(7);
  await expect(page.getByTestId('parcels-count')).toContainText('7 parcels');
  await expect(page.locator(`[data-testid="parcel-row"][data-tracking="${a.parcel.trackingNumber}"]`)).toBeVisible();
  // Its label prints after the answer: the row turns printed by the same delta.
  await expect(page.locator(`[data-testid="parcel-row"][data-tracking="${b.parcel.trackingNumber}"] .c-label`)).toContainText('✓', { timeout: 20_000 });
  await page.waitForTimeout(500);
  page.off('request', onRequest);

  expect(asked.length).toBeGreaterThan(0);
  // Every request after the picks named the parcels that changed; none asked for the list again.
  for (const body of asked) {
    expect(body.ids, JSON.stringify(body)).toBeDefined();
    expect(
      (body.ids as string[]).every((id) => id === a.parcel.id || id === b.parcel.id),
      JSON.stringify([body, a.parcel.id, b.parcel.id]),
    ).toBe(true);
    expect(body.count).toBe(false);
  }
  await page.screenshot({ path: 'test-results/parcels-delta.png' });
});

test('a label scanned into the Parcels search finds its parcel: a screen that does not read the scanner keeps the scan', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  for (let i = 0; i < 3; i++) await pick.answerTo(() => pick.scan(`#${1001 + i}`));
  const parcels = new ParcelsPage(page);
  await parcels.open();
  await expect(parcels.rows()).toHaveCount(3);
  const wanted = (await parcels.rows().nth(1).getAttribute('data-tracking'))!;
  await page.getByTestId('parcels-search').focus();
  await scanWedge(page, wanted);
  await expect(page.getByTestId('parcels-search')).toHaveValue(wanted);
  await expect(parcels.rows()).toHaveCount(1);
  await expect(parcels.rows().first()).toHaveAttribute('data-tracking', wanted);
});
