import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../../support/pg';
import { decodeJoinCode } from '../../../../../db/site/server/join-code';
import { connectSite } from '../../../../../db/site/server/join';
import { openSqlite } from '../../../../../db/core/open';
import { metaStore } from '../../../../../db/station/meta';
import type { StationCredentials } from '../../../../../db/site/server/types';
import { readCredentials } from '../../../../../electron/capabilities/site/credentials';
import { cliArgs } from '../../../../support/bundle';

const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const dirs: string[] = [];
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function temp() {
  const d = mkdtempSync(join(tmpdir(), 'firstscan-cli-site-'));
  dirs.push(d);
  return d;
}

function cli(args: string[]) {
  const p = spawn(process.execPath, cliArgs(args), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(p);
  let out = '';
  p.stdout!.on('data', (b) => (out += b));
  p.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  const waitFor = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = out.match(re);
        if (m) resolve(m);
      };
      p.stdout!.on('data', check);
      void exited.then(() => (out.match(re) ? check() : reject(new Error(`exited without ${re}:\n${out}`))));
      check();
    });
  return { p, exited, waitFor, output: () => out };
}

describe('cli site server / site join', () => {
  it('a server prints its join code; a station joins with it and keeps its credentials to itself; Ctrl+C stops it', async () => {
    const serverDir = temp();
    const stationDir = temp();
    const port = await freePort();
    const server = cli(['site', 'server', '--dir', serverDir, '--port', String(port), '--host', '127.0.0.1']);
    const [, code] = await server.waitFor(/\n(fsj1\.[A-Za-z0-9_-]+)\n/);
    expect(server.output()).toContain(`Server:    postgres://127.0.0.1:${port}/firstscan`);
    expect(server.output()).toMatch(/Security: {2}TLS, certificate SHA-256 [0-9a-f]{64}/);

    const joining = cli(['site', 'join', code, '--data', stationDir, '--name', 'Pick 7']);
    expect(await joining.exited).toBe(0);
    const db = openSqlite({ file: join(stationDir, 'firstscan.db') });
    const stationId = metaStore(db).get('station_id')!;
    db.close();
    expect(joining.output()).toContain(`Station ${stationId} ("Pick 7") joined site ${decodeJoinCode(code).siteId}`);
    expect(joining.output()).toContain('over TLS');
    expect(joining.output()).toMatch(/Next: start the console/);
    const file = join(stationDir, 'site-credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<StationCredentials>;
    expect(saved.password).toBeUndefined(); // the password sits in the secret store
    const creds = readCredentials(stationDir)!;
    expect(readFileSync(join(stationDir, 'secrets.enc')).includes(Buffer.from(creds.password))).toBe(false);
    const link = await connectSite(creds);
    expect(link.station).toBe(stationId);
    expect((await link.stations()).map((s) => s.name)).toEqual(['Pick 7']);
    await link.close();

    server.p.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Site server stopped.');
  }, 120_000);

  it('a mistyped join code is refused before anything is written', async () => {
    const stationDir = temp();
    const r = cli(['site', 'join', 'fsj1.notacode', '--data', stationDir]);
    expect(await r.exited).toBe(1);
    expect(r.output()).toMatch(/join code is not valid/);
    expect(() => statSync(join(stationDir, 'firstscan.db'))).toThrow();
  }, 60_000);
});
