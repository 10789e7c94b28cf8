import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StationCredentials } from '../../../db/site/server/types';
import { secretStoreFor, SITE_PASSWORD } from '../../core/secrets';

/**
 * Written by `cli site join`: where the site is and this station's login role. Its presence puts
 * the station in site mode. The role's password is in the secret store (OS keystore in the desktop
 * app), not in this file; a file from before the store still carries it until the first desktop start.
 */
export const credentialsFile = (dataDir: string) => join(dataDir, 'site-credentials.json');
export { SITE_PASSWORD };

export function isJoined(dataDir: string): boolean {
  return existsSync(credentialsFile(dataDir));
}

export function readCredentials(dataDir: string): StationCredentials | null {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Omit<StationCredentials, 'password'> & { password?: string };
  const password = saved.password ?? secretStoreFor(dataDir).get(SITE_PASSWORD);
  if (password === null)
    throw new Error(`This station's site password is missing from its secret store; join the site again (npm run cli -- site join <code> --data ${dataDir}).`);
  return { ...saved, password };
}
