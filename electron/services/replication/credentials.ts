import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StationCredentials } from '../../../db/site-pg/types';

/** Written by `cli site join` (mode 0600); its presence puts the station in site mode. */
export const credentialsFile = (dataDir: string) => join(dataDir, 'site-credentials.json');

export function readCredentials(dataDir: string): StationCredentials | null {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as StationCredentials;
}
