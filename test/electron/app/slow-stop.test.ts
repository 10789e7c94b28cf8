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
    expect(said.filter((m) => m.startsWith('Stopping the console'))).toEqual([
      'Stopping the console: still waiting for carrier poll after 2000 ms.',
      expect.stringMatching(/^Stopping the console waited 2[6-9]\d\d ms for carrier poll\.$/),
    ]);
  });

  it('says nothing when every step is quick', async () => {
    const said: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void said.push(String(m)));
    const app = await createApp({ dataDir: tempDir(), mode: 'headless', runJobs: false, demoOrders: 0 });
    await app.close();
    expect(said.filter((m) => m.startsWith('Stopping the console'))).toEqual([]);
  });
});
