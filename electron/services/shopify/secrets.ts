import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Where a station keeps Shopify access tokens. Tokens never enter the event log, the projections
 * or any API answer. The Electron shell plugs Electron's safeStorage behind this same interface
 * (encryptString/decryptString with the OS keychain instead of the key file below).
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Where the secrets live, for the Setup/Sync screens ("stored in …"). */
  describe(): string;
}

/** The key file lives OUTSIDE the data directory, so a copied data directory holds no usable token. */
export function secretsDirFor(dataDir: string): string {
  const abs = resolve(dataDir);
  return join(dirname(abs), `${basename(abs)}-secrets`);
}

/**
 * Browser/headless mode: tokens encrypted with AES-256-GCM; the 32-byte key sits in a 0600 file in
 * a 0700 directory next to (not inside) the data directory; the ciphertext sits in the data
 * directory, like safeStorage's would.
 */
export class FileSecretStore implements SecretStore {
  private readonly keyFile: string;
  private readonly blobFile: string;

  constructor(dataDir: string, secretsDir = secretsDirFor(dataDir)) {
    this.keyFile = join(secretsDir, 'shopify.key');
    this.blobFile = join(dataDir, 'shopify-tokens.enc');
  }

  private key(): Buffer {
    if (!existsSync(this.keyFile)) {
      mkdirSync(dirname(this.keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(this.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(this.keyFile, 0o600);
    return readFileSync(this.keyFile);
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.blobFile)) return {};
    const raw = readFileSync(this.blobFile);
    const iv = raw.subarray(0, 12);
    const tag = raw.subarray(12, 28);
    const d = createDecipheriv('aes-256-gcm', this.key(), iv);
    d.setAuthTag(tag);
    return JSON.parse(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8'));
  }

  private writeAll(all: Record<string, string>): void {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([c.update(JSON.stringify(all), 'utf8'), c.final()]);
    const tmp = `${this.blobFile}.tmp`;
    mkdirSync(dirname(this.blobFile), { recursive: true });
    writeFileSync(tmp, Buffer.concat([iv, c.getAuthTag(), body]), { mode: 0o600 });
    renameSync(tmp, this.blobFile);
  }

  get(name: string): string | null {
    return this.readAll()[name] ?? null;
  }

  set(name: string, value: string): void {
    this.writeAll({ ...this.readAll(), [name]: value });
  }

  delete(name: string): void {
    const all = this.readAll();
    delete all[name];
    this.writeAll(all);
  }

  describe(): string {
    return `encrypted in the data directory; key file ${this.keyFile} (mode 0600)`;
  }
}
