import pg from 'pg';
import { initSite, serverMajorVersion } from '../../../../db/site/server/admin';
import { encodeJoinCode } from '../../../../db/site/server/join-code';
import { probeServerCertificate } from '../../../../db/site/server/tls';

/**
 * Make a database on a PostgreSQL the site already runs (14 or newer) into a Firstscan site, and return the
 * join code. The connection string's role must own the database and be allowed to create roles. Use a
 * database of its own: connecting to it is taken away from everyone but the site's roles.
 */
export async function initExistingSite(connectionString: string, opts: { advertiseHost?: string } = {}): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const major = await serverMajorVersion(client);
    if (major < 14) throw new Error(`This PostgreSQL is version ${major}; site mode needs 14 or newer`);
    const secrets = await initSite(client);
    // The server's certificate is pinned as this machine sees it now (trust on first use).
    const cert = await probeServerCertificate(client.host, client.port);
    return encodeJoinCode({
      siteId: secrets.siteId,
      host: opts.advertiseHost ?? client.host,
      port: client.port,
      database: secrets.database,
      role: secrets.joinRole,
      secret: secrets.joinSecret,
      tlsFingerprint: cert?.fingerprint ?? null,
    });
  } finally {
    await client.end();
  }
}
