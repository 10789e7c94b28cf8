/**
 * Pacing by cost, per store: an estimate of Shopify's leaky bucket from the throttleStatus of every
 * answer, so requests wait here instead of being THROTTLED there. Shared by every lane of a store.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class CostPacer {
  private available = 0;
  private maximum = 0;
  private restoreRate = 0;
  private at = 0;
  private known = false;
  private reserved = 0;
  private inFlight = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private costs = new Map<string, number>();
  readonly stats = { requests: 0, throttled: 0, pointsSpent: 0, waitedMs: 0 };

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Requested cost of an operation as Shopify last priced it (a high guess before the first answer). */
  costOf(operation: string): number {
    return this.costs.get(operation) ?? 100;
  }

  status(): ThrottleStatus | null {
    return this.known ? { maximumAvailable: this.maximum, currentlyAvailable: Math.floor(this.estimate()), restoreRate: this.restoreRate } : null;
  }

  private estimate(): number {
    return Math.min(this.maximum, this.available + ((this.now() - this.at) / 1000) * this.restoreRate);
  }

  /**
   * Points kept in hand: answers of concurrent requests can arrive out of order, so the estimate
   * may be a few requests too high. The margin absorbs that.
   */
  private margin(cost: number): number {
    return Math.min(this.maximum * 0.1, cost * 20);
  }

  /** Wait until the bucket holds `cost` (plus margin), then reserve it. FIFO, so no lane starves. */
  acquire(cost: number): Promise<void> {
    const turn = this.tail.then(() => this.waitFor(cost));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async waitFor(cost: number): Promise<void> {
    const t0 = this.now();
    for (;;) {
      if (!this.known) {
        // Until the first answer tells us the plan's bucket, send one request at a time.
        if (this.inFlight === 0) break;
        await sleep(5);
        continue;
      }
      const room = this.estimate() - this.reserved;
      const need = cost + this.margin(cost);
      if (room >= need) break;
      await sleep(Math.max(1, Math.ceil(((need - room) / this.restoreRate) * 1000)));
    }
    this.stats.waitedMs += this.now() - t0;
    this.reserved += cost;
    this.inFlight++;
  }

  /** The request is over; learn from its answer (null when there was no answer). */
  settle(operation: string, cost: number, answer: { requested?: number; actual?: number | null; throttle?: ThrottleStatus; throttled?: boolean } | null): void {
    this.reserved -= cost;
    this.inFlight--;
    if (!answer) return;
    this.stats.requests++;
    if (answer.throttled) this.stats.throttled++;
    if (answer.requested) this.costs.set(operation, answer.requested);
    if (answer.actual) this.stats.pointsSpent += answer.actual;
    if (answer.throttle) {
      this.available = answer.throttle.currentlyAvailable;
      this.maximum = answer.throttle.maximumAvailable;
      this.restoreRate = answer.throttle.restoreRate;
      this.at = this.now();
      this.known = true;
    }
  }

  /** Time until `cost` points are back, after a THROTTLED answer. */
  waitAfterThrottle(cost: number): number {
    if (!this.known || this.restoreRate <= 0) return 1000;
    return Math.max(50, Math.ceil(((cost + this.margin(cost) - this.estimate()) / this.restoreRate) * 1000));
  }
}
