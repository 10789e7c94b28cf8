import { expect, type Page } from '@playwright/test';

export class ParcelsPage {
  constructor(readonly page: Page) {}

  /** F2, as a picker opens it; right after a page load the console may not listen for keys yet, so press again. */
  async open() {
    await expect(this.page.getByTestId('tab-parcels')).toBeVisible();
    await expect(async () => {
      await this.page.keyboard.press('F2');
      await expect(this.page.getByTestId('parcels-table')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }

  rows() {
    return this.page.getByTestId('parcel-row');
  }

  async openParcel(tracking: string) {
    await this.page.locator(`[data-testid="parcel-row"][data-tracking="${tracking}"]`).click();
    await expect(this.page.getByTestId('parcel-detail')).toBeVisible();
  }

  /** Re-link the open parcel to a new number, by keyboard: the form takes focus, Enter sends. */
  async relink(reason: string) {
    await this.page.getByTestId('relink-open').click();
    await expect(this.page.getByTestId('relink-reason')).toBeFocused();
    // A person types: a burst at scanner speed on a screen that is not scanning is a badge, not words.
    await this.page.keyboard.type(reason, { delay: 90 });
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('detail-notice')).toContainText('Re-linked');
  }

  tracking() {
    return this.page.getByTestId('detail-tracking');
  }

  shopifyState() {
    return this.page.getByTestId('shopify-parcel-state');
  }

  timeline() {
    return this.page.getByTestId('timeline-item');
  }
}
