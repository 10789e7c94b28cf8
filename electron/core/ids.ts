import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function base32(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/**
 * Entity ids (parcels, jobs, manifests) are created at any station of a site, offline, so they
 * carry time (sortable) plus randomness instead of a local counter.
 */
export function newId(prefix: string, at: Date = new Date()): string {
  const t = at.getTime().toString(36).padStart(9, '0');
  return `${prefix}_${t}${base32(randomBytes(10))}`;
}

/** A station id is made once per install and never changes. */
export function newStationId(): string {
  return `st-${base32(randomBytes(6))}`;
}

/** Per-install secret for browser mode. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}
