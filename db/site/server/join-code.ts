/** Everything a station needs to join a site, as one copy-pasteable string: `fsj1.` + base64url(JSON). */
export interface JoinCode {
  siteId: string;
  host: string;
  port: number;
  database: string;
  /** A role that can do nothing but call the join function. */
  role: string;
  secret: string;
  /** SHA-256 of the server certificate (hex, lower case, no colons); null when the server has no TLS. */
  tlsFingerprint: string | null;
}

const PREFIX = 'fsj1.';

export function encodeJoinCode(c: JoinCode): string {
  const body = { i: c.siteId, h: c.host, p: c.port, d: c.database, r: c.role, s: c.secret, f: c.tlsFingerprint };
  return PREFIX + Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeJoinCode(text: string): JoinCode {
  const code = text.replace(/\s+/g, '');
  const bad = (why: string) =>
    new Error(`This join code is not valid (${why}). Copy the whole code printed by "site server" or "site init", starting with ${PREFIX}`);
  if (!code.startsWith(PREFIX)) throw bad(`it does not start with ${PREFIX}`);
  let b: Record<string, unknown>;
  try {
    b = JSON.parse(Buffer.from(code.slice(PREFIX.length), 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw bad('it is cut or mistyped');
  }
  const str = (k: string) => (typeof b[k] === 'string' && b[k] ? (b[k] as string) : null);
  const port = b.p;
  const fp = b.f;
  if (!str('i') || !str('h') || !str('d') || !str('r') || !str('s')) throw bad('a part is missing');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw bad('the port is wrong');
  if (fp !== null && (typeof fp !== 'string' || !/^[0-9a-f]{64}$/.test(fp))) throw bad('the certificate fingerprint is wrong');
  return { siteId: str('i')!, host: str('h')!, port, database: str('d')!, role: str('r')!, secret: str('s')!, tlsFingerprint: fp };
}
