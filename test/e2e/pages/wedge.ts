import type { Page } from '@playwright/test';

/**
 * A keyboard-wedge scanner: the code's keys then Enter, 2 ms apart, as trusted-looking key events on
 * whatever has focus. Dispatched inside the page with their timestamps set, so a busy test machine
 * cannot stretch the gaps between keys the way CDP round trips do (a real scanner's keys carry the
 * operating system's timestamps).
 */
export async function scanWedge(page: Page, code: string, gapMs = 2): Promise<void> {
  await page.evaluate(
    ([text, gap]) => {
      const target = document.activeElement ?? document.body;
      const t0 = performance.now();
      [...text, 'Enter'].forEach((key, i) => {
        const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
        Object.defineProperty(down, 'timeStamp', { value: t0 + gap * i });
        target.dispatchEvent(down);
      });
    },
    [code, gapMs] as const,
  );
}

/**
 * Several scans back to back in one go, as a picker racing down a tote: each code's keys then Enter,
 * `gapMs` apart, the next code `betweenMs` after the previous Enter. None waits for an answer.
 */
export async function scanWedgeBursts(page: Page, codes: string[], gapMs = 2, betweenMs = 30): Promise<void> {
  await page.evaluate(
    ([list, gap, between]) => {
      const target = document.activeElement ?? document.body;
      let t = performance.now();
      for (const text of list) {
        for (const key of [...text, 'Enter']) {
          const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
          Object.defineProperty(down, 'timeStamp', { value: t });
          target.dispatchEvent(down);
          t += gap;
        }
        t += between;
      }
    },
    [codes, gapMs, betweenMs] as const,
  );
}
