// What the two emulators share: the world, scripted scans (demo), the source's own rate limit and
// its occasional outages, all deterministic from the seed.
import { DateTime } from 'luxon';
import type { Clock } from '../../../core/clock';
import { physicalScans, reportedAtMs, rngFor, type PhysicalScan, type SourceProfile, type WorldLookup, type WorldParcel } from './world';
import { TokenBucket } from './rate-limit';
import { giveBack } from '../../../core/give-back';

/** An HTTP-like refusal from an emulated endpoint. */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

/** Scans a demo or a test makes the emulated carrier do now (kept in memory, per console). */
export class ScriptBook {
  private byNumber = new Map<string, PhysicalScan[]>();
  add(trackingNumber: string, scan: Omit<PhysicalScan, 'idx'>): void {
    const list = this.byNumber.get(trackingNumber) ?? [];
    list.push({ ...scan, idx: 1000 + list.length });
    this.byNumber.set(trackingNumber, list);
  }
  of(trackingNumber: string): PhysicalScan[] {
    return this.byNumber.get(trackingNumber) ?? [];
  }
}

export interface EmulatorOptions {
  id: string;
  seed: number;
  clock: Clock;
  world: WorldLookup;
  script: ScriptBook;
  ratePerMin: number;
  batchSize: number;
  /** Share of requests answered 503 (deterministic per request count). */
  outageRate?: number;
  /** Real-time source for the rate limit (tests pass a fake). */
  realNowMs?: () => number;
}

export abstract class EmulatedEndpoint {
  protected readonly bucket: TokenBucket;
  private calls = 0;

  constructor(
    protected readonly o: EmulatorOptions,
    private readonly profile: SourceProfile,
  ) {
    this.bucket = new TokenBucket(o.ratePerMin, undefined, o.realNowMs);
  }

  /** Every request: batch size, rate limit, and the odd outage. */
  protected admit(numbers: string[]): void {
    if (numbers.length === 0 || numbers.length > this.o.batchSize)
      throw new EmulatorHttpError(400, `send 1 to ${this.o.batchSize} numbers per request (got ${numbers.length})`);
    const t = this.bucket.tryTake();
    if (!t.ok) throw new EmulatorHttpError(429, 'Too Many Requests', t.waitMs);
    const n = this.calls++;
    if (rngFor(this.o.seed, `outage:${this.o.id}:${n}`)() < (this.o.outageRate ?? 0.02)) throw new EmulatorHttpError(503, 'Service Unavailable');
  }

  /**
   * One answer per number, as of the instant the request came in. The emulated source computes each
   * number's world in its own turn of the event loop: it runs in the console's process, where a whole
   * batch at once (40 numbers, 100-500 ms on a loaded 100k station) held every scan behind it.
   */
  protected async perNumber<T>(numbers: string[], answer: (n: string, nowMs: number) => T): Promise<T[]> {
    const nowMs = this.o.clock.now().getTime();
    const out: T[] = [];
    for (const [i, n] of numbers.entries()) {
      if (i > 0) await giveBack();
      out.push(answer(n, nowMs));
    }
    return out;
  }

  /** The scans this source shows for a parcel at this instant. */
  protected visible(p: WorldParcel, now = this.o.clock.now().getTime()): PhysicalScan[] {
    return physicalScans(this.o.seed, p, this.o.script.of(p.trackingNumber)).filter((s) => {
      const at = reportedAtMs(this.o.seed, this.o.id, this.profile, p, s);
      return at !== null && at <= now && s.atMs <= now;
    });
  }

  /** Carriers answer in the origin facility's local time, with its offset. */
  protected localTime(ms: number, zone: string): string {
    return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  }
}
