import type { Sealer } from '../core/secrets';

/** The part of Electron's safeStorage the station uses (passed in: this file does not import electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * safeStorage as the station's sealer, or null where it protects nothing: on Linux without a
 * keyring Chromium falls back to 'basic_text' (a fixed password), which is no better than our key
 * file, so the key file stays. Windows: DPAPI for the Windows user running the station.
 */
export function osKeystoreSealer(safe: SafeStorageLike, platform: NodeJS.Platform = process.platform): Sealer | null {
  if (!safe.isEncryptionAvailable()) return null;
  const backend = platform === 'linux' ? (safe.getSelectedStorageBackend?.() ?? 'unknown') : null;
  if (backend === 'basic_text' || backend === 'unknown') return null;
  const name =
    platform === 'win32' ? 'Windows DPAPI, for this Windows user' : platform === 'darwin' ? 'the macOS Keychain' : `the desktop keyring (${backend})`;
  return {
    kind: 'os-keystore',
    describe: () => name,
    seal: (plain) => safe.encryptString(plain),
    open: (sealed) => safe.decryptString(sealed),
  };
}
