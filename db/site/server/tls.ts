import { connect as netConnect, isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { createHash } from 'node:crypto';

/** SHA-256 of a certificate's DER bytes: hex, lower case, no colons. */
export function fingerprintOfDer(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

function derToPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trim()}\n-----END CERTIFICATE-----\n`;
}

/** PostgreSQL's SSLRequest: length 8, code 80877103. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * Ask the server for its certificate without authenticating: null when the server has no TLS.
 * Self-signed certificates are expected, so nothing is trusted here; callers compare fingerprints.
 */
export function probeServerCertificate(host: string, port: number, timeoutMs = 10_000): Promise<{ der: Buffer; fingerprint: string } | null> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    const timer = setTimeout(() => fail(new Error(`No answer from ${host}:${port} within ${timeoutMs / 1000} s`)), timeoutMs);
    let done = false;
    const finish = (v: { der: Buffer; fingerprint: string } | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    };
    socket.once('error', fail);
    socket.once('connect', () => socket.write(SSL_REQUEST));
    socket.once('data', (b) => {
      if (b[0] === 0x4e) return finish(null); // 'N'
      if (b[0] !== 0x53) return fail(new Error(`${host}:${port} is not a PostgreSQL server`)); // not 'S'
      socket.removeListener('error', fail);
      const t = tlsConnect({ socket, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }) });
      t.once('error', fail);
      t.once('secureConnect', () => {
        const cert: PeerCertificate = t.getPeerCertificate();
        t.destroy();
        if (!cert?.raw) return fail(new Error(`${host}:${port} sent no certificate`));
        finish({ der: cert.raw, fingerprint: fingerprintOfDer(cert.raw) });
      });
    });
  });
}

/**
 * TLS options that trust exactly the certificate with this fingerprint (fetched by a probe, then pinned as
 * the only CA), whatever its name: the site server's certificate is self-signed.
 */
export async function pinnedTls(host: string, port: number, fingerprint: string): Promise<ConnectionOptions> {
  const cert = await probeServerCertificate(host, port);
  if (!cert) {
    throw new Error(`The site server at ${host}:${port} has no TLS, but the join code says it had: ask the site admin for a fresh join code`);
  }
  if (cert.fingerprint !== fingerprint) {
    throw new Error(
      `The site server at ${host}:${port} presents a different certificate than the join code names (${cert.fingerprint.slice(0, 16)}… instead of ${fingerprint.slice(0, 16)}…). ` +
        'Someone may be in between; if the server was reinstalled, join again with its new code.',
    );
  }
  return {
    ca: derToPem(cert.der),
    rejectUnauthorized: true,
    checkServerIdentity: (_host, peer) =>
      peer.raw && fingerprintOfDer(peer.raw) === fingerprint ? undefined : new Error('The site server certificate does not match the pinned fingerprint'),
  };
}
