import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startSiteServer, type SiteServer } from '../../../../../electron/capabilities/site/server';
import { fingerprintOfPem } from '../../../../../electron/capabilities/site/server/cert';
import { decodeJoinCode } from '../../../../../db/site/server/join-code';
import { connectSite, joinSite } from '../../../../../db/site/server/join';
import { endpointOf, poolConfig } from '../../../../../db/site/server/connect';
import { freePort } from '../../../../support/pg';
import { wires } from '../../../../db/site/server/events';

const dirs: string[] = [];
const running: SiteServer[] = [];
afterAll(async () => {
  for (const s of running) await s.stop().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'firstscan-site-'));
  dirs.push(d);
  return d;
}

async function start(dir: string, port: number, host = '127.0.0.1') {
  const s = await startSiteServer({ dir, port, host });
  running.push(s);
  return s;
}

const lan = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('site server (embedded PostgreSQL)', () => {
  it('serves TLS with a self-signed certificate that stations pin by fingerprint, and keeps its site over a restart', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const port = await freePort();
    const server = await start(dir, port);
    expect(server.created).toBe(true);
    const code = decodeJoinCode(server.joinCode);
    expect(code).toMatchObject({ host: '127.0.0.1', port, database: 'firstscan', siteId: server.siteId });
    expect(code.tlsFingerprint).toBe(fingerprintOfPem(readFileSync(join(dir, 'pg', 'server.crt'), 'utf8')));
    expect(server.url).toBe(`postgres://127.0.0.1:${port}/firstscan`);
    expect(statSync(join(dir, 'pg', 'server.key')).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'site-admin.json')).mode & 0o077).toBe(0);

    const creds = await joinSite(server.joinCode, 'st-tls-1', 'Pick 1');
    expect(creds.tlsFingerprint).toBe(code.tlsFingerprint);
    const raw = new pg.Client(await poolConfig(endpointOf(creds)));
    await raw.connect();
    const ssl = await raw.query('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    await raw.end();
    expect(ssl.rows[0].ssl).toBe(true);

    const a = await connectSite(creds);
    await a.push(wires('st-tls-1', 1, 10));
    await a.close();

    // a server presenting another certificate is refused before any password is sent
    await expect(connectSite({ ...creds, tlsFingerprint: '0'.repeat(64) })).rejects.toThrow(/different certificate/);
    // a station's role may not reach other databases of the cluster
    const other = new pg.Client({ ...(await poolConfig(endpointOf(creds))), database: 'postgres' });
    await expect(other.connect()).rejects.toThrow(/no pg_hba.conf entry/);

    await server.stop();
    running.splice(running.indexOf(server), 1);
    const again = await start(dir, port);
    expect(again.created).toBe(false);
    expect(again.siteId).toBe(server.siteId);
    expect(again.joinCode).toBe(server.joinCode);
    const b = await connectSite(await joinSite(again.joinCode, 'st-tls-2', 'Pick 2'));
    const a2 = await connectSite(creds); // credentials from before the restart still work
    expect((await b.pull(0, 100)).events.map((e) => e.id)).toEqual(wires('st-tls-1', 1, 10).map((e) => e.id));
    expect(await a2.pushedUpTo()).toBe(10);
    await a2.close();
    await b.close();
  });

  it.skipIf(!lan)('from another machine only TLS is accepted', { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const port = await freePort();
    const server = await start(dir, port, '0.0.0.0');
    const code = decodeJoinCode(server.joinCode);
    expect(code.host).toBe(lan);
    const creds = await joinSite(server.joinCode, 'st-lan-1', 'Pick LAN');
    const plain = new pg.Client({ ...endpointOf(creds), ssl: false });
    await expect(plain.connect()).rejects.toThrow(/no pg_hba.conf entry.*no encryption/);
    const admin = new pg.Client({
      host: lan,
      port,
      user: 'postgres',
      password: JSON.parse(readFileSync(join(dir, 'site-admin.json'), 'utf8')).password,
      database: 'firstscan',
      ssl: { rejectUnauthorized: false },
    });
    await expect(admin.connect()).rejects.toThrow(/rejects connection|no pg_hba.conf entry/);
    const link = await connectSite(creds);
    expect(link.station).toBe('st-lan-1');
    await link.close();
  });

  it('runs without TLS when told to, and the join code says so', { timeout: 90_000 }, async () => {
    const server = await startSiteServer({ dir: tempDir(), port: await freePort(), host: '127.0.0.1', openssl: null });
    running.push(server);
    expect(server.tlsFingerprint).toBeNull();
    expect(decodeJoinCode(server.joinCode).tlsFingerprint).toBeNull();
    const link = await connectSite(await joinSite(server.joinCode, 'st-plain-1', 'Pick'));
    expect(await link.push(wires('st-plain-1', 1, 3))).toBe(3);
    await link.close();
  });
});
