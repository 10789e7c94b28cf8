/** One station per data folder: every entry takes the folder's lock; a dead holder's lock is taken over. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startConsole } from '../../support/console-process';
import { lockFile } from '../../../electron/core/data-lock';
import { cliArgs } from '../../support/bundle';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fs-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (args: string[]) => spawnSync(process.execPath, cliArgs(args), { cwd: root, encoding: 'utf8' });

describe('the data folder lock', () => {
  it('refuses a second `cli serve` on one folder, naming the holder; after kill -9 the next start takes the stale lock', async () => {
    const dir = temp();
    const first = await startConsole(dir, ['--no-demo'], { signIn: false });
    let firstPid = 0;
    try {
      const holder = JSON.parse(readFileSync(lockFile(dir), 'utf8'));
      expect(holder).toMatchObject({ host: hostname(), entry: 'cli serve' });
      firstPid = holder.pid;
      const second = cli(['serve', '--data', dir, '--port', '0', '--no-demo']);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('Firstscan is already running on this data folder.');
      expect(second.stderr).toContain(`(cli serve, pid ${holder.pid}, host ${hostname()}, since ${holder.since})`);
      expect(second.stderr).toMatch(/Next: Switch to the Firstscan window that is open/);
      // An offline command that writes is refused the same way; a read-only export is not.
      writeFileSync(
        join(dir, 'orders.csv'),
        'order,line,name,address1,city,zip,country,sku,title,quantity\n#9001,dhl,A B,1 Main St,Berlin,10115,DE,SKU1,Mug,1\n',
      );
      const importing = cli(['import', 'orders', join(dir, 'orders.csv'), '--data', dir]);
      expect(importing.status).toBe(1);
      expect(importing.stderr).toContain(`pid ${holder.pid}`);
      expect(cli(['export', 'events', '--data', dir]).status).toBe(0);
      expect((await first.call<{ mode: string }>('app.info')).mode).toBe('headless');
    } finally {
      await first.kill();
    }
    // kill -9 left the lock behind, naming a dead process: the next start takes it over.
    expect(readFileSync(lockFile(dir), 'utf8')).toContain('"entry":"cli serve"');
    const next = await startConsole(dir, ['--no-demo'], { signIn: false });
    try {
      expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).not.toBe(firstPid);
      expect((await next.call<{ mode: string }>('app.info')).mode).toBe('headless');
    } finally {
      await next.stop();
    }
    expect(() => readFileSync(lockFile(dir))).toThrow(/ENOENT/); // a clean stop frees the folder
  }, 120_000);

  it('a lock held on another PC (a shared network folder) is never taken over', () => {
    const dir = temp();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 999_999, host: 'pick-pc-2', since: '2026-12-01T08:00:00.000Z', entry: 'desktop app' }));
    const r = cli(['rebuild', 'projections', '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('(desktop app, pid 999999, host pick-pc-2, since 2026-12-01T08:00:00.000Z)');
    expect(r.stderr).toContain(`if pick-pc-2 is switched off for good, delete ${lockFile(dir)}`);
  });
});
