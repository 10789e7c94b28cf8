import { JobStopped } from '../../../core/outbox/types';

/**
 * A token bucket on real (monotonic) time: rate limits are about requests per real minute, whatever
 * the console's business clock says (a test clock may jump days ahead).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perMinute: number,
    private readonly capacity = Math.max(1, Math.floor(perMinute / 6)),
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = nowMs();
  }

  private refill() {
    const now = this.nowMs();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
  }

  /** Take a token if one is there; else how many ms until one is. */
  tryTake(): { ok: true } | { ok: false; waitMs: number } {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute) };
  }

  /**
   * Wait for a token (the poll job's own pacing, so the source never has to refuse). A job waiting here
   * when the console stops gives up (`stopping`): nothing was asked yet.
   */
  async take(stopping?: AbortSignal, sleep: (ms: number) => Promise<void> = sleepUnless(stopping)): Promise<void> {
    for (;;) {
      if (stopping?.aborted) throw new JobStopped();
      const t = this.tryTake();
      if (t.ok) return;
      await sleep(t.waitMs);
    }
  }
}

/** Sleep `ms`, or less if `stopping` is aborted first. */
function sleepUnless(stopping?: AbortSignal) {
  return (ms: number) =>
    new Promise<void>((done) => {
      const t = setTimeout(finish, ms);
      stopping?.addEventListener('abort', finish, { once: true });
      function finish() {
        clearTimeout(t);
        stopping?.removeEventListener('abort', finish);
        done();
      }
    });
}
