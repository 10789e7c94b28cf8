/** The one source of "now" for services. Tests and the e2e test clock replace it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move; `offsetFrom` keeps it ticking from a chosen instant. */
export class SettableClock implements Clock {
  private offsetMs = 0;
  private frozen: number | null;

  constructor(start?: Date | number, private readonly base: Clock = systemClock) {
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
