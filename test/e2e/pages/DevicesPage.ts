import { expect, type Page } from '@playwright/test';

/** The Devices screen: printers, scanners and the scanner self-test, as a supervisor sees them. */
export class DevicesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Devices/ }).click();
    await expect(this.page.getByTestId('selftest')).toBeVisible();
  }

  /** A keyboard-wedge scan of `text` (see wedgeScan). */
  scan(text: string, opts: { gapMs?: number; suffix?: boolean } = {}) {
    return wedgeScan(this.page, text, opts);
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

/**
 * A keyboard-wedge scanner typing `text`: one trusted keydown per character, `gapMs` apart by the
 * event's own timestamp (as the OS stamps a scanner's keys), then Enter. Sent through the
 * DevTools protocol so a character of another layout (ß, é) arrives as a keydown with that key,
 * exactly as a scanner on such a PC delivers it. GS is Ctrl+].
 */
export async function wedgeScan(page: Page, text: string, opts: { gapMs?: number; suffix?: boolean } = {}) {
  const cdp = await page.context().newCDPSession(page);
  // Stamp the keys on the page's own clock (a little ahead: they reach it a few ms later), so the
  // pick screen's idle timer measures the same time line as the key gaps.
  let t = (await page.evaluate(() => performance.timeOrigin + performance.now() + 20)) / 1000;
  const events: Array<Record<string, unknown>> = [];
  const key = (k: string, extra: Record<string, unknown> = {}) => {
    events.push({ type: 'keyDown', key: k, timestamp: t, ...extra }, { type: 'keyUp', key: k, timestamp: t, ...extra });
    t += (opts.gapMs ?? 3) / 1000;
  };
  for (const ch of text) {
    if (ch === '\u001d') key(']', { modifiers: 2, code: 'BracketRight', windowsVirtualKeyCode: 221 });
    else key(ch, { text: ch });
  }
  if (opts.suffix !== false) key('Enter', { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  // Sent together (in order) so the page gets them back to back, like a scanner's burst.
  await Promise.all(events.map((e) => cdp.send('Input.dispatchKeyEvent', e as never)));
  await cdp.detach();
}
