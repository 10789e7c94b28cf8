import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, rendererOut } from '../core/paths';
import { serve } from './serve';

/** The path of the Electron binary, or why there is none. */
export function electronBinary(): { path: string } | { missing: string } {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    if (typeof p === 'string' && existsSync(p)) return { path: p };
    return { missing: 'the Electron binary was not downloaded' };
  } catch (e) {
    return { missing: (e as Error).message.split('\n')[0] };
  }
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
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('Building the console failed; run `npm run build` to see why.');
}

export async function start(a: { dataDir: string; port: number; demo: boolean; forceBrowser: boolean }): Promise<void> {
  const bin = electronBinary();
  const display = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if ('path' in bin && display && !a.forceBrowser) {
    const child = spawn('npx', ['electron-vite', 'preview', '--config', 'electron/shell/electron.vite.config.ts'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, FIRSTSCAN_DATA: a.dataDir },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  ensureBuilt();
  const why = 'path' in bin ? 'no display here' : 'Electron is not installed here';
  await serve({
    ...a,
    mode: 'browser',
    banner: (url) => `Firstscan: ${why}, so the console runs in your browser (browser mode): ${url}`,
  });
}
