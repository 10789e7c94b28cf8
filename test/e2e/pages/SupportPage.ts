import { expect, type Page } from '@playwright/test';

/** The support helper as an agent uses it with a buyer's e-mail open. */
export class SupportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Support/ }).click();
    await expect(this.page.getByTestId('support-search')).toBeVisible();
  }

  async lookup(q: string) {
    await this.page.getByTestId('support-search').fill(q);
    await this.page.getByTestId('support-search').press('Enter');
    await expect(this.page.getByTestId('support-result').or(this.page.getByTestId('support-waiting')).first()).toBeVisible();
  }

  result() {
    return this.page.getByTestId('support-result').first();
  }

  gap(key: string) {
    return this.result().getByTestId(`gap-${key}`);
  }

  rootCause() {
    return this.result().getByTestId('root-cause');
  }

  fixes() {
    return this.result().getByTestId('fixes');
  }

  reply() {
    return this.result().getByTestId('reply');
  }
}
