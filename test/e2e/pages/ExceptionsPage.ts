import { expect, type Page } from '@playwright/test';

/** The exception queue as a supervisor works it. */
export class ExceptionsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Exceptions/ }).click();
    await expect(this.page.getByTestId('exception-table')).toBeVisible();
  }

  async checkNow() {
    await this.page.getByTestId('check-now').click();
    await expect(this.notice()).toContainText('Checked');
  }

  rows() {
    return this.page.getByTestId('exception-row');
  }

  row(order: string) {
    return this.page.locator(`[data-testid="exception-row"][data-order="${order}"]`);
  }

  async select(...orders: string[]) {
    for (const o of orders) await this.page.getByRole('checkbox', { name: `Select ${o}`, exact: true }).check();
    await expect(this.page.getByTestId('bulk-bar')).toContainText(`${orders.length} selected`);
  }

  async reason(text: string) {
    await this.page.getByTestId('bulk-reason').fill(text);
  }

  bulk(name: 'Contact buyers' | 'Resolve' | 'Reship' | 'Assign') {
    return this.page.getByTestId('bulk-bar').getByRole('button', { name, exact: true }).click();
  }

  notice() {
    return this.page.getByTestId('exc-notice');
  }

  detail() {
    return this.page.getByTestId('exception-detail');
  }
}
