import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import type { StationCredentials } from '../../../../db/site/server/types';
import { credentialsFile, SITE_PASSWORD } from '../credentials';
import { secretStoreFor } from '../../../core/secrets';

/**
 * The station's key to its site: where and who in a file of its own (mode 0600), the password in
 * the station's secret store; never in the event log or the API.
 */
export function saveCredentials(dataDir: string, creds: StationCredentials): string {
  const { password, ...where } = creds;
  secretStoreFor(dataDir).set(SITE_PASSWORD, password);
  const file = credentialsFile(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(where, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}
