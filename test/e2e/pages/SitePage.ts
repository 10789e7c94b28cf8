import { expect, type Page } from '@playwright/test';

/** The Site screen (F10) as a supervisor sees it. */
export class SitePage {
  constructor(readonly page: Page) {}

  /** Open it the floor way: the F10 key, wherever the focus is. */
  async open() {
    await this.page.keyboard.press('F10');
    await expect(this.page.getByTestId('site')).toBeVisible();
  }

  single() {
    return this.page.getByTestId('site-single');
  }

  link() {
    return this.page.getByTestId('site-link');
  }

  station(id: string) {
    return this.page.locator(`[data-testid="site-station-row"][data-station="${id}"]`);
  }

  conflicts() {
    return this.page.getByTestId('site-conflict-row');
  }

  selected() {
    return this.page.locator('[data-testid="site-conflict-row"][aria-selected="true"]');
  }

  /** Arrow keys on the list, then Enter jumps to "What was done". */
  async choose(steps: number) {
    await this.page.getByTestId('site-conflict-list').focus();
    for (let i = 0; i < steps; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('site-resolution')).toBeFocused();
  }

  /** Type what was done and a note, Enter to settle. */
  async settle(resolution: string, note = '') {
    // A person types: a burst at scanner speed on a screen that is not scanning is a badge, not words.
    await this.page.keyboard.type(resolution, { delay: 90 });
    if (note) {
      await this.page.getByTestId('site-note').fill(note);
      await this.page.getByTestId('site-note').press('Enter');
    } else await this.page.keyboard.press('Enter');
  }
}
