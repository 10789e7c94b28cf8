import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, demoApp, tempDir } from '../../../support/app';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { listBackups } from '../../../../electron/capabilities/backup/files';
import { inspectCopy } from '../../../../db/backup/copy';
import { nodeArgs } from '../../../support/bundle';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function station(orders = 200) {
  const app = await demoApp({ runJobs: false, demoOrders: orders });
  const folder = tempDir('fs-backups-');
  cleanup.push(
    () => app.dispose(),
    () => rmSync(folder, { recursive: true, force: true }),
  );
  await api(app, 'backup.settings.save', { folder, everyHours: 4, keep: 3 });
  return { app, folder };
}

describe('backup: SQLite online backup, checked, kept', () => {
  it('backs up while the picker keeps picking: the copy opens, passes the integrity check and holds exactly the events of the moment it was taken', async () => {
    const { app, folder } = await station();
    const runner = new BackupRunner(app.ctx, app.dir, { pagesPerStep: 4 });
    let picksDuring = 0;
    const backup = runner.run('console');
    for (let i = 1; i <= 40; i++) {
      const r = await api(app, 'pick.scan', { code: `#${1000 + i}` });
      expect(r.outcome).toBe('issued');
      if (runner.current) picksDuring++;
      await new Promise((res) => setImmediate(res));
    }
    const result = await backup;
    expect(picksDuring).toBeGreaterThan(0);
    const copy = inspectCopy(join(folder, result.file), true);
    expect(copy.integrity).toBe('ok');
    expect(copy.events).toBe(result.events);
    expect(copy.stationId).toBe(app.ctx.stationId);
    // What the supervisor sees on Devices: the last good backup with its figures.
    const status = await api(app, 'backup.status', {});
    expect(status.lastGood).toMatchObject({ ok: true, file: result.file, events: result.events, parcels: result.parcels });
    expect(status.backups.map((b) => b.name)).toEqual([result.file]);
    expect(status.running).toBeNull();
    expect(Date.parse(status.nextDue!)).toBe(Date.parse(status.lastGood!.at) + 4 * 3_600_000);
  });

  it('keeps the newest good copies only (retention), and says what to do when the folder is not writable', async () => {
    const { app, folder } = await station(20);
    const runner = new BackupRunner(app.ctx, app.dir);
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      files.push((await runner.run('console')).file);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(listBackups(folder, app.ctx.stationId).map((b) => b.name)).toEqual(files.slice(-3).reverse());
    await expect(api(app, 'backup.settings.save', { folder: 'relative/dir', everyHours: 4, keep: 3 })).rejects.toThrow(/not a full path/);
    await expect(api(app, 'backup.settings.save', { folder: join(app.dir, 'backups'), everyHours: 4, keep: 3 })).rejects.toThrow(
      /inside the station’s own data folder/,
    );
    // The one place a backup may never go: its failure is on screen, the good copies stay.
    const blocked = join(folder, 'file-not-folder');
    writeFileSync(blocked, 'x');
    await expect(runner.run('console', join(blocked, 'sub'))).rejects.toThrow(/cannot write to/);
    expect(listBackups(folder, app.ctx.stationId)).toHaveLength(3);
  });

  it('kill -9 in the middle of a backup leaves the previous good backup intact; the next backup clears the half-written copy', async () => {
    const dir = tempDir();
    const folder = tempDir('fs-backups-');
    cleanup.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => rmSync(folder, { recursive: true, force: true }),
    );
    const child = spawn(process.execPath, nodeArgs('test/electron/capabilities/backup/backup-child.ts', [dir, folder]), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no mid-copy:\n${out}`)), 60_000);
      const on = (d: Buffer) => {
        out += d.toString();
        if (out.includes('mid-copy')) {
          clearTimeout(t);
          resolve();
        }
      };
      child.stdout.on('data', on);
      child.stderr.on('data', on);
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const good = /good (\S+)/.exec(out)![1];
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toHaveLength(1);
    expect(listBackups(folder).map((b) => b.name)).toEqual([good]);
    expect(inspectCopy(join(folder, good), true).integrity).toBe('ok');

    const app = await demoApp({ dataDir: dir, runJobs: false });
    cleanup.push(() => app.close());
    const again = await new BackupRunner(app.ctx, dir).run('console');
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(listBackups(folder).map((b) => b.name)).toEqual([again.file, good]);
    expect(existsSync(join(folder, good))).toBe(true);
  }, 120_000);
});
