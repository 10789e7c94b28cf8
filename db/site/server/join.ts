import { randomBytes } from 'node:crypto';
import type { StationCredentials, SiteLink } from './types';
import { decodeJoinCode } from './join-code';
import { endpointOf, openPool, poolConfig, type ConnectOptions } from './connect';
import { PgSiteLink } from './link';

/**
 * Join this station to the site named by a join code: the join role (which can do nothing else) creates the
 * station's own login role with a fresh password. The credentials are checked by connecting with them.
 */
export async function joinSite(code: string, stationId: string, stationName: string): Promise<StationCredentials> {
  const j = decodeJoinCode(code);
  const pool = openPool(
    await poolConfig({ host: j.host, port: j.port, database: j.database, user: j.role, password: j.secret, tlsFingerprint: j.tlsFingerprint }, { max: 1 }),
  );
  const password = randomBytes(32).toString('base64url');
  let user: string;
  try {
    const r = await pool.query<{ station_role: string; site_id: string }>('SELECT * FROM firstscan.site_join($1, $2, $3)', [stationId, stationName, password]);
    if (r.rows[0].site_id !== j.siteId)
      throw new Error(`The server at ${j.host}:${j.port} belongs to another site than this join code: ask the site admin for its current code`);
    user = r.rows[0].station_role;
  } catch (err) {
    throw explain(err, j.host, j.port);
  } finally {
    await pool.end();
  }
  const creds: StationCredentials = { siteId: j.siteId, host: j.host, port: j.port, database: j.database, user, password, tlsFingerprint: j.tlsFingerprint };
  const link = await connectSite(creds);
  await link.close();
  return creds;
}

/** Open this station's link to its site; refuses credentials of another site. */
export async function connectSite(creds: StationCredentials, opts?: ConnectOptions): Promise<SiteLink> {
  const pool = openPool(await poolConfig(endpointOf(creds), opts));
  try {
    const r = await pool.query<{ station: string; site_id: string }>('SELECT * FROM firstscan.st_whoami()');
    const me = r.rows[0];
    if (me.site_id !== creds.siteId)
      throw new Error(`The server at ${creds.host}:${creds.port} is another site (${me.site_id}) than this station joined (${creds.siteId})`);
    return new PgSiteLink(pool, me.station);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw explain(err, creds.host, creds.port);
  }
}

function explain(err: unknown, host: string, port: number): Error {
  const e = err as { code?: string; message?: string };
  if (e.code === '28P01')
    return new Error(
      `The site server at ${host}:${port} refused the password: the join code is old or the station was removed; ask the site admin for a fresh join code and join again`,
    );
  if (e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ETIMEDOUT' || e.code === 'ENOTFOUND')
    return new Error(`Cannot reach the site server at ${host}:${port} (${e.code}): check that it runs and that this PC can reach it`);
  return err instanceof Error ? err : new Error(String(err));
}
