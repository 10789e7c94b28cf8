import { describe, expect, it, vi } from 'vitest';

// The module keeps when the last request came: a fresh copy for each case.
async function fresh() {
  vi.resetModules();
  return import('../../../electron/core/give-back');
}

/** Which comes first: the step after giveBack(), or a timer set for `ms` at the same time. */
async function firstOf(giveBack: () => Promise<void>, ms: number): Promise<'step' | 'timer'> {
  return Promise.race([giveBack().then(() => 'step' as const), new Promise<'timer'>((ok) => setTimeout(() => ok('timer'), ms))]);
}

describe('background work stands back for the floor', () => {
  it('runs its next step at once when nobody is asking the station anything', async () => {
    const { giveBack } = await fresh();
    expect(await firstOf(giveBack, 5)).toBe('step');
  });

  it('waits a while after a request, and longer after a scan', async () => {
    const g = await fresh();
    g.noteRequest(false);
    expect(await firstOf(g.giveBack, g.STAND_BACK_MS - 15)).toBe('timer');
    const t0 = performance.now();
    await g.giveBack();
    // The wait is counted from the request: what is left of it, not a whole one again.
    expect(performance.now() - t0).toBeLessThan(g.STAND_BACK_MS);

    g.noteRequest(true);
    g.noteRequest(false); // a screen's reload right after the scan does not shorten the scan's wait
    expect(await firstOf(g.giveBack, g.STAND_BACK_AFTER_SCAN_MS - 30)).toBe('timer');
  });

  it('still moves on while requests keep coming: one step at most every STAND_BACK_AFTER_SCAN_MS', async () => {
    const g = await fresh();
    const t0 = performance.now();
    let steps = 0;
    g.noteRequest(true);
    const asking = setInterval(() => g.noteRequest(true), 10);
    try {
      while (performance.now() - t0 < 700) {
        await g.giveBack();
        steps++;
      }
    } finally {
      clearInterval(asking);
    }
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(steps).toBeLessThanOrEqual(6);
  });
});
