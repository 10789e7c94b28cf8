const SECRET_KEYS = new Set(['pinHash', 'hash']);

/** An event payload as it may leave the station (export, audit): PIN and token hashes shown as "(hidden)". */
export function redact(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, SECRET_KEYS.has(k) ? (v === null ? null : '(hidden)') : v]));
}
