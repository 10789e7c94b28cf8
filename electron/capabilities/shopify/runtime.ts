import type { ServiceContext } from '../../core/context';
import { ApiError } from '../../core/errors';
import { CostPacer } from './pacer';
import { StoreHealth } from './health';
import { ShopifyClient, type FetchLike } from './client';
import type { SecretStore } from './secrets';
import type { ShopifyRequestData } from '../../../db/shopify/events';

export interface RuntimeSettings {
  /** Answer timeout per request; after it the outcome of a write is unknown. */
  timeoutMs: number;
  /** Lanes (orders) worked at once across all stores. */
  concurrency: number;
  backoff: { baseMs: number; maxMs: number };
  /** How long a request waits for an offline store before its job fails and backs off. */
  maxGateWaitMs: number;
}

export interface IntakeProgress {
  running: boolean;
  pages: number;
  seen: number;
  imported: number;
  error: string | null;
}

/** Reach a URL on loopback (an emulated store): @shopify/admin-api-client always builds https://<domain>. */
export function loopbackFetch(endpoint: string, base: FetchLike = fetch): FetchLike {
  const target = new URL(endpoint);
  return (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    url.protocol = target.protocol;
    url.host = target.host;
    return base(url.href, init);
  };
}

/**
 * The live, per-app side of the capability: one client, pacer and link state per store, the
 * intake progress, and the jobs a crashed run had in flight. Nothing here is the source of truth.
 */
export class ShopifyRuntime {
  readonly settings: RuntimeSettings = { timeoutMs: 20_000, concurrency: 16, backoff: { baseMs: 1_000, maxMs: 30_000 }, maxGateWaitMs: 20_000 };
  readonly uncertain = new Set<string>();
  /** The job may have reached Shopify already (an earlier attempt, a crashed run, a restored copy): look before sending. */
  mayHaveRun(job: { id: string; attempts: number }): boolean {
    return job.attempts > 0 || this.uncertain.has(job.id);
  }
  readonly intake = new Map<string, IntakeProgress>();
  /** Fulfillment requests last listed, by `<store>|<fo gid>`: what an answer records about its order. */
  readonly requests = new Map<string, ShopifyRequestData>();
  private readonly clients = new Map<string, ShopifyClient>();
  private readonly pacers = new Map<string, CostPacer>();
  private readonly healths = new Map<string, StoreHealth>();
  private readonly endpoints = new Map<string, string>();

  constructor(
    readonly ctx: ServiceContext,
    readonly secrets: SecretStore,
  ) {}

  configure(s: Partial<RuntimeSettings>): void {
    Object.assign(this.settings, s);
    this.clients.clear();
  }

  /** Route a store to a loopback endpoint for this run only (the demo store's port changes per start). */
  setEndpoint(storeId: string, url: string): void {
    this.endpoints.set(storeId, url);
    this.clients.delete(storeId);
  }

  forget(storeId: string): void {
    this.clients.delete(storeId);
  }

  health(storeId: string): StoreHealth {
    let h = this.healths.get(storeId);
    if (!h) this.healths.set(storeId, (h = new StoreHealth(() => this.ctx.clock.now().getTime())));
    return h;
  }

  /** One pacer per shop: Shopify's bucket is per shop and app. */
  pacer(shopDomain: string): CostPacer {
    let p = this.pacers.get(shopDomain);
    if (!p) this.pacers.set(shopDomain, (p = new CostPacer()));
    return p;
  }

  fetchFor(endpoint: string | null): FetchLike | undefined {
    return endpoint ? loopbackFetch(endpoint) : undefined;
  }

  client(storeId: string): ShopifyClient {
    const hit = this.clients.get(storeId);
    if (hit) return hit;
    const store = this.ctx.store.read.shopify.store(storeId);
    if (!store) throw new ApiError('NOT_FOUND', `Store ${storeId} is not connected. Connect it in Sync.`);
    const token = this.secrets.get(storeId);
    if (!token) throw new ApiError('UNAUTHORIZED', `This station has no access token for ${store.shopDomain}. Connect the store again in Sync.`);
    const endpoint = this.endpoints.get(storeId) ?? store.endpoint;
    const c = new ShopifyClient(
      { shopDomain: store.shopDomain, apiVersion: store.apiVersion, accessToken: token, fetch: this.fetchFor(endpoint), timeoutMs: this.settings.timeoutMs },
      this.pacer(store.shopDomain),
      this.health(storeId),
    );
    this.clients.set(storeId, c);
    return c;
  }
}

const runtimes = new WeakMap<object, ShopifyRuntime>();

/** The runtime of one app (keyed by its AppEnv): tests run several apps in one process. */
export function runtimeOf(key: object, make: () => ShopifyRuntime): ShopifyRuntime {
  let r = runtimes.get(key);
  if (!r) runtimes.set(key, (r = make()));
  return r;
}

export function existingRuntime(key: object): ShopifyRuntime | undefined {
  return runtimes.get(key);
}
