import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// One system call fills the randomness of many ids: randomBytes(8) per id cost more than the
// rest of newId together, and a pick makes several ids inside its transaction.
const POOL = Buffer.alloc(4096);
let poolAt = POOL.length;

function randomChars(n: number): string {
  if (poolAt + n > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[POOL[poolAt++] & 31];
  return out;
}

function base32(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

let lastMs = 0;
let counter = 0;

/**
 * Entity ids (parcels, jobs, manifests) are created at any station of a site, offline, so they
 * carry time plus randomness instead of a site-wide counter. Within one process they also sort in
 * creation order (a counter breaks ties inside one millisecond), which keeps a printer lane in order.
 */
export function newId(prefix: string, at: Date = new Date()): string {
  const ms = at.getTime();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else counter++;
  const t = Math.max(ms, lastMs).toString(36).padStart(9, '0');
  return `${prefix}_${t}${counter.toString(36).padStart(4, '0')}${randomChars(8)}`;
}

/** A station id is made once per install and never changes. */
export function newStationId(): string {
  return `st-${base32(randomBytes(6))}`;
}

/** Per-install secret for browser mode. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}
