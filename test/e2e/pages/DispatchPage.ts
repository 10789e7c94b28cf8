import { expect, type Page } from '@playwright/test';
import { scanWedge } from './wedge';

/** The dispatch screen as a dispatch lead sees it. */
export class DispatchPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Dispatch/ }).click();
    await expect(this.page.getByTestId('discrepancies')).toBeVisible();
  }

  line(lineId: string) {
    return this.page.locator(`[data-testid="dispatch-line"][data-line="${lineId}"]`);
  }

  async openManifest(lineId: string) {
    await this.line(lineId).getByTestId('open-manifest').click();
    await expect(this.panel()).toHaveAttribute('data-status', 'open');
  }

  async select(lineId: string) {
    await this.line(lineId).getByTestId('manifest-button').first().click();
  }

  panel() {
    return this.page.getByTestId('manifest-panel');
  }

  /**
   * A keyboard-wedge scanner: the characters and Enter as one burst of key events in the page (a
   * real scanner's burst is not slowed by the test driver's per-key round trips, which on a busy
   * machine split a code in two).
   */
  async scan(code: string) {
    await scanWedge(this.page, code);
  }

  verdict() {
    return this.page.getByTestId('scan-panel');
  }

  async expectVerdict(code: string, text?: string) {
    await expect(this.verdict()).toHaveAttribute('data-code', code);
    if (text) await expect(this.verdict()).toContainText(text);
  }

  async parcels(): Promise<number> {
    return Number(await this.page.getByTestId('manifest-parcels').textContent());
  }

  lastSound() {
    return this.page.evaluate(() => document.body.dataset.lastSound);
  }

  discrepancies() {
    return this.page.getByTestId('discrepancy');
  }

  /** Call a channel with the page's own session (the token cookie), as the screen does. */
  call<T>(channel: string, input: unknown): Promise<T> {
    return this.page.evaluate(
      async ([c, i]) => {
        const r = await fetch(`/api/${c}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(i),
          credentials: 'same-origin',
        });
        const body = await r.json();
        if (!r.ok) throw new Error(`${c}: ${JSON.stringify(body)}`);
        return body;
      },
      [channel, input] as const,
    ) as Promise<T>;
  }
}
