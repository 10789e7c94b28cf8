import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createAdminApiClient } from '@shopify/admin-api-client';
import { describe, expect, it } from 'vitest';
import { loopbackFetch } from '../../../../electron/capabilities/shopify/runtime';
import { cliArgs } from '../../../support/bundle';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

describe('npm run cli -- shopify emulate', () => {
  it('prints a shop URL and an access token that any Shopify client can use', { timeout: 60_000 }, async () => {
    const p = spawn(process.execPath, cliArgs(['shopify', 'emulate', '--port', '0', '--plan', 'advanced', '--orders', '3']), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        p.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (/access token: \S+/.test(out)) resolve();
        });
        p.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const url = /shop URL:\s+(\S+)/.exec(out)![1];
      const token = /access token: (\S+)/.exec(out)![1];
      const domain = /shop domain (\S+)\)/.exec(out)![1];
      const client = createAdminApiClient({
        storeDomain: domain,
        apiVersion: '2026-07',
        accessToken: token,
        customFetchApi: loopbackFetch(url),
        logger: () => {},
      });
      const r = await client.request('{ shop { plan { displayName } } fulfillmentOrders(first: 10) { nodes { id } } }');
      expect(r.data.shop.plan.displayName).toBe('Advanced');
      expect(r.data.fulfillmentOrders.nodes.length).toBeGreaterThanOrEqual(3);
      expect(r.extensions?.cost?.throttleStatus?.restoreRate).toBe(200);
    } finally {
      p.kill('SIGTERM');
    }
  });
});
