import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './station-process';

/**
 * `electron-builder --linux dir` with a stand-in Electron distribution (`-c.electronDist`): no
 * Electron binary can be had here, and the package's own content is what is under test.
 */
export function packageLinuxDir(workDir: string): { appDir: string; log: string } {
  const dist = join(workDir, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  chmodSync(join(dist, 'electron'), 0o755);
  const out = join(workDir, 'dist');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${dist}`,
      `-c.directories.output=${out}`,
      '--publish',
      'never',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`electron-builder failed:\n${log}`);
  return { appDir: join(out, 'linux-unpacked'), log };
}

/** Every file under dir, relative, with its size. */
export function listFiles(dir: string, base = dir): Array<{ path: string; size: number }> {
  const files: Array<{ path: string; size: number }> = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files.push({ path: full.slice(base.length + 1), size: statSync(full).size });
  }
  return files;
}
