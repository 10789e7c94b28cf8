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
