/** The one source of "now" for services. Tests and the e2e test clock replace it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move; `offsetFrom` keeps it ticking from a chosen instant. */
export class SettableClock implements Clock {
  private offsetMs = 0;
  private frozen: number | null;

  constructor(
    start?: Date | number,
    private readonly base: Clock = systemClock,
  ) {
    this.frozen = start === undefined ? null : +start;
  }

  now(): Date {
    if (this.frozen !== null) return new Date(this.frozen);
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** Freeze at an instant. */
  set(at: Date | number): void {
    this.frozen = +at;
  }

  /** Keep running, but from `at` onwards. */
  runFrom(at: Date | number): void {
    this.frozen = null;
    this.offsetMs = +at - this.base.now().getTime();
  }

  advance(ms: number): void {
    if (this.frozen !== null) this.frozen += ms;
    else this.offsetMs += ms;
  }
}

/**
 * Site mode: a station's own clock corrected by its measured offset from the site server, so
 * cut-off decisions at a station whose clock is minutes off are still made on the site's time.
 */
export class SiteClock implements Clock {
  offsetMs = 0;

  constructor(readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /**
   * A reading of the server's clock taken between two local instants. Readings over a slow round
   * trip are ignored, and small changes too, so the corrected time does not jitter.
   */
  observe(serverMs: number, sentAt: number, receivedAt: number): boolean {
    const rtt = receivedAt - sentAt;
    if (rtt < 0 || rtt > 1000) return false;
    const offset = serverMs - (sentAt + rtt / 2);
    if (Math.abs(offset - this.offsetMs) < 500) return false;
    this.offsetMs = Math.round(offset);
    return true;
  }
}
