import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../errors';
import type { Sealer } from './sealer';

/**
 * A station's secrets by name (a Shopify store's id, `@site/password`). They never enter the event
 * log, the projections, an export, a log line or any API answer: only this store holds them.
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  names(): string[];
  kind: Sealer['kind'];
  /** Where the secrets live, for the Setup/Sync screens ("stored in …"). */
  describe(): string;
}

/** All secrets in one sealed JSON blob in the data folder, rewritten atomically. */
export class SealedFileStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly sealer: Sealer,
  ) {}

  get kind() {
    return this.sealer.kind;
  }

  readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    let text: string;
    try {
      text = this.sealer.open(readFileSync(this.file));
    } catch (e) {
      throw new ApiError(
        'UNAVAILABLE',
        `This station's secrets (${this.file}) cannot be unsealed with the ${this.sealer.describe()}: ${(e as Error).message}. ` +
          'Connect the Shopify store again (Sync, F4) and join the site again if this station is in one.',
      );
    }
    return JSON.parse(text) as Record<string, string>;
  }

  private writeAll(all: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.sealer.seal(JSON.stringify(all)), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  get(name: string): string | null {
    return this.readAll()[name] ?? null;
  }

  set(name: string, value: string): void {
    this.writeAll({ ...this.readAll(), [name]: value });
  }

  setMany(values: Record<string, string>): void {
    this.writeAll({ ...this.readAll(), ...values });
  }

  delete(name: string): void {
    const all = this.readAll();
    if (!(name in all)) return;
    delete all[name];
    this.writeAll(all);
  }

  names(): string[] {
    return Object.keys(this.readAll());
  }

  describe(): string {
    return this.sealer.kind === 'os-keystore'
      ? `sealed by the OS keystore (${this.sealer.describe()}) in ${this.file}`
      : `encrypted in ${this.file}; ${this.sealer.describe()}`;
  }
}

/**
 * The desktop app's secrets sit sealed by the OS keystore; a process without it (`cli serve` on the
 * desktop's data folder) can name them but not read them, and says what to do.
 */
export class LockedStore implements SecretStore {
  readonly kind = 'key-file' as const;
  constructor(private readonly file: string) {}
  private refuse(): never {
    throw new ApiError(
      'UNAVAILABLE',
      `This station's secrets are sealed by the desktop app's OS keystore (${this.file}); only the desktop app can read them. ` +
        'Start the desktop app on this data folder, or connect the store again here.',
    );
  }
  get(): string | null {
    return this.refuse();
  }
  set(): void {
    this.refuse();
  }
  delete(): void {
    this.refuse();
  }
  names(): string[] {
    return this.refuse();
  }
  describe(): string {
    return `sealed by the desktop app's OS keystore in ${this.file} (not readable from this process)`;
  }
}
