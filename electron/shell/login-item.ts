import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Start at login. Windows and macOS: the OS login items (app.setLoginItemSettings, passed in).
 * Linux has none in Electron: an XDG autostart entry does the same for every desktop.
 */
export function setStartAtLogin(
  on: boolean,
  o: {
    platform: NodeJS.Platform;
    exe: string;
    setLoginItem: (s: { openAtLogin: boolean; path?: string }) => void;
    env?: NodeJS.ProcessEnv;
    home?: string;
  },
): string {
  if (o.platform !== 'linux') {
    o.setLoginItem({ openAtLogin: on, ...(o.platform === 'win32' ? { path: o.exe } : {}) });
    return 'login items';
  }
  const env = o.env ?? process.env;
  const dir = join(env.XDG_CONFIG_HOME ?? join(o.home ?? homedir(), '.config'), 'autostart');
  const file = join(dir, 'firstscan.desktop');
  if (!on) {
    rmSync(file, { force: true });
    return file;
  }
  // An AppImage runs from a temporary mount: start the AppImage file itself.
  const exe = env.APPIMAGE ?? o.exe;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, ['[Desktop Entry]', 'Type=Application', 'Name=Firstscan', `Exec="${exe}"`, 'X-GNOME-Autostart-enabled=true', ''].join('\n'));
  return file;
}
