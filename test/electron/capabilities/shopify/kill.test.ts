import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { api, tempDir } from '../../../support/app';
import { createApp } from '../../../../electron/app/create';
import { startShopifyEmulator } from '../../../../electron/capabilities/shopify/emulator';
import { secretsDirFor } from '../../../../electron/capabilities/shopify/secrets';
import { fulfillmentsByNumber, shopApp, waitFor } from './helpers';
import { nodeArgs } from '../../../support/bundle';

const child = fileURLToPath(new URL('./drain-child.ts', import.meta.url));

describe('the console killed (SIGKILL) mid-drain', () => {
  it('restarts with 0 duplicate fulfillments and 0 lost', { timeout: 300_000 }, async () => {
    const dir = tempDir('fs-kill-');
    const emu = await startShopifyEmulator({ plan: 'plus', orders: 300, seed: 5 });
    try {
      const { app } = await shopApp({ orders: 300, emu, runJobs: false, dataDir: dir });
      const numbers: string[] = [];
      for (let i = 0; i < 300; i++) {
        const r = await api(app, 'pick.scan', { code: `#${1001 + i}` });
        if (r.outcome === 'issued') numbers.push(r.parcel.trackingNumber);
      }
      await app.close();
      expect(numbers).toHaveLength(300);

      // Slow answers: Shopify has applied the change but the console has not heard back yet.
      emu.setFaults(0.5, ['slow']);
      const p = spawn(process.execPath, nodeArgs(child, [dir]), { stdio: ['ignore', 'pipe', 'inherit'] });
      await waitFor(() => emu.state.fulfillments.size >= 100, 'the child to drain a third', 120_000);
      p.kill('SIGKILL');
      await new Promise((r) => p.once('exit', r));
      const appliedAtKill = emu.state.fulfillments.size;

      emu.setFaults(0);
      const again = await createApp({ dataDir: dir, mode: 'headless' });
      try {
        const recordedAtRestart = (await api(again, 'shopify.status', {})).counts.synced ?? 0;
        // The kill really left changes applied in Shopify that the console had not recorded.
        expect(appliedAtKill).toBeGreaterThan(recordedAtRestart);
        await waitFor(() => again.store.read.jobs.depth('shopify.').queued === 0, 'drain after restart', 200_000);
        const by = fulfillmentsByNumber(emu);
        expect(numbers.filter((n) => by.get(n) !== 1)).toEqual([]);
        expect(emu.state.fulfillments.size).toBe(300);
        const s = await api(again, 'shopify.status', {});
        expect(s.counts).toEqual({ synced: 300 });
        expect(s.recent.length).toBeGreaterThan(0);
      } finally {
        await again.close();
      }
    } finally {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(secretsDirFor(dir), { recursive: true, force: true });
    }
  });
});
