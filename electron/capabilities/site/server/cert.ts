import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CERT_FILE = 'server.crt';
export const KEY_FILE = 'server.key';

/** Hex SHA-256 (lower case, no colons) of a PEM certificate, as join codes carry it. */
export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/**
 * The server's self-signed certificate in `dir`, made once with openssl (10 years; stations pin its
 * fingerprint, so the name in it does not matter). Null when openssl is not installed: the server runs without TLS.
 */
export async function ensureCertificate(dir: string, openssl = 'openssl'): Promise<{ fingerprint: string; made: boolean } | null> {
  const crt = join(dir, CERT_FILE);
  const key = join(dir, KEY_FILE);
  if (existsSync(crt) && existsSync(key)) return { fingerprint: fingerprintOfPem(readFileSync(crt, 'utf8')), made: false };
  try {
    await run(openssl, ['version'], { timeout: 10_000 });
  } catch {
    return null;
  }
  await run(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-sha256',
      '-days',
      '3650',
      '-subj',
      '/CN=firstscan-site',
      '-keyout',
      key,
      '-out',
      crt,
    ],
    { timeout: 60_000 },
  );
  return { fingerprint: fingerprintOfPem(readFileSync(crt, 'utf8')), made: true };
}
