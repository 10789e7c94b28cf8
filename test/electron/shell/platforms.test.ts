/** Windows (and other platform) code paths, with the platform injected: this runs on Linux. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir, perMachineInstall } from '../../../electron/core/paths';
import { shimSpawnOptions } from '../../../electron/core/spawn-shell';
import { osKeystoreSealer, type SafeStorageLike } from '../../../electron/shell/keystore';
import { setStartAtLogin } from '../../../electron/shell/login-item';
import { loadWindowState, saveWindowState, DEFAULT_WINDOW } from '../../../electron/shell/window-state';
import { menuTemplate } from '../../../electron/shell/menu';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fs-plat-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const winEnv = { APPDATA: 'C:\\Users\\picker\\AppData\\Roaming', ProgramData: 'C:\\ProgramData', ProgramFiles: 'C:\\Program Files' };

describe('one data folder for the app and the CLI', () => {
  it('Windows, per-user install (the default): %APPDATA%\\Firstscan for the app and the CLI alike', () => {
    const app = {
      platform: 'win32' as const,
      env: winEnv,
      home: 'C:\\Users\\picker',
      execPath: 'C:\\Users\\picker\\AppData\\Local\\Programs\\Firstscan\\Firstscan.exe',
    };
    expect(defaultDataDir(app)).toBe('C:\\Users\\picker\\AppData\\Roaming\\Firstscan');
    expect(defaultDataDir({ ...app, execPath: 'C:\\Program Files\\nodejs\\node.exe' })).toBe('C:\\Users\\picker\\AppData\\Roaming\\Firstscan');
  });

  it('Windows, per-machine install for a shared floor PC: C:\\ProgramData\\Firstscan, the CLI with FIRSTSCAN_SHARED=1', () => {
    const app = { platform: 'win32' as const, env: winEnv, home: 'C:\\Users\\picker', execPath: 'C:\\Program Files\\Firstscan\\Firstscan.exe' };
    expect(perMachineInstall(app)).toBe(true);
    expect(defaultDataDir(app)).toBe('C:\\ProgramData\\Firstscan');
    expect(defaultDataDir({ ...app, execPath: 'C:\\Program Files\\nodejs\\node.exe', env: { ...winEnv, FIRSTSCAN_SHARED: '1' } })).toBe(
      'C:\\ProgramData\\Firstscan',
    );
    expect(defaultDataDir({ ...app, env: { ...winEnv, FIRSTSCAN_DATA: 'D:\\station' } })).toBe('D:\\station');
  });

  it('Linux and macOS', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/pick' })).toBe('/home/pick/.local/share/firstscan');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_DATA_HOME: '/data' }, home: '/home/pick' })).toBe('/data/firstscan');
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/p' })).toBe('/Users/p/Library/Application Support/Firstscan');
  });
});

describe('spawning npm and npx', () => {
  it('goes through a shell on Windows (npm.cmd shims) and not elsewhere', () => {
    expect(shimSpawnOptions('win32')).toEqual({ shell: true, windowsHide: true });
    expect(shimSpawnOptions('linux')).toEqual({ shell: false });
  });
});

const fakeSafe = (backend?: string, available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`sealed:${s}`),
  decryptString: (b) => b.toString().slice(7),
  getSelectedStorageBackend: backend ? () => backend : undefined,
});

describe('the OS keystore', () => {
  it('Windows: DPAPI through safeStorage', () => {
    const s = osKeystoreSealer(fakeSafe(), 'win32')!;
    expect(s.kind).toBe('os-keystore');
    expect(s.describe()).toMatch(/Windows DPAPI/);
    expect(s.open(s.seal('shpat_x'))).toBe('shpat_x');
  });

  it('Linux: libsecret or kwallet; the basic_text fallback is no keystore, so the key file stays', () => {
    expect(osKeystoreSealer(fakeSafe('gnome_libsecret'), 'linux')!.describe()).toContain('gnome_libsecret');
    expect(osKeystoreSealer(fakeSafe('basic_text'), 'linux')).toBeNull();
    expect(osKeystoreSealer(fakeSafe(undefined, false), 'win32')).toBeNull();
    expect(osKeystoreSealer(fakeSafe(), 'darwin')!.describe()).toMatch(/Keychain/);
  });
});

describe('start at login', () => {
  it('Windows: a login item that starts the installed exe', () => {
    const calls: unknown[] = [];
    setStartAtLogin(true, { platform: 'win32', exe: 'C:\\Program Files\\Firstscan\\Firstscan.exe', setLoginItem: (s) => calls.push(s) });
    expect(calls).toEqual([{ openAtLogin: true, path: 'C:\\Program Files\\Firstscan\\Firstscan.exe' }]);
  });

  it('Linux: an XDG autostart entry, for the AppImage file when run from one; removed when turned off', () => {
    const home = temp();
    const file = setStartAtLogin(true, {
      platform: 'linux',
      exe: '/tmp/.mount_x/firstscan',
      setLoginItem: () => expect.fail(),
      env: { APPIMAGE: '/opt/Firstscan.AppImage' },
      home,
    });
    expect(file).toBe(join(home, '.config', 'autostart', 'firstscan.desktop'));
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Firstscan.AppImage"');
    setStartAtLogin(false, { platform: 'linux', exe: '', setLoginItem: () => expect.fail(), env: {}, home });
    expect(existsSync(file)).toBe(false);
  });
});

describe('window state', () => {
  it('comes back where it was, unless that screen is gone', () => {
    const dir = temp();
    expect(loadWindowState(dir, [])).toEqual(DEFAULT_WINDOW);
    saveWindowState(dir, { x: 2000, y: 100, width: 1366, height: 768, maximized: false });
    const two = [
      { x: 0, y: 0, width: 1920, height: 1080 },
      { x: 1920, y: 0, width: 1920, height: 1080 },
    ];
    expect(loadWindowState(dir, two)).toEqual({ x: 2000, y: 100, width: 1366, height: 768, maximized: false });
    expect(loadWindowState(dir, [two[0]])).toEqual({ width: 1366, height: 768, maximized: false });
  });
});

describe('the floor menu', () => {
  it('has no quit shortcut on Windows/Linux (Ctrl+Q mid-scan), Cmd+Q on macOS', () => {
    const accel = (p: NodeJS.Platform) =>
      (menuTemplate(() => undefined, p)[0].submenu as Array<{ label?: string; accelerator?: string }>).find((i) => i.label === 'Quit Firstscan')?.accelerator;
    expect(accel('win32')).toBeUndefined();
    expect(accel('darwin')).toBe('Cmd+Q');
  });
});
