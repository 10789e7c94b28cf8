import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PathEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** The running program: the installed Firstscan.exe tells a per-machine install by its folder. */
  execPath?: string;
}

const here: PathEnv = { platform: process.platform, env: process.env, home: homedir(), execPath: process.execPath };

/** Installed for all users of a Windows PC (NSIS per-machine, under Program Files)? */
export function perMachineInstall(p: PathEnv): boolean {
  if (p.platform !== 'win32') return false;
  if (p.env.FIRSTSCAN_SHARED === '1') return true;
  const exe = (p.execPath ?? '').toLowerCase();
  if (!exe.endsWith('\\firstscan.exe')) return false;
  const roots = [p.env.ProgramFiles, p.env['ProgramFiles(x86)'], p.env.ProgramW6432].filter((r): r is string => !!r);
  return roots.some((r) => exe.startsWith(r.toLowerCase().replace(/\\+$/, '') + '\\'));
}

/**
 * Where a station keeps its database when no --data is given. The desktop app and the CLI use this
 * one rule, so `cli serve`, `cli import` and the installed app all open the same folder.
 * On Windows a per-machine install (shared floor PCs, several Windows users on one station) keeps
 * the data under ProgramData; `FIRSTSCAN_SHARED=1` asks the same of the CLI.
 */
export function defaultDataDir(p: PathEnv = here): string {
  const env = p.env;
  if (env.FIRSTSCAN_DATA) return env.FIRSTSCAN_DATA;
  if (p.platform === 'win32') {
    if (perMachineInstall(p)) return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Firstscan');
    return win32.join(env.APPDATA ?? win32.join(p.home, 'AppData', 'Roaming'), 'Firstscan');
  }
  if (p.platform === 'darwin') return join(p.home, 'Library', 'Application Support', 'Firstscan');
  return join(env.XDG_DATA_HOME ?? join(p.home, '.local', 'share'), 'firstscan');
}

/**
 * The project's root: the nearest folder above this module whose package.json is ours. Found by
 * walking up so it holds from the source (tsx), from a bundle in out/main/ (or its chunks) and
 * inside a package's app.asar.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'firstscan') return dir;
      } catch {
        /* not ours: keep climbing */
      }
    }
    if (dirname(dir) === dir) return join(from, '..', '..');
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const rendererOut = join(repoRoot, 'out', 'renderer');

/**
 * A read-only file the product ships (resources/ in the repository): the Shopify Admin schema, the
 * udev rule. A package carries them as extraResources beside app.asar (process.resourcesPath);
 * from the repository (tsx, out/, tests) they are read in place. Never anything outside the tree.
 */
export function resourcePath(...parts: string[]): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) {
    const p = join(packaged, ...parts);
    if (existsSync(p)) return p;
  }
  return join(repoRoot, 'resources', ...parts);
}
