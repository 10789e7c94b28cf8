import { expect, type Page } from '@playwright/test';

/** The Devices screen: printers, scanners and the scanner self-test, as a supervisor sees them. */
export class DevicesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Devices/ }).click();
    await expect(this.page.getByTestId('selftest')).toBeVisible();
  }

  /**
   * A keyboard-wedge scanner typing `text` one key per character, `gapMs` apart. Keys are pressed
   * one by one (not typed) so characters of other layouts (ß, é) still arrive as keydowns, as a
   * scanner's do. GS is Ctrl+].
   */
  async scan(text: string, opts: { gapMs?: number; suffix?: boolean } = {}) {
    for (const ch of text) {
      if (ch === '\u001d') await this.page.keyboard.press('Control+BracketRight');
      else await this.page.keyboard.press(ch);
      if (opts.gapMs) await this.page.waitForTimeout(opts.gapMs);
    }
    if (opts.suffix !== false) await this.page.keyboard.press('Enter');
  }

  results() {
    return this.page.getByTestId('selftest-result');
  }

  /** The newest diagnosis. */
  latest() {
    return this.results().first();
  }

  async printSheet() {
    await this.page.getByTestId('selftest-print').click();
    await expect(this.page.getByTestId('selftest-notice')).toContainText('test sheet is in the printer queue');
  }

  printerHealth(id: string) {
    return this.page.locator(`[data-testid="device-printer"][data-id="${id}"] [data-testid="device-printer-health"]`);
  }
}
