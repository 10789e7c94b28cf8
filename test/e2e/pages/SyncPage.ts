import { expect, type Page } from '@playwright/test';

/** The Sync screen as a shift lead sees it. */
export class SyncPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Sync/ }).click();
    // Leave the tab button: the scanner's Enter must not press it again.
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(this.page.getByTestId('sync')).toBeVisible();
  }

  store(id: string) {
    return this.page.locator(`[data-testid="store-row"][data-id="${id}"]`);
  }

  async queued(): Promise<number> {
    return Number(await this.page.getByTestId('sync-queued').getAttribute('data-value'));
  }

  parcel(tracking: string) {
    return this.page.locator(`[data-testid="sync-parcel"][data-tracking="${tracking}"]`);
  }

  /** A fulfillment request row, by order name. */
  request(orderName: string) {
    return this.page.locator(`[data-testid="request-row"][data-order="${orderName}"]`);
  }

  /** The demo store's link, cut or restored (console started with --test-clock only). */
  async setDemoNetwork(online: boolean) {
    const status = await this.page.evaluate(
      (on) =>
        fetch('/api/shopify.demo.network', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ online: on }),
          credentials: 'same-origin',
        }).then((r) => r.status),
      online,
    );
    expect(status).toBe(200);
  }
}
