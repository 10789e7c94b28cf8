import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a station keeps its database when no --data is given. */
export function defaultDataDir(): string {
  if (process.env.FIRSTSCAN_DATA) return process.env.FIRSTSCAN_DATA;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'Firstscan');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Firstscan');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'firstscan');
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const rendererOut = join(repoRoot, 'out', 'renderer');
