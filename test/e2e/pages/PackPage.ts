import { expect, type Page } from '@playwright/test';
import { scanWedge } from './wedge';

/** The pack bench on the pick screen, as a picker with a scanner sees it. */
export class PackPage {
  constructor(readonly page: Page) {}

  bench() {
    return this.page.getByTestId('pack-bench');
  }

  reply() {
    return this.page.getByTestId('pack-reply');
  }

  private async answers(): Promise<number> {
    return Number((await this.page.getByTestId('scan-panel').getAttribute('data-seq')) ?? 0);
  }

  /** Scan with the wedge and wait for the bench's next answer. */
  async scan(code: string) {
    await expect(this.page.getByTestId('scan-panel')).toHaveAttribute('data-scanner', 'ready');
    const before = await this.answers();
    await scanWedge(this.page, code);
    await expect.poll(() => this.answers(), { timeout: 20_000 }).toBeGreaterThan(before);
  }

  async expectReply(outcome: string, text?: RegExp | string) {
    await expect(this.reply()).toHaveAttribute('data-outcome', outcome);
    if (text) await expect(this.reply()).toContainText(text);
  }

  items() {
    return this.page.getByTestId('pack-items').locator('b');
  }

  lastSound() {
    return this.page.evaluate(() => document.body.dataset.lastSound);
  }
}
