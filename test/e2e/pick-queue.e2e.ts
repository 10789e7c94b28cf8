import { test, expect } from './console';
import { PickPage } from './pages/PickPage';
import { scanWedgeBursts } from './pages/wedge';

type Answer = { seq: number; tone: string; title: string; sound: string; sounds: number };

test('scans that arrive while one is in flight are queued and each gets its own verdict and sound, in order', async ({ page, console: app }) => {
  const pick = new PickPage(page);
  await pick.open(app.url);
  await expect(pick.panel()).toHaveAttribute('data-scanner', 'ready');

  // Every answer the panel shows, as it shows it: its number, tone, title and the sound played with it.
  await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="scan-panel"]')!;
    const log: Answer[] = [];
    (window as unknown as { answers: Answer[] }).answers = log;
    new MutationObserver(() => {
      const seq = Number(panel.getAttribute('data-seq'));
      if (log.length && log[log.length - 1].seq === seq) return;
      log.push({
        seq,
        tone: panel.getAttribute('data-tone') ?? '',
        title: panel.querySelector('[data-testid="verdict-title"]')?.textContent ?? '',
        sound: document.body.dataset.lastSound ?? '',
        sounds: Number(document.body.dataset.sounds ?? 0),
      });
    }).observe(panel, { attributes: true, attributeFilter: ['data-seq'] });
  });

  const codes = ['#1001', '#1002', 'NOT-AN-ORDER-7', '#1003', '#1001', '#1004', '#1005', '#1006'];
  await scanWedgeBursts(page, codes);
  await expect.poll(() => pick.answers(), { timeout: 20_000 }).toBe(codes.length);
  const answers = await page.evaluate(() => (window as unknown as { answers: Answer[] }).answers);

  expect(answers.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(answers.map((a) => a.tone)).toEqual(['pass', 'pass', 'fail', 'pass', 'attention', 'pass', 'pass', 'pass']);
  expect(answers.map((a) => a.sound)).toEqual(answers.map((a) => a.tone));
  expect(answers.map((a) => a.sounds)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(answers[2].title).toMatch(/NOT-AN-ORDER-7|not|found/i);
  // The rescan of #1001 reprints the number its first scan issued: the answers are in scan order.
  expect(answers[4].title).toBe(`Reprint ${answers[0].title}`);
  const issued = [0, 1, 3, 5, 6, 7].map((i) => answers[i].title);
  expect(new Set(issued).size).toBe(6);

  // Every order scanned was picked once, in the order scanned.
  await expect.poll(() => pick.picked()).toBe(6);
  const list = await page.evaluate(
    async () =>
      (await (
        await fetch('/api/parcels.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ limit: 10 }) })
      ).json()) as { rows: Array<{ orderName: string; trackingNumber: string }> },
  );
  const byOrder = Object.fromEntries(list.rows.map((r) => [r.orderName, r.trackingNumber]));
  expect([byOrder['#1001'], byOrder['#1002'], byOrder['#1003'], byOrder['#1004'], byOrder['#1005'], byOrder['#1006']]).toEqual(issued);
  await page.screenshot({ path: 'test-results/pick-queue.png' });
});

type Call = { channel: string; at: number };

test("the screen's reloads wait until the scan's verdict is drawn, and the counters and the last label still catch up", async ({ page, console: app }) => {
  // Every API call the page starts and when, and when each answer reached the panel (page clock).
  await page.addInitScript(() => {
    const calls: Call[] = [];
    const w = window as unknown as { calls: Call[]; verdictAt: number[] };
    w.calls = calls;
    w.verdictAt = [];
    const fetch0 = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/')) calls.push({ channel: url.split('/api/')[1], at: performance.now() });
      return fetch0(input, init);
    };
    document.addEventListener('DOMContentLoaded', () =>
      new MutationObserver((records) => {
        if (records.some((r) => r.attributeName === 'data-seq')) w.verdictAt.push(performance.now());
      }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-seq'] }),
    );
  });
  const pick = new PickPage(page);
  await pick.open(app.url);
  await expect(pick.panel()).toHaveAttribute('data-scanner', 'ready');
  await expect(page.getByTestId('count-picked')).toHaveText('0');

  for (const [i, code] of ['#1001', '#1002', '#1003'].entries()) {
    await page.evaluate(() => ((window as unknown as { calls: Call[] }).calls.length = 0));
    await pick.answerTo(() => pick.scan(code));
    // The counters and the last parcel catch up: picked today, then its label printed.
    await expect(page.getByTestId('count-picked')).toHaveText(String(i + 1));
    await expect(page.getByTestId('last-label')).toHaveAttribute('data-printed', 'yes', { timeout: 20_000 });
    const { calls, verdictAt } = await page.evaluate(() => {
      const w = window as unknown as { calls: Call[]; verdictAt: number[] };
      return { calls: w.calls, verdictAt: w.verdictAt };
    });
    const scanAt = calls.find((c) => c.channel === 'pick.scan')!.at;
    const shown = verdictAt.find((t) => t > scanAt)!;
    const reloads = calls.filter((c) => c.channel !== 'pick.scan');
    // Nothing else went out between the scan and its verdict on screen.
    expect(reloads.filter((c) => c.at < shown).map((c) => c.channel)).toEqual([]);
    expect(reloads.map((c) => c.channel)).toContain('pick.stats');
    // The last parcel is the counters' own: no call of its own for a parcel just picked.
    expect(reloads.map((c) => c.channel)).not.toContain('parcels.get');
  }
  await expect(page.getByTestId('last-tracking')).toHaveText((await pick.title().textContent())!.trim());
});

test('a run of scans draws one label preview, the last parcel’s, once the scanner pauses', async ({ page, console: app }) => {
  await page.addInitScript(() => {
    const calls: Call[] = [];
    (window as unknown as { calls: Call[] }).calls = calls;
    const fetch0 = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/')) calls.push({ channel: url.split('/api/')[1], at: performance.now() });
      return fetch0(input, init);
    };
  });
  const pick = new PickPage(page);
  await pick.open(app.url);
  await expect(pick.panel()).toHaveAttribute('data-scanner', 'ready');
  // A picker going down a tote at the scanner's full speed.
  await scanWedgeBursts(page, ['#1001', '#1002', '#1003', '#1004', '#1005']);
  await expect.poll(() => pick.answers(), { timeout: 20_000 }).toBe(5);
  const last = (await pick.title().textContent())!.trim();
  await pick.waitForLabel(last);
  const calls = await page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
  const previews = calls.filter((c) => c.channel === 'labels.preview');
  const lastScan = calls.filter((c) => c.channel === 'pick.scan').at(-1)!;
  expect(previews).toHaveLength(1);
  expect(previews[0].at - lastScan.at).toBeGreaterThanOrEqual(600);
  await expect(page.getByTestId('label-preview')).toHaveAttribute('data-tracking', last);
});
