import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * What seals the station's secrets (Shopify tokens, the site login's password) at rest.
 * - os-keystore: Electron safeStorage in the desktop app (DPAPI on Windows, the Keychain on macOS,
 *   libsecret/kwallet on Linux), plugged in by the shell.
 * - key-file: AES-256-GCM with a key in a file outside the data folder, where no OS keystore is
 *   at hand (browser mode, `cli serve`, a Linux PC without a keyring).
 */
export interface Sealer {
  kind: 'os-keystore' | 'key-file';
  /** For the Setup screen: where the secrets are protected. */
  describe(): string;
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

/** The key file lives OUTSIDE the data directory, so a copied data directory holds no usable secret. */
export function secretsDirFor(dataDir: string): string {
  const abs = resolve(dataDir);
  return join(dirname(abs), `${basename(abs)}-secrets`);
}

export class KeyFileSealer implements Sealer {
  readonly kind = 'key-file' as const;
  readonly keyFile: string;

  constructor(dataDir: string, secretsDir = secretsDirFor(dataDir)) {
    this.keyFile = join(secretsDir, 'shopify.key');
  }

  exists(): boolean {
    return existsSync(this.keyFile);
  }

  private key(): Buffer {
    if (!existsSync(this.keyFile)) {
      mkdirSync(dirname(this.keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(this.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(this.keyFile, 0o600);
    return readFileSync(this.keyFile);
  }

  seal(plain: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }

  open(raw: Buffer): string {
    const d = createDecipheriv('aes-256-gcm', this.key(), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  /** After a migration to the OS keystore the key is of no further use. */
  destroy(): void {
    rmSync(this.keyFile, { force: true });
  }

  describe(): string {
    return `key file ${this.keyFile} (outside the data folder; readable by this user only)`;
  }
}
