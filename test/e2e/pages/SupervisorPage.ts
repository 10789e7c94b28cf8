import { expect, type Page } from '@playwright/test';

/** The supervisor screen: this week, each line's calendar, the what-if. */
export class SupervisorPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^Supervisor/ }).click();
    await expect(this.page.getByTestId('cutoff-week')).toBeVisible();
  }

  async calendars(lineName: string) {
    await this.page.getByTestId('sup-calendar').click();
    await this.page.getByTestId('cal-line').selectOption({ label: lineName });
    await expect(this.page.getByTestId('cal-history')).toContainText('v1');
  }

  async previewThursdayShift() {
    await this.page.getByTestId('rule-thursday').check();
    await this.page.getByTestId('cal-preview').click();
    await expect(this.page.getByTestId('whatif-chart')).toBeVisible();
  }

  /** [days, before, after] per bar of the chart. */
  async chartBins(): Promise<Array<[number, number, number]>> {
    return JSON.parse((await this.page.getByTestId('whatif-chart').getAttribute('data-bins'))!);
  }

  async save(reason: string) {
    await this.page.getByTestId('cal-reason').fill(reason);
    await this.page.getByTestId('cal-save').click();
    await expect(this.page.getByTestId('cal-notice')).toContainText('Saved as version');
  }

  nextCutoff(lineId: string) {
    return this.page.locator(`[data-testid="week-line"][data-line="${lineId}"] [data-testid="next-cutoff"]`);
  }

  /** Move the console's test clock (started with --test-clock). */
  async setClock(at: string) {
    const r = await this.page.evaluate(async (iso) => {
      const res = await fetch('/api/clock.set', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at: iso, running: true }),
        credentials: 'same-origin',
      });
      return res.status;
    }, at);
    expect(r).toBe(200);
  }
}
