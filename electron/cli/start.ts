import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, statSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, rendererOut } from '../core/paths';
import { shimSpawnOptions } from '../core/spawn-shell';
import { serve } from './serve';

/**
 * The path of the Electron binary, or why there is none. Read from the package's files: requiring
 * 'electron' would try to download the binary, which fails (slowly) where its host is unreachable.
 */
export function electronBinary(): { path: string } | { missing: string } {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return { path: join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') };
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the Electron binary was never downloaded (its install script did not run)' };
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? { path: bin } : { missing: `the Electron binary is missing at ${bin}` };
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

function ensureBuilt(): void {
  const index = join(rendererOut, 'index.html');
  const stale = !existsSync(index) || newestMtime(join(repoRoot, 'renderer')) > statSync(index).mtimeMs;
  if (!stale) return;
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'], ...shimSpawnOptions() });
  if (r.status !== 0)
    throw new Error(`Building the console failed (${r.error?.message ?? `exit ${r.status}`}); run \`npm run build\` to see why, then \`npm start\` again.`);
}

export async function start(a: { dataDir: string; port: number; demo: boolean; forceBrowser: boolean }): Promise<void> {
  const bin = electronBinary();
  const display = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if ('path' in bin && display && !a.forceBrowser) {
    const child = spawn('npx', ['electron-vite', 'preview', '--config', 'electron/shell/electron.vite.config.ts'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, FIRSTSCAN_DATA: a.dataDir },
      ...shimSpawnOptions(),
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  ensureBuilt();
  const why = 'path' in bin ? 'no display for an Electron window here' : `no Electron binary here (${bin.missing})`;
  await serve({
    ...a,
    mode: 'browser',
    lock: 'npm start (browser mode)',
    banner: (url) => `Firstscan: ${why}, so the console runs in your browser (browser mode): ${url}`,
  });
}
