import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from '../core/ids';

/** The per-install browser-mode token, kept beside the database, readable by this user only. */
export function installToken(dataDir: string): string {
  const file = join(dataDir, 'browser-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const t = newToken();
  writeFileSync(file, t, { mode: 0o600 });
  return t;
}
