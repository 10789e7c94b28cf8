import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import WebSocket from 'ws';
import { demoApp } from '../../support/app';
import { serveHttp, type Served } from '../../../electron/server/http';
import { channelNames } from '../../../electron/contract/channels';

const TOKEN = 'test-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };

let app: Awaited<ReturnType<typeof demoApp>>;
let served: Served;
let base: string;

beforeAll(async () => {
  app = await demoApp({ runJobs: false, demoOrders: 10 });
  served = await serveHttp(app, { port: 0, token: TOKEN });
  base = `http://127.0.0.1:${served.port}`;
});
afterAll(async () => {
  await served?.close();
  await app?.dispose();
});

const post = (channel: string, body: unknown, headers: Record<string, string> = AUTH) =>
  fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** fetch() will not send a forged Host header; node:http will. */
function rawRequest(path: string, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: served.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('HTTP API: access', () => {
  it('refuses a call without a token: 401 UNAUTHORIZED', async () => {
    const res = await post('app.info', {}, {});
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toContain('Authorization: Bearer <token>');
  });

  it('refuses a wrong token and a token of another length', async () => {
    expect((await post('app.info', {}, { authorization: `Bearer ${TOKEN.replace(/.$/, 'X')}` })).status).toBe(401);
    expect((await post('app.info', {}, { authorization: 'Bearer short' })).status).toBe(401);
    expect((await post('app.info', {}, { authorization: TOKEN })).status).toBe(401);
  });

  it('answers a call with the Bearer token: 200 with the data', async () => {
    const res = await post('app.info', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ mode: 'headless', demo: true, site: { zone: 'Asia/Shanghai' } });
  });

  it('refuses a foreign Host header (DNS rebinding): 403 FORBIDDEN', async () => {
    const r = await rawRequest('/api/app.info', { ...AUTH, host: `evil.example:${served.port}`, 'content-type': 'application/json' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Wrong Host header') });
    // The same request with a loopback Host works.
    const ok = await rawRequest('/api/app.info', { ...AUTH, host: `localhost:${served.port}`, 'content-type': 'application/json' });
    expect(ok.status).toBe(200);
  });

  it('refuses calls from another web page (Origin): 403 FORBIDDEN, even with the token', async () => {
    const res = await post('app.info', {}, { ...AUTH, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'FORBIDDEN', message: 'Calls from other web pages are not allowed.' });
    expect((await post('app.info', {}, { ...AUTH, origin: `http://127.0.0.1:${served.port}` })).status).toBe(200);
  });

  it('GET /?token= sets an HttpOnly SameSite=Strict cookie and redirects; the cookie then authorizes calls', async () => {
    const res = await fetch(`${base}/?token=${encodeURIComponent(TOKEN)}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^firstscan_token=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const pair = cookie.split(';')[0];
    const withCookie = await post('app.info', {}, { cookie: pair });
    expect(withCookie.status).toBe(200);
    expect((await post('app.info', {}, { cookie: 'firstscan_token=nope' })).status).toBe(401);
  });

  it('does not set a cookie for a wrong token', async () => {
    const res = await fetch(`${base}/?token=wrong`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('HTTP API: the contract', () => {
  it('GET /api lists every channel with JSON Schemas of its input and output', async () => {
    expect((await fetch(`${base}/api`)).status).toBe(401);
    const res = await fetch(`${base}/api`, { headers: AUTH });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      channels: Array<{ name: string; summary: string; input: Record<string, unknown>; output: Record<string, unknown> }>;
      pushTypes: Array<{ name: string }>;
    };
    expect(doc.channels.map((c) => c.name).sort()).toEqual([...channelNames].sort());
    const isSchema = (s: Record<string, unknown>) => typeof s === 'object' && s !== null && ['type', 'anyOf', 'oneOf', 'allOf', '$ref'].some((k) => k in s);
    for (const c of doc.channels) {
      expect(c.summary.length, c.name).toBeGreaterThan(0);
      expect(isSchema(c.input), `${c.name} input`).toBe(true);
      expect(isSchema(c.output), `${c.name} output`).toBe(true);
      expect(c.input.type, `${c.name} input is an object`).toBe('object');
      expect(c.input.additionalProperties, `${c.name} input refuses unknown keys`).toBe(false);
    }
    const scan = doc.channels.find((c) => c.name === 'pick.scan')!;
    expect(scan.input).toMatchObject({ type: 'object', required: ['code'], properties: { code: { type: 'string' } } });
    expect(doc.pushTypes.map((p) => p.name).sort()).toEqual(['events.appended', 'jobs.changed', 'notice.open', 'scanner.scan']);
  });

  it('answers a body that is not JSON with 400 BAD_INPUT', async () => {
    const res = await post('pick.scan', '{"code": ');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('BAD_INPUT');
    expect(body.error.message).toMatch(/^The body is not valid JSON \(.+\)\. Send a JSON object\.$/);
  });

  it('answers invalid input with 400 and {error: {code, message, issues}}', async () => {
    const res = await post('pick.reprint', { parcelId: '', reason: 'x', extra: 1 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('BAD_INPUT');
    expect(body.error.message).toContain('Input for pick.reprint is not valid');
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(input)', 'parcelId', 'reason']);
  });

  it('answers an unknown channel with 404, a GET on a channel with 405, and a handler NOT_FOUND with 404', async () => {
    const unknown = await post('pick.teleport', {});
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('NOT_FOUND');
    const get = await fetch(`${base}/api/app.info`, { headers: AUTH });
    expect(get.status).toBe(405);
    expect((await get.json()).error.message).toBe('Use POST /api/app.info with a JSON body.');
    const missing = await post('parcels.get', { id: 'pcl_none' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('Parcel pcl_none not found. Check the number, or search in Parcels.');
  });

  it('treats an empty body as {}', async () => {
    const res = await fetch(`${base}/api/pick.stats`, { method: 'POST', headers: AUTH });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ pickedToday: 0, openOrders: 10 });
  });

  it('says there are no pages when no renderer is served', async () => {
    const res = await fetch(`${base}/index.html`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('the API is at /api');
  });
});

describe('WebSocket /ws', () => {
  /** Resolves with how the upgrade ended: 'open' or the HTTP status of the refusal. */
  function connect(headers: Record<string, string>): Promise<{ ws: WebSocket; outcome: 'open' | number }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${served.port}/ws`, { headers });
      ws.once('open', () => resolve({ ws, outcome: 'open' }));
      ws.once('unexpected-response', (_req, res) => {
        resolve({ ws, outcome: res.statusCode ?? 0 });
        res.resume();
      });
      ws.once('error', () => resolve({ ws, outcome: -1 }));
    });
  }

  it('refuses a connection without the token, or from another origin', async () => {
    const none = await connect({});
    expect(none.outcome).toBe(401);
    const foreign = await connect({ ...AUTH, origin: 'http://evil.example' });
    expect(foreign.outcome).toBe(401);
  });

  it('pushes events.appended to a client with the token after a pick', async () => {
    const { ws, outcome } = await connect(AUTH);
    expect(outcome).toBe('open');
    try {
      const messages: Array<{ push: string; data: unknown }> = [];
      const appended = new Promise<{ push: string; data: Array<{ type: string; subject: string | null }> }>((resolve) => {
        ws.on('message', (raw) => {
          const m = JSON.parse(String(raw));
          messages.push(m);
          if (m.push === 'events.appended') resolve(m);
        });
      });
      const res = await post('pick.scan', { code: '#1001' });
      expect(res.status).toBe(200);
      const pick = await res.json();
      expect(pick.outcome).toBe('issued');
      const m = await appended;
      expect(m.data).toEqual([{ type: 'parcel.picked', subject: pick.parcel.id }]);
      // The pick queued a label, so a jobs.changed push follows with the queue depth.
      await new Promise<void>((resolve) => {
        const done = () => messages.some((x) => x.push === 'jobs.changed') && resolve();
        done();
        ws.on('message', done);
      });
      expect(messages.find((x) => x.push === 'jobs.changed')!.data).toEqual({ queued: 1, dead: 0 });
    } finally {
      ws.close();
    }
  });

  it('accepts the cookie as the token too', async () => {
    const { ws, outcome } = await connect({ cookie: `firstscan_token=${encodeURIComponent(TOKEN)}` });
    expect(outcome).toBe('open');
    ws.close();
  });
});
