import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createApp } from '../../../../electron/app/create';
import { credentialsFile } from '../../../../electron/capabilities/site/credentials';
import { tempDir } from '../../../support/app';
import { freePort } from '../../../support/pg';
import { startCli, startConsole, stopChild, type ConsoleProcess } from '../../../support/console-process';
import { startTcpProxy, type TcpProxy } from '../../../support/tcp-proxy';

/**
 * Site mode as it runs on a warehouse floor: a site server (PostgreSQL) and three stations, each its
 * own process on its own data directory, talking to the server through a link the test can cut.
 */
type Station = { name: string; dir: string; proxy: TcpProxy; console: ConsoleProcess; skewMs: number };
type Status = { connected: boolean; unpushed: number; blocks: Array<{ remaining: number }>; clockOffsetMs: number };
type Fingerprint = { events: number; lastHlc: string; hash: string };
type PickResult = { outcome: string; parcel?: { id: string; trackingNumber: string; lineId: string; pickedAt: string } };

let serverDir: string;
let serverPort: number;
let server: Awaited<ReturnType<typeof startCli>>;
let joinCode: string;
const stations: Station[] = [];
let nextOrder = 1001;

async function startServer() {
  server = await startCli(['site', 'server', '--dir', serverDir, '--port', String(serverPort)], /(fsj1\.[\w-]+)/, 90_000);
  joinCode = server.match[1];
}

async function eventually<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < until) {
    try {
      last = await fn();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not reached in ${timeoutMs} ms; last ${JSON.stringify(last)} ${error ?? ''}`);
}

const fingerprints = () => Promise.all(stations.map((s) => s.console.call<Fingerprint>('site.fingerprint')));
const converged = () => eventually('all stations converge', fingerprints, (f) => f.every((x) => x.hash === f[0].hash && x.events === f[0].events), 90_000);

async function pick(s: Station, code = `#${nextOrder++}`) {
  await eventually(
    `${s.name} holds number blocks`,
    () => s.console.call<Status>('site.status'),
    (st) => st.blocks.length >= 3 && st.blocks.every((b) => b.remaining > 0),
  );
  const r = await s.console.call<PickResult>('pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${s.name} ${code}: ${JSON.stringify(r)}`);
  return r.parcel!;
}

async function serve(s: Station) {
  const at = new Date(Date.now() + s.skewMs).toISOString();
  s.console = await startConsole(s.dir, ['--test-clock', at]);
}

const parcels = async (s: Station) => (await s.console.call<{ rows: Array<{ trackingNumber: string }> }>('parcels.list', { limit: 1000 })).rows;

beforeAll(async () => {
  serverDir = tempDir('fs-site-server-');
  serverPort = await freePort();
  await startServer();
  // Station 1 ran alone before (the demo site with its lines and orders); 2 and 3 are new PCs.
  const first = tempDir('fs-site-st1-');
  const app = await createApp({ dataDir: first, mode: 'headless', runJobs: false, demoOrders: 120 });
  await app.close();
  const specs = [
    { name: 'Pick 1', dir: first, skewMs: 5 * 60_000 },
    { name: 'Pick 2', dir: tempDir('fs-site-st2-'), skewMs: -5 * 60_000 },
    { name: 'Dispatch', dir: tempDir('fs-site-st3-'), skewMs: 0 },
  ];
  for (const spec of specs) {
    const joined = await startCli(['site', 'join', joinCode, '--data', spec.dir, '--name', spec.name], /joined|Joined/, 60_000);
    await new Promise((r) => (joined.child.exitCode !== null ? r(null) : joined.child.once('exit', r)));
    // Each station reaches the server through its own link, which the test can cut.
    const proxy = await startTcpProxy(serverPort);
    const creds = JSON.parse(readFileSync(credentialsFile(spec.dir), 'utf8'));
    writeFileSync(credentialsFile(spec.dir), JSON.stringify({ ...creds, host: '127.0.0.1', port: proxy.port }), { mode: 0o600 });
    const s = { ...spec, proxy, console: null as unknown as ConsoleProcess };
    await serve(s);
    stations.push(s);
  }
}, 240_000);

afterAll(async () => {
  for (const s of stations) {
    await s.console?.stop();
    await s.proxy.close();
  }
  if (server) await stopChild(server.child);
}, 120_000);

describe('three station processes and a site server', () => {
  it('picks at two stations and a load at the third converge everywhere, in causal order despite 5-minute clock skew', async () => {
    const [p1, p2, d] = stations;
    const a = [await pick(p1), await pick(p1), await pick(p1)];
    const b = [await pick(p2), await pick(p2), await pick(p2)];
    // Station 1's clock runs about 5 minutes fast, station 2's 5 minutes slow: both are corrected to the server's.
    const offBy = async (st: Station) => {
      const s = await st.console.call<Status & { now: string }>('site.status');
      return { offset: s.clockOffsetMs, error: Math.abs(Date.parse(s.now) - Date.now()) };
    };
    const c1 = await eventually(
      'station 1 on site time',
      () => offBy(p1),
      (c) => c.error < 3_000,
    );
    const c2 = await eventually(
      'station 2 on site time',
      () => offBy(p2),
      (c) => c.error < 3_000,
    );
    expect(c1.offset).toBeLessThan(-4 * 60_000);
    expect(c2.offset).toBeGreaterThan(4 * 60_000);
    // Cut-offs are decided on the time a pick records: the site's, not the station's wrong clock.
    for (const p of [...a, ...b]) expect(Math.abs(Date.parse(p.pickedAt) - Date.now())).toBeLessThan(60_000);
    await converged();
    // The dispatch desk loads a parcel picked at station 1 (whose clock was ahead) a moment later.
    const m = await d.console.call<{ id: string }>('dispatch.open', { lineId: a[0].lineId });
    const loaded = await d.console.call<{ outcome: string }>('dispatch.scan', { manifestId: m.id, code: a[0].trackingNumber, weightGrams: 400 });
    expect(loaded.outcome).toBe('loaded');
    await converged();
    for (const s of stations) {
      const p = await s.console.call<{ parcel: { status: string } }>('parcels.get', { id: a[0].id });
      expect(p.parcel.status).toBe('loaded');
    }
    const numbers = (await parcels(p2)).map((r) => r.trackingNumber);
    expect(numbers).toEqual(expect.arrayContaining([...a, ...b].map((p) => p.trackingNumber)));
    expect(new Set(numbers).size).toBe(numbers.length);
  }, 180_000);

  it('a station cut off for 10 minutes keeps picking; conflicts are surfaced and all converge after', async () => {
    const [p1, p2, d] = stations;
    d.proxy.cut();
    await eventually(
      'dispatch sees it is cut off',
      () => d.console.call<Status>('site.status'),
      (s) => !s.connected,
    );
    await d.console.call('clock.set', { at: new Date(Date.now() + 10 * 60_000).toISOString(), running: true });
    const same = `#${nextOrder++}`;
    await pick(p1, same);
    await pick(d, same);
    for (let i = 0; i < 3; i++) {
      await pick(p1);
      await pick(p2);
      await pick(d);
    }
    const alone = await d.console.call<Status>('site.status');
    expect(alone.unpushed).toBeGreaterThan(0);
    d.proxy.restore();
    await converged();
    for (const s of stations) {
      const open = await s.console.call<Array<{ kind: string; detail: string }>>('site.conflicts', { status: 'open' });
      expect(open.map((c) => c.kind)).toEqual(['order_picked_twice']);
      expect(open[0].detail).toMatch(/Keep one parcel/);
    }
    const numbers = (await parcels(p1)).map((r) => r.trackingNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  }, 180_000);

  it('a server restart mid-stream and a station killed mid-push lose nothing and apply nothing twice', async () => {
    const [p1, p2] = stations;
    const before = (await parcels(p1)).length;
    // The server goes down while station 1 picks; it keeps picking from its blocks.
    const stopping = stopChild(server.child);
    for (let i = 0; i < 5; i++) await pick(p1);
    await stopping;
    for (let i = 0; i < 3; i++) await pick(p1);
    await startServer();
    // Station 2 picks and is killed right away, with its events not yet (all) pushed.
    for (let i = 0; i < 5; i++) await pick(p2);
    await p2.console.kill();
    await serve(p2);
    await converged();
    for (const s of stations) expect((await parcels(s)).length).toBe(before + 13);
    const numbers = (await parcels(p2)).map((r) => r.trackingNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  }, 180_000);
});
