import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium at the floor's screen size; never a downloaded browser. */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export async function openConsole(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // tsx keeps function names with a helper the page does not have: give it one.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(url);
  await page.waitForSelector('[data-testid="scan-panel"][data-scanner="ready"]', { timeout: 60_000 });
  return page;
}

/**
 * One wedge scan timed inside the page: from the last key (Enter) dispatched to the frame after the
 * scan panel shows its next answer (a requestAnimationFrame after the DOM changed: on screen).
 */
export function scanToVerdict(page: Page, code: string): Promise<{ ms: number; tone: string }> {
  return page.evaluate(
    (text) =>
      new Promise<{ ms: number; tone: string }>((resolve, reject) => {
        const panel = document.querySelector('[data-testid="scan-panel"]')!;
        const before = panel.getAttribute('data-seq');
        let t0 = 0;
        const timer = setTimeout(() => (obs.disconnect(), reject(new Error(`no verdict for ${text} in 10 s`))), 10_000);
        const obs = new MutationObserver(() => {
          if (panel.getAttribute('data-seq') === before) return;
          obs.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve({ ms: performance.now() - t0, tone: panel.getAttribute('data-tone') ?? '' });
          });
        });
        obs.observe(panel, { attributes: true, attributeFilter: ['data-seq'] });
        const target = document.activeElement ?? document.body;
        const start = performance.now();
        [...text, 'Enter'].forEach((key, i) => {
          const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
          Object.defineProperty(down, 'timeStamp', { value: start + 2 * i });
          if (key === 'Enter') t0 = performance.now();
          target.dispatchEvent(down);
        });
      }),
    code,
  );
}

/** The floor of a verdict: an event dispatched to the frame after a trivial DOM change, no API call. */
export function keyToFrame(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const el = document.body;
        const t0 = performance.now();
        el.dispatchEvent(new CustomEvent('bench-floor', { bubbles: true }));
        el.dataset.floor = String(t0);
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }),
  );
}

/** A long list the bench scrolls: its scrolling box, its rows, and a row still loading. */
export interface ScrolledList {
  box: string;
  row: string;
  waiting: string;
  /** Where the list shows how many rows it has, when its scrollbar spans only those loaded. */
  total?: string;
}
export const PARCELS_LIST: ScrolledList = { box: '.ptable-scroll', row: '[data-testid="parcel-row"]', waiting: '.prow.waiting' };
/** Its scrollbar spans the rows loaded so far; the "All" chip counts every open exception. */
export const EXCEPTIONS_LIST: ScrolledList = {
  box: '.exc-table-wrap',
  row: '[data-testid="exception-row"]',
  waiting: '.exc-waiting',
  total: '.cause-chips .chip b',
};

/**
 * Frame intervals (ms) while a list is scrolled from top to bottom `stepPx` a frame. A list whose
 * scrollbar spans only the rows loaded so far (Exceptions) is scrolled until as many rows as it says it
 * has are drawn, or `maxFrames` pass: at its loaded end it waits for the next page, as a person's would.
 */
export function scrollFrames(
  page: Page,
  stepPx: number,
  maxFrames: number,
  list: ScrolledList = PARCELS_LIST,
): Promise<{ frames: number[]; rowsSeen: number; lastIndex: number; blanks: number }> {
  return page.evaluate(
    ([step, max, l]) =>
      new Promise((resolve) => {
        const box = document.querySelector(l.box) as HTMLElement;
        const frames: number[] = [];
        let last = performance.now();
        let blanks = 0;
        const seen = new Set<string>();
        let ticks = 0;
        // Only frames that drew a scroll step count: at a loaded end the list waits for its next page, idle.
        let moved = false;
        const tick = (t: number) => {
          if (moved) frames.push(t - last);
          last = t;
          for (const r of box.querySelectorAll(l.row)) seen.add((r as HTMLElement).dataset.index!);
          blanks += box.querySelectorAll(l.waiting).length ? 1 : 0;
          const until = l.total ? Number((document.querySelector(l.total)?.textContent ?? '0').replace(/\D/g, '')) : 0;
          const end = box.scrollTop + box.clientHeight >= box.scrollHeight - 1 && seen.size >= until;
          if (end || ++ticks >= max) {
            const rows = box.querySelectorAll<HTMLElement>('[data-index]');
            resolve({ frames: frames.slice(1), rowsSeen: seen.size, lastIndex: Number(rows[rows.length - 1]?.dataset.index ?? -1), blanks });
            return;
          }
          const before = box.scrollTop;
          box.scrollTop += step;
          moved = box.scrollTop !== before;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame((t) => ((last = t), requestAnimationFrame(tick)));
      }),
    [stepPx, maxFrames, list] as const,
  );
}

/** Frame intervals of an idle page: the display's own rate, the floor of the scroll. */
export function idleFrames(page: Page, n: number): Promise<number[]> {
  return page.evaluate(
    (count) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = 0;
        const tick = (t: number) => {
          if (last) out.push(t - last);
          last = t;
          if (out.length >= count) resolve(out);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/**
 * A search typed into Parcels, timed from the last key to the frame that shows the answer: the first
 * rows are the parcel searched for. Each key is its own input event (the value grows by one character).
 */
export function searchToRows(page: Page, query: string, expectTracking: string): Promise<number> {
  return page.evaluate(
    ([q, want]) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector('[data-testid="parcels-search"]') as HTMLInputElement;
        const box = document.querySelector('.ptable-scroll') as HTMLElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        let t0 = 0;
        const timer = setTimeout(() => (obs.disconnect(), reject(new Error(`search ${q}: no ${want} in 10 s`))), 10_000);
        const done = () => {
          const rows = box.querySelectorAll<HTMLElement>('[data-testid="parcel-row"]');
          return rows.length > 0 && [...rows].every((r) => r.dataset.tracking === want);
        };
        const obs = new MutationObserver(() => {
          if (!t0 || !done()) return;
          obs.disconnect();
          requestAnimationFrame(() => (clearTimeout(timer), resolve(performance.now() - t0)));
        });
        obs.observe(box, { childList: true, subtree: true, attributes: true });
        input.focus();
        setter.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        for (let i = 1; i <= q.length; i++) {
          setter.call(input, q.slice(0, i));
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        t0 = performance.now();
        if (done()) obs.takeRecords();
      }),
    [query, expectTracking] as const,
  );
}

/** The floor of a verdict with the API: one trivial channel call (app.info) there and back, to the next frame. */
export function apiToFrame(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    await (await fetch('/api/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
}
