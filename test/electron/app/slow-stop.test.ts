import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../electron/app/create';
import { capabilities } from '../../../electron/app/capabilities';
import { tempDir } from '../../support/app';

afterEach(() => vi.restoreAllMocks());

describe('a console slow to stop', () => {
  it('says which step it is still waiting for, then how long that step took', async () => {
    const said: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void said.push(String(m)));
    const slow = { name: 'carrier poll', handlers: () => ({}), start: () => () => new Promise<void>((r) => setTimeout(r, 2600)) };
    const app = await createApp({ dataDir: tempDir(), mode: 'headless', runJobs: false, demoOrders: 0, capabilities: [...capabilities, slow] });
    await app.close();
    const lines = said.filter((m) => m.startsWith('Stopping the console'));
    expect(lines).toEqual([
      'Stopping the console: still waiting for carrier poll after 2000 ms.',
      expect.stringMatching(/^Stopping the console waited \d+ ms for carrier poll\.$/),
    ]);
    // The step's own 2.6 s (a timer may fire a millisecond early by the wall clock).
    const waited = Number(/waited (\d+) ms/.exec(lines[1])![1]);
    expect(waited).toBeGreaterThanOrEqual(2500);
    expect(waited).toBeLessThan(5000);
  });

  it('says nothing when every step is quick', async () => {
    const said: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void said.push(String(m)));
    const app = await createApp({ dataDir: tempDir(), mode: 'headless', runJobs: false, demoOrders: 0 });
    await app.close();
    expect(said.filter((m) => m.startsWith('Stopping the console'))).toEqual([]);
  });
});
