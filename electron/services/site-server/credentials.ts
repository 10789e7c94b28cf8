import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import type { StationCredentials } from '../../../db/site-pg/types';
import { credentialsFile } from '../replication/credentials';

/** The station's key to its site: a file of its own (mode 0600), never in the event log or the API. */
export function saveCredentials(dataDir: string, creds: StationCredentials): string {
  const file = credentialsFile(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}
