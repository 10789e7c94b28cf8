import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app/create';
import { invoke, type Caller } from '../app/invoke';
import { apiDocument } from './api-doc';
import { cspFor, hostAllowed, originAllowed, tokenValid, TOKEN_COOKIE } from './security';
import { staticFile } from './static';

export interface ServeOptions {
  port: number;
  token: string;
  /** Built renderer (out/renderer); without it only the API is served. */
  rendererDir?: string;
  /** Something failed that no request should be able to cause: log it and record it (the process keeps serving). */
  onFault?: (where: string, err: unknown) => void;
  /** Largest request body (default 100 MB: an order file, base64). */
  maxBody?: number;
}

export interface Served {
  port: number;
  url: string;
  close(): Promise<void>;
}

// An order file of 50 MB sent as base64 (the Setup form) is about 67 MB.
const MAX_BODY = 100 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code, message } });

export class BodyTooLarge extends Error {}

/** The body, or BodyTooLarge as soon as it passes `limit` (the rest is not read into memory). */
export async function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's URL, or null when it cannot be one (`GET http://[ HTTP/1.1`). */
function parseUrl(raw: string | undefined, port: number): URL | null {
  try {
    return new URL(raw ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** The request was refused: answer, then drop the connection so the unread body is not parsed as a request. */
function refuseAndClose(res: ServerResponse, status: number, code: string, message: string): void {
  res.setHeader('connection', 'close');
  fail(res, status, code, message);
}

/** The contract over HTTP + WebSocket on 127.0.0.1: browser mode, tests and integrators. */
export async function serveHttp(app: App, opts: ServeOptions): Promise<Served> {
  let port = opts.port;
  const maxBody = opts.maxBody ?? MAX_BODY;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, port)) return fail(res, 403, 'FORBIDDEN', 'Wrong Host header: open the console at http://127.0.0.1:<port>/.');
    if (!originAllowed(req, port)) return fail(res, 403, 'FORBIDDEN', 'Calls from other web pages are not allowed.');
    const url = parseUrl(req.url, port);
    if (!url) return fail(res, 400, 'BAD_INPUT', 'The request line is not a valid URL. Open the console at http://127.0.0.1:<port>/.');

    if (url.pathname.startsWith('/api')) {
      const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : '';
      // The per-install token is the local console's; any other bearer is an integrator's token, checked by invoke().
      const caller: Caller = tokenValid(req, opts.token) ? { kind: 'console' } : { kind: 'token', token: bearer };
      if (caller.kind === 'token' && !bearer)
        return fail(
          res,
          401,
          'UNAUTHORIZED',
          'Missing or wrong token. Open the console with the link printed at start-up, or send Authorization: Bearer <token>.',
        );
      if (url.pathname === '/api' && req.method === 'GET') return send(res, 200, apiDocument());
      const channel = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST') return fail(res, 405, 'BAD_INPUT', `Use POST /api/${channel} with a JSON body.`);
      let input: unknown = {};
      try {
        const text = await readBody(req, maxBody);
        input = text.trim() ? JSON.parse(text) : {};
      } catch (e) {
        if (e instanceof BodyTooLarge)
          return refuseAndClose(res, 413, 'BAD_INPUT', `The body is larger than ${Math.round(maxBody / 1024 / 1024)} MB. Split the file and send it in parts.`);
        return fail(res, 400, 'BAD_INPUT', `The body is not valid JSON (${(e as Error).message}). Send a JSON object.`);
      }
      const r = await invoke(app.handlers, channel, input, caller);
      return r.ok ? send(res, 200, r.data) : send(res, r.status, { error: r.error });
    }

    if (url.searchParams.get('token') === opts.token) {
      res.writeHead(302, {
        location: url.pathname,
        'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return res.end();
    }
    if (!opts.rendererDir) return fail(res, 404, 'NOT_FOUND', 'This server has no console pages; the API is at /api.');
    const file = await staticFile(opts.rendererDir, url.pathname);
    if (file === 'bad-path')
      return fail(res, 400, 'BAD_INPUT', `The address ${url.pathname} is not valid (bad percent-encoding). Open the console at http://127.0.0.1:${port}/.`);
    if (!file) return fail(res, 404, 'NOT_FOUND', `Nothing at ${url.pathname}.`);
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': cspFor(port),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(file.body);
  };
  // No request can stop the console: whatever a handler throws is answered 500 and reported.
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.onFault?.('http', err);
      if (res.headersSent) return res.destroy();
      fail(res, 500, 'INTERNAL', 'The console could not answer this request; it is still running. If it repeats, report it.');
    });
  });
  server.on('clientError', (err, socket) => {
    if (socket.writable && !(err as NodeJS.ErrnoException).code?.startsWith('ECONN')) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const ok = hostAllowed(req, port) && originAllowed(req, port) && tokenValid(req, opts.token) && req.url?.startsWith('/ws');
    if (!ok) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('error', () => ws.terminate());
      ws.on('close', () => clients.delete(ws));
    });
  });
  const onPush = (name: string, data: unknown) => {
    const msg = JSON.stringify({ push: name, data });
    for (const c of clients) if (c.readyState === c.OPEN) c.send(msg);
  };
  app.pushes.on('push', onPush);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      app.pushes.off('push', onPush);
      for (const c of clients) c.terminate();
      wss.close();
      // A browser keeps idle keep-alive connections open: close them, or close() waits forever.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}
