import type { SpawnOptions } from 'node:child_process';

/**
 * npm and npx are `.cmd` shims on Windows, which Node spawns only through a shell (since the
 * 2024 fix for batch-file argument injection, spawn('npm.cmd') without one fails with EINVAL).
 * Our arguments are fixed words, never user input, so the shell is safe here.
 */
export function shimSpawnOptions(platform: NodeJS.Platform = process.platform): Pick<SpawnOptions, 'shell' | 'windowsHide'> {
  return platform === 'win32' ? { shell: true, windowsHide: true } : { shell: false };
}
