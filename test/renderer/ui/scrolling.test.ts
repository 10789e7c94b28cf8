import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../../renderer/src/ui/scrolling');
}
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("a long list's pushed changes wait for its scrolling to stop", () => {
  it('go at once when the list is still', async () => {
    const { afterScrolling } = await fresh();
    const t0 = performance.now();
    await afterScrolling();
    expect(performance.now() - t0).toBeLessThan(20);
  });

  it('wait until the scrolling has paused a moment, however long it went on', async () => {
    const { afterScrolling, noteScroll } = await fresh();
    const t0 = performance.now();
    let settledAt = 0;
    noteScroll();
    const settled = afterScrolling().then(() => (settledAt = performance.now() - t0));
    // A fling: a scroll event every frame for 400 ms.
    while (performance.now() - t0 < 400) {
      noteScroll();
      await sleep(16);
    }
    expect(settledAt).toBe(0);
    await settled;
    expect(settledAt).toBeGreaterThanOrEqual(400 + 100);
    expect(settledAt).toBeLessThan(400 + 400);
  });

  it('show anyway after 5 s of scrolling without a pause', async () => {
    const { afterScrolling, noteScroll } = await fresh();
    const t0 = performance.now();
    noteScroll();
    const timer = setInterval(noteScroll, 16);
    try {
      await afterScrolling();
    } finally {
      clearInterval(timer);
    }
    expect(performance.now() - t0).toBeGreaterThanOrEqual(4900);
    expect(performance.now() - t0).toBeLessThan(5600);
  });
});
