import { createAdminApiClient } from '@shopify/admin-api-client';
import type { CostPacer, ThrottleStatus } from './pacer';
import type { StoreHealth } from './health';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * not-sent: the request surely did not reach Shopify (connection refused, DNS) - retry freely.
 * unknown: it may have been applied (timeout, reset after send, 5xx) - look before retrying a write.
 * refused: Shopify answered with errors it will answer again (invalid id, access denied).
 */
export type FailureKind = 'not-sent' | 'unknown' | 'refused' | 'unauthorized';

export class ShopifyRequestError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
  ) {
    super(message);
  }
}

export interface ShopifyConnection {
  shopDomain: string;
  apiVersion: string;
  accessToken: string;
  /** The network: global fetch, or one that reaches the emulator. */
  fetch?: FetchLike;
  /** Give up waiting for an answer after this long (then the outcome is unknown). */
  timeoutMs?: number;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

/** Tag network failures with what they mean for a retry; the client only keeps the message. */
function classifyingFetch(base: FetchLike): FetchLike {
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const code = err.cause?.code ?? (err.name === 'TimeoutError' || err.name === 'AbortError' ? 'TIMEOUT' : undefined);
      const kind = code && NOT_SENT.has(code) ? 'not-sent' : 'unknown';
      throw new Error(`[${kind}] ${code === 'TIMEOUT' ? 'no answer in time' : (err.cause?.message ?? err.message)}`);
    }
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  data?: unknown;
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
  errors?: { networkStatusCode?: number; message?: string; graphQLErrors?: Array<{ message: string; extensions?: { code?: string } }>; response?: Response };
}

/**
 * One store's Admin GraphQL API through @shopify/admin-api-client, covering its weak spots: THROTTLED
 * comes as HTTP 200 (handled here, not by its retry), Retry-After is seconds, requests are paced
 * by cost, and network failures are classified. Main process only (the client refuses a `window`).
 */
export class ShopifyClient {
  private readonly client: ReturnType<typeof createAdminApiClient>;
  private readonly timeoutMs: number;

  constructor(
    conn: ShopifyConnection,
    readonly pacer: CostPacer,
    readonly health: StoreHealth,
  ) {
    this.timeoutMs = conn.timeoutMs ?? 20_000;
    this.client = createAdminApiClient({
      storeDomain: conn.shopDomain,
      apiVersion: conn.apiVersion,
      accessToken: conn.accessToken,
      customFetchApi: classifyingFetch(conn.fetch ?? fetch),
      retries: 0,
      logger: () => {},
    });
  }

  /** Run one operation; resolves with `data` or throws ShopifyRequestError. */
  async request<T>(operation: string, document: string, variables?: Record<string, unknown>, opts: { maxGateWaitMs?: number } = {}): Promise<T> {
    for (;;) {
      await this.health.gate(opts.maxGateWaitMs ?? 20_000);
      const cost = this.pacer.costOf(operation);
      await this.pacer.acquire(cost);
      let r: Answer;
      try {
        r = (await this.client.request(document, { variables, signal: AbortSignal.timeout(this.timeoutMs) })) as Answer;
      } catch (e) {
        this.pacer.settle(operation, cost, null);
        this.health.failed((e as Error).message);
        throw new ShopifyRequestError(`Shopify did not answer: ${(e as Error).message}`, 'unknown');
      }
      const c = r.extensions?.cost;
      const gql = r.errors?.graphQLErrors ?? [];
      const throttled = gql.some((g) => g.extensions?.code === 'THROTTLED');
      const status = r.errors?.networkStatusCode;
      this.pacer.settle(
        operation,
        cost,
        status || r.data ? { requested: c?.requestedQueryCost, actual: c?.actualQueryCost, throttle: c?.throttleStatus, throttled } : null,
      );

      if (!r.errors) {
        this.health.ok();
        return r.data as T;
      }
      if (status === undefined) {
        // No HTTP answer at all: the network failed.
        const msg = r.errors.message ?? 'network error';
        this.health.failed(msg.replace(/^.*?\[(not-sent|unknown)\]\s*/, ''));
        const kind = /\[not-sent\]/.test(msg) ? 'not-sent' : 'unknown';
        throw new ShopifyRequestError(`Shopify is unreachable: ${msg.replace(/^.*?\[(not-sent|unknown)\]\s*/, '')}`, kind);
      }
      if (status === 401 || status === 403) {
        const msg = `Shopify refused the access token (HTTP ${status}). Reconnect the store in Sync with a valid Admin API token.`;
        this.health.unauthorized(msg);
        throw new ShopifyRequestError(msg, 'unauthorized');
      }
      this.health.ok();
      if (throttled) {
        await sleep(this.pacer.waitAfterThrottle(cost));
        continue;
      }
      if (status === 429 || status >= 500) {
        const after = Number(r.errors.response?.headers.get('Retry-After'));
        const waitMs = Number.isFinite(after) && after > 0 ? after * 1000 : 0;
        if (status === 429) {
          await sleep(waitMs || 1000);
          continue;
        }
        if (waitMs) await sleep(Math.min(waitMs, 10_000));
        throw new ShopifyRequestError(`Shopify answered HTTP ${status}; the change may or may not have been applied.`, 'unknown');
      }
      if (r.data && gql.length === 0) return r.data as T;
      const detail = gql.map((g) => g.message).join('; ') || r.errors.message || `HTTP ${status}`;
      throw new ShopifyRequestError(`Shopify refused the request: ${detail}`, 'refused');
    }
  }
}
