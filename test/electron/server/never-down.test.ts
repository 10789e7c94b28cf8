import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoApp, tempDir } from '../../support/app';
import { serveHttp, type Served } from '../../../electron/server/http';
import { startConsole, type ConsoleProcess } from '../../support/console-process';

const TOKEN = 'test-token-0123456789abcdef';

/** Send bytes as they are (no client library would send these), return what came back before the close. */
function raw(port: number, text: string, wait = 3_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    const t = setTimeout(() => (s.destroy(), resolve(got)), wait);
    s.on('data', (d) => {
      got += d.toString('latin1');
      const end = got.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(got)?.[1] ?? NaN);
      if ((end >= 0 && got.length - end - 4 >= length) || (end >= 0 && got.endsWith('\r\n0\r\n\r\n'))) (clearTimeout(t), s.end(), resolve(got));
    });
    s.on('error', (e) => (clearTimeout(t), got ? resolve(got) : reject(e)));
    s.on('close', () => (clearTimeout(t), resolve(got)));
    s.write(text);
  });
}
const statusOf = (reply: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 0);

describe('no request can stop the console (in process)', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  let served: Served;
  const faults: string[] = [];
  let host = '';
  beforeAll(async () => {
    app = await demoApp({ runJobs: false, demoOrders: 3 });
    const pages = tempDir('fs-pages-');
    mkdirSync(join(pages, 'assets'));
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>console</title>');
    served = await serveHttp(app, { port: 0, token: TOKEN, rendererDir: pages, maxBody: 4096, onFault: (w) => faults.push(w) });
    host = `127.0.0.1:${served.port}`;
  });
  afterAll(async () => {
    await served?.close();
    await app?.dispose();
  });
  const stillAnswers = async () => {
    const res = await fetch(`http://${host}/api/app.info`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
    expect(res.status).toBe(200);
  };

  it('an absolute URL that is not one (GET http://[): 400, and the console answers after it', async () => {
    const r = await raw(served.port, `GET http://[ HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(statusOf(r)).toBe(400);
    expect(r).toContain('not a valid URL');
    await stillAnswers();
  });

  it('bad percent-encoding in a page path (/%E0%A4%A): 400', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%C0', '/%00']) {
      const r = await raw(served.port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(statusOf(r), path).toBe(400);
    }
    await stillAnswers();
  });

  it('a malformed token cookie: 401 on the API and on the WebSocket upgrade, not a crash', async () => {
    const api = await raw(served.port, `POST /api/app.info HTTP/1.1\r\nHost: ${host}\r\nCookie: firstscan_token=%E0%A4%A\r\nContent-Length: 2\r\n\r\n{}`);
    expect(statusOf(api)).toBe(401);
    const ws = await raw(
      served.port,
      `GET /ws HTTP/1.1\r\nHost: ${host}\r\nCookie: firstscan_token=%E0%A4%A\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(statusOf(ws)).toBe(401);
    await stillAnswers();
  });

  it('a body over the limit: 413 (declared or streamed), not 400 "not valid JSON"', async () => {
    const declared = await raw(
      served.port,
      `POST /api/app.info HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 999999\r\n\r\n{`,
    );
    expect(statusOf(declared)).toBe(413);
    expect(declared).toContain('larger than');
    const big = 'x'.repeat(5000);
    const chunked = await raw(
      served.port,
      `POST /api/app.info HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expect(statusOf(chunked)).toBe(413);
    await stillAnswers();
  });

  it('garbage that is not HTTP, a header too long, a method unknown: answered or closed, never a crash', async () => {
    await raw(served.port, '\x00\x01\x02 hello\r\n\r\n', 1_000);
    await raw(served.port, `GET / HTTP/1.1\r\nHost: ${host}\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`, 1_000);
    const r = await raw(served.port, `BREW /api/app.info HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 1_000);
    expect(statusOf(r)).toBeGreaterThanOrEqual(400);
    await stillAnswers();
    expect(faults).toEqual([]);
  });
});

describe('no request can stop the console (a real `serve` process)', () => {
  let c: ConsoleProcess;
  beforeAll(async () => {
    c = await startConsole(tempDir(), ['--no-demo']);
  }, 60_000);
  afterAll(async () => c?.stop());

  it('survives GET http://[ and a bad path, and still answers', async () => {
    const port = Number(new URL(c.url).port);
    const host = `127.0.0.1:${port}`;
    expect(statusOf(await raw(port, `GET http://[ HTTP/1.1\r\nHost: ${host}\r\n\r\n`))).toBe(400);
    expect(statusOf(await raw(port, `GET /%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\n\r\n`))).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 300));
    const info = await c.call<{ station: { id: string } }>('app.info');
    expect(info.station.id).toBeTruthy();
    const health = await c.call<{ faults: { count: number } }>('station.health');
    expect(health.faults.count).toBe(0);
  });
});
