import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs are kept as scrypt hashes (`scrypt$N$r$p$salt$hash`, base64). N = 2^11, r = 8: about 8 ms on an idle
 * two-core PC (30 ms when it is loaded), so a badge + PIN sign-in stays within its 50 ms goal (`npm run bench`, auth.signin_ms) while an
 * exported hash of a 6-digit PIN still costs hours of guessing; the lockout stops guessing at the scanner.
 */
const N = 1 << 11;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export const PIN_RULE = /^\d{4,8}$/;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** The same hash, computed inline: only for seeding the demo site inside its one transaction. */
export function hashPinSync(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin.normalize('NFKC'), salt, KEYLEN, { N, r: R, p: P, maxmem: 256 * N * R });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = await derive(pin, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return got.length === want.length && timingSafeEqual(got, want);
}
