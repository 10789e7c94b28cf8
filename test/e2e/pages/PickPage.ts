import { expect, type Page } from '@playwright/test';
import { scanWedge } from './wedge';

/** The pick station as a picker sees it. */
export class PickPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.page.getByText('Scan an order or an item')).toBeVisible();
  }

  /** A keyboard-wedge scanner, once the screen listens (it does when the station's scanner settings are in). */
  async scan(code: string) {
    await expect(this.panel()).toHaveAttribute('data-scanner', 'ready');
    await scanWedge(this.page, code);
  }

  /** A person typing the order number into the field, at human speed. */
  async typeOrder(name: string) {
    await this.page.getByTestId('manual-code').click();
    await this.page.keyboard.type(name, { delay: 90 });
    await this.page.keyboard.press('Enter');
  }

  /** The picker looks up: the label of this parcel is shown before the next scan. */
  async waitForLabel(tracking: string) {
    await expect(this.page.locator(`[data-testid="label-preview"][data-tracking="${tracking}"]`)).toBeVisible({ timeout: 20_000 });
  }

  panel() {
    return this.page.getByTestId('scan-panel');
  }

  async expectTone(tone: 'pass' | 'fail' | 'attention' | 'held') {
    await expect(this.panel()).toHaveAttribute('data-tone', tone);
  }

  title() {
    return this.page.getByTestId('verdict-title');
  }

  /** How many answers the scan panel has shown since the screen opened. */
  async answers(): Promise<number> {
    return Number((await this.panel().getAttribute('data-seq')) ?? 0);
  }

  /**
   * Do `act` (a scan, a typed order, a touch) and wait for the panel's next answer, not the one
   * already on screen (two answers can have the same tone, or even the same words); returns its title.
   */
  async answerTo(act: () => Promise<unknown>): Promise<string> {
    const before = await this.answers();
    await act();
    await expect.poll(() => this.answers(), { timeout: 20_000 }).toBeGreaterThan(before);
    return (await this.title().textContent())!.trim();
  }

  next() {
    return this.page.getByTestId('verdict-next');
  }

  async picked(): Promise<number> {
    return Number(await this.page.getByTestId('count-picked').textContent());
  }

  lastSound() {
    return this.page.evaluate(() => document.body.dataset.lastSound);
  }
}
