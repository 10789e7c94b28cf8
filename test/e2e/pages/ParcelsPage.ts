import { expect, type Page } from '@playwright/test';

export class ParcelsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.keyboard.press('F2');
    await expect(this.page.getByTestId('parcels-table')).toBeVisible();
  }

  rows() {
    return this.page.getByTestId('parcel-row');
  }

  async openParcel(tracking: string) {
    await this.page.locator(`[data-testid="parcel-row"][data-tracking="${tracking}"]`).click();
    await expect(this.page.getByTestId('parcel-detail')).toBeVisible();
  }

  timeline() {
    return this.page.getByTestId('timeline-item');
  }
}
