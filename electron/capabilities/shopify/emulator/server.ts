/**
 * HTTP front of the emulator: plain node:http on 127.0.0.1 serving
 * POST /admin/api/<version>/graphql.json, with auth, faults and a cut-network switch.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { loadSchema } from './schema';
import { EmulatorState, type FulfillmentEventView } from './state';
import { BucketRegistry } from './bucket';
import { createRootValue } from './resolvers';
import { runGraphQL } from './engine';
import { FaultPlan, serverErrorHtml, type FaultKind } from './faults';
import { UNAUTHORIZED_BODY } from './errors';
import { StatePersister, loadSnapshot } from './persist';
import type { BuyerMailRecord, Plan } from './model';
import type { ConnectionScaling } from './cost';

export interface ShopifyEmulatorOptions {
  port?: number;
  host?: '127.0.0.1';
  plan?: Plan;
  /** Fault rate 0..1 (all kinds unless `faultKinds`). */
  faults?: number;
  faultKinds?: FaultKind[];
  /** Orders seeded at start (default 25). */
  orders?: number;
  seed?: number;
  shopDomain?: string;
  accessToken?: string;
  clock?: () => number;
  schemaPath?: string;
  costScaling?: ConnectionScaling;
  /** How long a 'timeout-*' fault holds the socket before destroying it (default: until close()). */
  hangMs?: number;
  /** Network round trip added to every answer (ms), like a warehouse PC far from Shopify (default 0). */
  latencyMs?: number;
  /**
   * Keep the store's state in this JSON file: loaded at start when it exists (no seeding then),
   * saved after writes (debounced, atomically) and on close.
   */
  statePath?: string;
  /**
   * Fills a new store (no state file yet) instead of the generated orders, before its first save:
   * a kill at any point never leaves a state file without them.
   */
  seedState?: (state: EmulatorState) => void;
}

export interface EmulatorStats {
  requests: number;
  throttled: number;
  pointsSpent: number;
  unauthorized: number;
  invalid: number;
  maxCostExceeded: number;
  mutationsApplied: number;
  refusedOffline: number;
  faults: Record<FaultKind, number>;
  schemaBuildMs: number;
}

export interface ShopifyEmulator {
  url: string;
  shopDomain: string;
  accessToken: string;
  graphqlUrl(version: string): string;
  state: EmulatorState;
  setOffline(b: boolean): void;
  setFaults(rate: number, kinds?: FaultKind[]): void;
  stats(): EmulatorStats;
  /** The e-mails Shopify would have sent buyers so far (also GET /emulator/mails). */
  mails(): BuyerMailRecord[];
  /** Every fulfillment event Shopify took, in order, with its order and tracking (also GET /emulator/events). */
  fulfillmentEvents(): FulfillmentEventView[];
  /** Save the state now (with `statePath`); changes made through `state` directly call this. */
  saveState(): void;
  /** True when the state came from `statePath` rather than seeding. */
  restored: boolean;
  close(): Promise<void>;
}

const PATH_RE = /^\/admin\/api\/([0-9]{4}-[0-9]{2}|unstable)\/graphql\.json$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': randomBytes(8).toString('hex'),
  });
  res.end(text);
}

export async function startShopifyEmulator(opts: ShopifyEmulatorOptions = {}): Promise<ShopifyEmulator> {
  const clock = opts.clock ?? Date.now;
  const plan = opts.plan ?? 'standard';
  const loaded = loadSchema({ path: opts.schemaPath });
  const shopDomain = opts.shopDomain ?? 'firstscan-demo.myshopify.com';
  const accessToken = opts.accessToken ?? `shpat_${randomBytes(16).toString('hex')}`;
  const state = new EmulatorState({ shopDomain, plan, clock });
  const saved = opts.statePath ? loadSnapshot(opts.statePath) : undefined;
  if (saved) {
    state.restore(saved);
    state.shop.plan = plan;
  } else if (opts.seedState) opts.seedState(state);
  else state.seedOrders(opts.orders ?? 25, opts.seed ?? 1);
  const persister = opts.statePath ? new StatePersister(state, opts.statePath) : null;
  if (persister && !saved) persister.flush();
  const rootValue = createRootValue(state, loaded.schema);
  const buckets = new BucketRegistry(plan, clock);
  const faults = new FaultPlan(opts.faults ?? 0, opts.faultKinds, opts.seed ?? 1);
  let offline = false;
  const sockets = new Set<Socket>();
  const hung = new Set<Socket>();
  const stats: EmulatorStats = {
    requests: 0,
    throttled: 0,
    pointsSpent: 0,
    unauthorized: 0,
    invalid: 0,
    maxCostExceeded: 0,
    mutationsApplied: 0,
    refusedOffline: 0,
    faults: { drop: 0, 'timeout-before': 0, 'timeout-after': 0, '5xx': 0, throttled: 0, slow: 0 },
    schemaBuildMs: loaded.firstBuildMs,
  };

  const hang = (socket: Socket) => {
    hung.add(socket);
    if (opts.hangMs !== undefined) setTimeout(() => socket.destroy(), opts.hangMs).unref();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (offline) {
      stats.refusedOffline++;
      req.socket.destroy();
      return;
    }
    stats.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Not a Shopify endpoint: the record of the e-mails this store would have sent buyers (tests,
    // demo). Loopback only and without CORS headers, so no web page can read it.
    if (url.pathname === '/emulator/mails' && req.method === 'GET') return sendJson(res, 200, { mails: state.mails });
    if (url.pathname === '/emulator/events' && req.method === 'GET') return sendJson(res, 200, { events: state.fulfillmentEvents() });
    if (!PATH_RE.test(url.pathname)) return sendJson(res, 404, { errors: 'Not Found' });
    if (req.method !== 'POST') return sendJson(res, 405, { errors: 'Method Not Allowed' });
    if (req.headers['x-shopify-access-token'] !== accessToken) {
      stats.unauthorized++;
      await readBody(req).catch(() => '');
      return sendJson(res, 401, UNAUTHORIZED_BODY);
    }
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { errors: { query: 'Required parameter missing or invalid' } });
    }
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    const fault = faults.next();
    if (fault) stats.faults[fault]++;
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === 'timeout-before') return hang(req.socket);
    if (fault === '5xx') {
      const status = faults.serverErrorStatus();
      const html = serverErrorHtml(status);
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
      return void res.end(html);
    }
    const result = await runGraphQL(
      { schema: loaded.schema, rootValue, bucket: buckets.for(shopDomain), forceThrottle: fault === 'throttled', cost: { scaling: opts.costScaling } },
      body,
    );
    if (result.outcome === 'throttled') stats.throttled++;
    if (result.outcome === 'invalid') stats.invalid++;
    if (result.outcome === 'max-cost') stats.maxCostExceeded++;
    if (result.outcome === 'ok') {
      stats.pointsSpent += result.actual;
      if (result.isMutation) {
        stats.mutationsApplied++;
        persister?.changed();
      }
    }
    if (fault === 'timeout-after') return hang(req.socket);
    if (fault === 'slow') await new Promise((r) => setTimeout(r, faults.slowDelayMs()));
    sendJson(res, result.status, result.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [
            { message: 'Internal error. Looks like something went wrong on our end.', extensions: { code: 'INTERNAL_SERVER_ERROR', detail: String(e) } },
          ],
        });
    });
  });
  server.on('connection', (socket: Socket) => {
    if (offline) {
      stats.refusedOffline++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      hung.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    shopDomain,
    accessToken,
    graphqlUrl: (version: string) => `${base}/admin/api/${version}/graphql.json`,
    state,
    setOffline(b: boolean) {
      offline = b;
      if (b) for (const s of sockets) s.destroy();
    },
    setFaults(rate: number, kinds?: FaultKind[]) {
      faults.set(rate, kinds);
    },
    stats: () => ({ ...stats, faults: { ...stats.faults } }),
    mails: () => structuredClone(state.mails),
    fulfillmentEvents: () => state.fulfillmentEvents(),
    saveState: () => persister?.flush(),
    restored: !!saved,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        persister?.close();
        server.close(() => resolve());
      }),
  };
}
