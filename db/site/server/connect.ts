import pg from 'pg';
import type { StationCredentials } from './types';
import { pinnedTls } from './tls';

export interface ConnectOptions {
  /** Pool size (default 4: one long pull, one push, leases alongside). */
  max?: number;
  /** A query with no answer for this long fails and its connection is dropped (default 60 s). */
  queryTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export interface Endpoint {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tlsFingerprint: string | null;
}

/** Pool settings for a site endpoint: TLS pinned to the fingerprint when there is one, plain text when not. */
export async function poolConfig(e: Endpoint, o: ConnectOptions = {}): Promise<pg.PoolConfig> {
  const ssl = e.tlsFingerprint ? await pinnedTls(e.host, e.port, e.tlsFingerprint) : false;
  return {
    host: e.host,
    port: e.port,
    database: e.database,
    user: e.user,
    password: e.password,
    ssl,
    max: o.max ?? 4,
    query_timeout: o.queryTimeoutMs ?? 60_000,
    connectionTimeoutMillis: o.connectTimeoutMs ?? 10_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'firstscan-station',
  };
}

export function openPool(cfg: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(cfg);
  // An idle connection dropped by a server restart or a cut network: the next query opens a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

export function endpointOf(c: StationCredentials): Endpoint {
  return { host: c.host, port: c.port, database: c.database, user: c.user, password: c.password, tlsFingerprint: c.tlsFingerprint };
}
