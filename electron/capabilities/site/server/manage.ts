import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { revokeStation, rotateJoinSecret, type SiteSecrets } from '../../../../db/site/server/admin';
import { decodeJoinCode, encodeJoinCode } from '../../../../db/site/server/join-code';
import { probeServerCertificate } from '../../../../db/site/server/tls';
import { SITE_DATABASE } from './server';

export interface AdminTarget {
  /** The embedded server's directory (`site server --dir`): its admin password is there; it must be running. */
  dir?: string;
  port?: number;
  /** Or the admin connection string of a site made with `site init --url`. */
  url?: string;
  /** The address stations reach the server at (default: as before, from --url, or 127.0.0.1). */
  advertise?: string;
}

async function adminClient(t: AdminTarget): Promise<pg.Client> {
  if (t.url) return new pg.Client({ connectionString: t.url });
  if (!t.dir) throw new Error('Say which site: --dir <site server dir> [--port <n>] (the server must be running), or --url postgres://admin@host/db');
  const { password } = JSON.parse(readFileSync(join(t.dir, 'site-admin.json'), 'utf8')) as { password: string };
  return new pg.Client({ host: '127.0.0.1', port: t.port ?? 5433, user: 'postgres', password, database: SITE_DATABASE });
}

async function codeFor(client: pg.Client, s: SiteSecrets, t: AdminTarget): Promise<string> {
  const cert = await probeServerCertificate(client.host, client.port);
  return encodeJoinCode({
    siteId: s.siteId,
    host: t.advertise ?? (t.url ? client.host : '127.0.0.1'),
    port: client.port,
    database: s.database,
    role: s.joinRole,
    secret: s.joinSecret,
    tlsFingerprint: cert?.fingerprint ?? null,
  });
}

async function withAdmin<T>(t: AdminTarget, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = await adminClient(t);
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot reach the site server as its admin (${(err as Error).message}). Is it running${t.dir ? ` (site server --dir ${t.dir})` : ''}?`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `site rotate-join`: a new join code; the old one no longer joins anything. */
export function rotateJoinCode(t: AdminTarget): Promise<string> {
  return withAdmin(t, async (c) => codeFor(c, await rotateJoinSecret(c), t));
}

/** `site revoke <station>`: that station can no longer connect, push or pull; the join code is rotated. */
export function revokeSiteStation(t: AdminTarget, who: string): Promise<{ station: string; name: string; joinCode: string }> {
  return withAdmin(t, async (c) => {
    const r = await revokeStation(c, who);
    return { station: r.station, name: r.name, joinCode: await codeFor(c, r.secrets, t) };
  });
}

export { decodeJoinCode };
