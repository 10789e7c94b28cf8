import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileSealer, type Sealer } from './sealer';
import { LockedStore, SealedFileStore, type SecretStore } from './store';

export type { Sealer } from './sealer';
export type { SecretStore } from './store';
export { KeyFileSealer, secretsDirFor } from './sealer';

/** The files a data folder may hold secrets in. */
export const secretFiles = (dataDir: string) => ({
  os: join(dataDir, 'secrets.os.enc'),
  keyFile: join(dataDir, 'secrets.enc'),
  /** Before the store held more than Shopify tokens. */
  legacyKeyFile: join(dataDir, 'shopify-tokens.enc'),
  siteCredentials: join(dataDir, 'site-credentials.json'),
});

/** The site login's password (`cli site join`), beside the Shopify tokens named by store id. */
export const SITE_PASSWORD = '@site/password';

let osKeystore: Sealer | null = null;

/**
 * The desktop shell plugs in Electron's safeStorage when the OS offers a real keystore; nothing
 * else may (only electron/shell imports electron). Null: key-file store.
 */
export function useOsKeystore(sealer: Sealer | null): void {
  osKeystore = sealer;
  stores.clear();
}

const stores = new Map<string, SecretStore>();

/** The secret store for a data folder: OS keystore where the shell gave one, else the key file. */
export function secretStoreFor(dataDir: string): SecretStore {
  const hit = stores.get(dataDir);
  if (hit) return hit;
  const f = secretFiles(dataDir);
  let store: SecretStore;
  if (osKeystore) {
    const s = new SealedFileStore(f.os, osKeystore);
    migrateToOsKeystore(dataDir, s);
    store = s;
  } else if (existsSync(f.os) && !existsSync(f.keyFile) && !existsSync(f.legacyKeyFile)) {
    store = new LockedStore(f.os);
  } else {
    if (!existsSync(f.keyFile) && existsSync(f.legacyKeyFile)) renameSync(f.legacyKeyFile, f.keyFile);
    store = new SealedFileStore(f.keyFile, new KeyFileSealer(dataDir));
  }
  stores.set(dataDir, store);
  return store;
}

/** Forget cached stores (tests that swap the keystore or delete folders). */
export function forgetSecretStores(): void {
  stores.clear();
}

export interface Migration {
  moved: string[];
  from: string[];
}

/**
 * First desktop start on a folder that held key-file secrets (or a plaintext site password):
 * move them under the OS keystore, then remove the old blob, its key and the plaintext field.
 * Runs each start; once nothing is left to move it is a few stat calls.
 */
export function migrateToOsKeystore(dataDir: string, target: SealedFileStore): Migration {
  const f = secretFiles(dataDir);
  const moved: Record<string, string> = {};
  const from: string[] = [];
  const sealer = new KeyFileSealer(dataDir);
  for (const file of [f.legacyKeyFile, f.keyFile]) {
    if (!existsSync(file)) continue;
    Object.assign(moved, new SealedFileStore(file, sealer).readAll());
    from.push(file);
  }
  const creds = readJson(f.siteCredentials);
  if (creds && typeof creds.password === 'string') {
    moved[SITE_PASSWORD] = creds.password;
    from.push(f.siteCredentials);
  }
  if (!from.length) return { moved: [], from };
  target.setMany(moved);
  // Only once the OS keystore holds them: the old copies go.
  for (const file of [f.legacyKeyFile, f.keyFile]) rmSync(file, { force: true });
  if (sealer.exists()) sealer.destroy();
  if (creds && typeof creds.password === 'string') stripPassword(f.siteCredentials, creds);
  return { moved: Object.keys(moved), from };
}

function readJson(file: string): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Rewrite the credentials file without its password (kept in the secret store). */
export function stripPassword(file: string, creds: Record<string, unknown>): void {
  const { password: _gone, ...rest } = creds;
  writeJsonAtomic(file, rest);
}

function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
