import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSiteServer } from '../../../../../electron/capabilities/site/server';
import { initExistingSite } from '../../../../../electron/capabilities/site/server/existing';
import { decodeJoinCode } from '../../../../../db/site/server/join-code';
import { connectSite, joinSite } from '../../../../../db/site/server/join';
import { freePort, usePg } from '../../../../support/pg';

const cluster = usePg();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('site init on an existing PostgreSQL', () => {
  it('is idempotent: the same site, role and secret on a second run', async () => {
    const admin = await cluster().admin();
    await admin.query('CREATE DATABASE warehouse_site');
    const url = cluster().adminUrl('warehouse_site');
    const first = decodeJoinCode(await initExistingSite(url));
    const second = decodeJoinCode(await initExistingSite(url, { advertiseHost: 'site-db.local' }));
    expect(second).toEqual({ ...first, host: 'site-db.local' });
    expect(first).toMatchObject({ host: '127.0.0.1', port: cluster().port, database: 'warehouse_site', tlsFingerprint: null });
    const link = await connectSite(await joinSite(await initExistingSite(url), 'st-ex-1', 'Pick 1'));
    expect(link.station).toBe('st-ex-1');
    await link.close();
  });

  it('pins the certificate the server presents when it has TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firstscan-site-ex-'));
    dirs.push(dir);
    const port = await freePort();
    const server = await startSiteServer({ dir, port, host: '127.0.0.1' });
    try {
      const { password } = JSON.parse(readFileSync(join(dir, 'site-admin.json'), 'utf8')) as { password: string };
      const code = decodeJoinCode(await initExistingSite(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/firstscan`));
      expect(code).toEqual(decodeJoinCode(server.joinCode));
      expect(code.tlsFingerprint).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
