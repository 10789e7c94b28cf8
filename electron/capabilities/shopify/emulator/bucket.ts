/** Leaky bucket per shop: restore rate by plan, size 20× the restore rate, injectable clock. */
import type { Plan } from './model';

export const RESTORE_RATE: Readonly<Record<Plan, number>> = { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 };
export const BUCKET_MULTIPLIER = 20;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  readonly restoreRate: number;
  readonly maximumAvailable: number;
  private available: number;
  private last: number;

  constructor(
    plan: Plan = 'standard',
    private readonly clock: () => number = Date.now,
  ) {
    this.restoreRate = RESTORE_RATE[plan];
    this.maximumAvailable = this.restoreRate * BUCKET_MULTIPLIER;
    this.available = this.maximumAvailable;
    this.last = clock();
  }

  private refill(): void {
    const now = this.clock();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.available = Math.min(this.maximumAvailable, this.available + elapsed * this.restoreRate);
  }

  /** Takes `cost` points when the bucket holds them; false (nothing taken) otherwise. */
  tryTake(cost: number): boolean {
    this.refill();
    if (this.available < cost) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }
}

/** One bucket per shop domain. */
export class BucketRegistry {
  private buckets = new Map<string, LeakyBucket>();
  constructor(
    private readonly plan: Plan,
    private readonly clock: () => number,
  ) {}
  for(shop: string): LeakyBucket {
    let b = this.buckets.get(shop);
    if (!b) this.buckets.set(shop, (b = new LeakyBucket(this.plan, this.clock)));
    return b;
  }
}
