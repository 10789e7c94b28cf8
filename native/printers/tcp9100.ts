import net from 'node:net';
import { codeForSocketError, printerErrorFor, type PrinterError } from './errors';

export { PrinterError } from './errors';
export type { PrinterErrorCode } from './errors';

/**
 * Send one job to a raw TCP (port 9100, "JetDirect") printer: connect, write everything, half-close,
 * then wait for the printer to close its side — the only end-to-end sign it read the whole job.
 *
 * connectTimeoutMs bounds the TCP connect; idleTimeoutMs bounds any stretch without progress
 * afterwards, including the wait for the printer to close. A printer that takes the bytes but
 * never closes ends in TIMEOUT with `sent: true` (the label may have printed).
 */
export async function sendRaw9100(
  target: { host: string; port: number },
  data: string | Buffer,
  opts?: { connectTimeoutMs?: number; idleTimeoutMs?: number },
): Promise<{ bytes: number; ms: number }> {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const connectTimeoutMs = opts?.connectTimeoutMs ?? 5_000;
  const idleTimeoutMs = opts?.idleTimeoutMs ?? 15_000;
  const where = `${target.host}:${target.port}`;
  const started = performance.now();

  return new Promise((resolve, reject) => {
    let connected = false;
    let finished = false;
    let settled = false;
    const socket = net.connect({ host: target.host, port: target.port });

    const fail = (err: PrinterError) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      socket.destroy();
      reject(err);
    };
    const connectTimer = setTimeout(() => fail(printerErrorFor('TIMEOUT', where, false)), connectTimeoutMs);

    socket.once('connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      socket.setTimeout(idleTimeoutMs);
      socket.end(payload);
    });
    socket.once('finish', () => (finished = true));
    socket.on('data', () => undefined); // printers may send status bytes; drain them
    socket.on('timeout', () => fail(printerErrorFor('TIMEOUT', where, finished)));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const code = codeForSocketError(err.code ?? (connected ? 'ECONNRESET' : undefined));
      fail(printerErrorFor(code, where, finished, err));
    });
    socket.once('close', () => {
      if (settled) return;
      if (!finished) return fail(printerErrorFor('RESET', where, false));
      settled = true;
      resolve({ bytes: payload.length, ms: performance.now() - started });
    });
  });
}
