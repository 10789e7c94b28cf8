import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp, tempDir } from '../../support/app';
import { createApp } from '../../../electron/app/create';

const mode = (p: string) => statSync(p).mode & 0o777;
const apps: Array<{ dispose(): Promise<void> }> = [];
afterAll(async () => {
  for (const a of apps) await a.dispose();
});

describe.skipIf(process.platform === 'win32')('private by default (POSIX modes)', () => {
  it('the data directory is 0700; the database, WAL, SHM, demo store and label files are 0600', async () => {
    const app = await demoApp();
    apps.push(app);
    const r = await api(app, 'pick.scan', { code: '#1001' });
    expect(r.outcome).toBe('issued');
    const labels = join(app.dir, 'fake-printer');
    for (let i = 0; i < 100 && !(existsSync(labels) && readdirSync(labels).some((f) => f.endsWith('.zpl'))); i++)
      await new Promise((res) => setTimeout(res, 50));
    await new Promise((res) => setTimeout(res, 600)); // the demo store saves its state
    expect(mode(app.dir)).toBe(0o700);
    for (const f of ['firstscan.db', 'firstscan.db-wal', 'firstscan.db-shm']) expect(mode(join(app.dir, f)), f).toBe(0o600);
    const zpl = readdirSync(labels).filter((f) => f.endsWith('.zpl'));
    expect(zpl.length).toBeGreaterThan(0);
    expect(mode(labels)).toBe(0o700);
    for (const f of zpl) expect(mode(join(labels, f)), f).toBe(0o600);
    const store = join(app.dir, 'shopify-emulator', 'demo-store.json');
    expect(existsSync(store)).toBe(true);
    expect(mode(store)).toBe(0o600);
  });

  it('a data directory an older version left readable is made private at start', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'browser-token'), 'x', { mode: 0o644 });
    const app = await createApp({ dataDir: dir, mode: 'headless', demo: false, runJobs: false, background: false });
    await app.close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'browser-token'))).toBe(0o600);
    expect(mode(join(dir, 'firstscan.db'))).toBe(0o600);
  });
});
