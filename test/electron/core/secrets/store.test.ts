import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetSecretStores, KeyFileSealer, secretStoreFor, useOsKeystore, type Sealer } from '../../../../electron/core/secrets';
import { SealedFileStore } from '../../../../electron/core/secrets/store';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fs-sec-'));
  dirs.push(d);
  return d;
};
afterEach(() => useOsKeystore(null));
afterAll(() => dirs.forEach((d) => [d, `${d}-secrets`].forEach((x) => rmSync(x, { recursive: true, force: true }))));

const fakeOs: Sealer = {
  kind: 'os-keystore',
  describe: () => 'test keystore',
  seal: (s) => Buffer.from(`OS:${Buffer.from(s).toString('base64')}`),
  open: (b) => Buffer.from(b.toString().slice(3), 'base64').toString(),
};

describe('the secret store', () => {
  it('without an OS keystore: encrypted with a key file outside the data folder', () => {
    const dir = temp();
    const s = secretStoreFor(dir);
    s.set('shop', 'shpat_secret_1');
    expect(s.kind).toBe('key-file');
    expect(s.get('shop')).toBe('shpat_secret_1');
    expect(readFileSync(join(dir, 'secrets.enc')).includes(Buffer.from('shpat_secret_1'))).toBe(false);
    expect(existsSync(new KeyFileSealer(dir).keyFile)).toBe(true);
    s.delete('shop');
    expect(s.get('shop')).toBeNull();
  });

  it('reads the file of an older version (shopify-tokens.enc) under its new name', () => {
    const dir = temp();
    new SealedFileStore(join(dir, 'shopify-tokens.enc'), new KeyFileSealer(dir)).set('shop', 'shpat_old');
    forgetSecretStores();
    expect(secretStoreFor(dir).get('shop')).toBe('shpat_old');
    expect(existsSync(join(dir, 'shopify-tokens.enc'))).toBe(false);
  });

  it('with the OS keystore: key-file secrets move in, and a process without it is told who can read them', () => {
    const dir = temp();
    secretStoreFor(dir).set('shop', 'shpat_move');
    useOsKeystore(fakeOs);
    const os = secretStoreFor(dir);
    expect(os.kind).toBe('os-keystore');
    expect(os.get('shop')).toBe('shpat_move');
    expect(existsSync(join(dir, 'secrets.enc'))).toBe(false);
    expect(os.describe()).toContain('test keystore');
    useOsKeystore(null);
    const cli = secretStoreFor(dir);
    expect(() => cli.get('shop')).toThrow(/sealed by the desktop app's OS keystore.*Start the desktop app/);
  });

  it('a blob it cannot unseal says what to do next', () => {
    const dir = temp();
    writeFileSync(join(dir, 'secrets.enc'), Buffer.alloc(40, 7));
    forgetSecretStores();
    expect(() => secretStoreFor(dir).get('shop')).toThrow(/cannot be unsealed.*Connect the Shopify store again/);
  });
});
