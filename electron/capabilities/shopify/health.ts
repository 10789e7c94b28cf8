/**
 * Online/offline of one store, from real outcomes only: any HTTP answer means online; a network
 * failure means offline. While offline one request at a time probes (jittered backoff); the others
 * wait here for it instead of hammering a dead link.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Consecutive network failures (no answer in between) that make a store offline. */
export const OFFLINE_AFTER = 5;

export type LinkState = 'unknown' | 'online' | 'offline' | 'unauthorized';

export class StoreHealth {
  state: LinkState = 'unknown';
  since: number | null = null;
  lastError: string | null = null;
  lastOkAt: number | null = null;
  private failures = 0;
  private nextProbeAt = 0;
  private probing = false;

  constructor(
    private readonly wallClock: () => number,
    private readonly opts: { probeBaseMs?: number; probeMaxMs?: number; random?: () => number } = {},
  ) {}

  ok(): void {
    if (this.state !== 'online') this.since = this.wallClock();
    this.state = 'online';
    this.failures = 0;
    this.probing = false;
    this.lastOkAt = this.wallClock();
  }

  unauthorized(message: string): void {
    this.state = 'unauthorized';
    this.lastError = message;
    this.probing = false;
  }

  failed(message: string): void {
    this.lastError = message;
    this.failures++;
    this.probing = false;
    // One lost answer among many good ones is a fault, not an outage.
    if (this.failures < OFFLINE_AFTER && this.state === 'online') return;
    if (this.state !== 'offline') this.since = this.wallClock();
    this.state = 'offline';
    const base = this.opts.probeBaseMs ?? 500;
    const raw = Math.min(this.opts.probeMaxMs ?? 8_000, base * 2 ** Math.min(10, this.failures - 1));
    this.nextProbeAt = performance.now() + raw * (0.8 + 0.4 * (this.opts.random ?? Math.random)());
  }

  /** Resolve when this request may go out; throw after `maxWaitMs` offline (the job retries later). */
  async gate(maxWaitMs: number): Promise<void> {
    const t0 = performance.now();
    while (this.state === 'offline') {
      if (!this.probing && performance.now() >= this.nextProbeAt) {
        this.probing = true;
        return;
      }
      if (performance.now() - t0 > maxWaitMs)
        throw new Error(`Shopify is unreachable (${this.lastError ?? 'no answer'}); the job waits and retries by itself, nothing is lost.`);
      await sleep(Math.min(100, Math.max(5, this.nextProbeAt - performance.now())));
    }
  }
}
