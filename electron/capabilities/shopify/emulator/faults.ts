/** Deterministic fault injection for the HTTP layer. */
import { createRng, intBetween, type Rng } from './random';

export type FaultKind = 'drop' | 'timeout-before' | 'timeout-after' | '5xx' | 'throttled' | 'slow';
export const ALL_FAULT_KINDS: readonly FaultKind[] = ['drop', 'timeout-before', 'timeout-after', '5xx', 'throttled', 'slow'];

export class FaultPlan {
  private rng: Rng;
  rate: number;
  kinds: FaultKind[];

  constructor(rate = 0, kinds: readonly FaultKind[] = ALL_FAULT_KINDS, seed = 1) {
    this.rng = createRng(seed ^ 0x5eed);
    this.rate = clamp(rate);
    this.kinds = [...kinds];
  }

  set(rate: number, kinds?: readonly FaultKind[]): void {
    this.rate = clamp(rate);
    if (kinds) this.kinds = [...kinds];
  }

  /** The fault for the next request, or null. Draws the same sequence for the same seed. */
  next(): FaultKind | null {
    if (this.rate <= 0 || this.kinds.length === 0) return null;
    const roll = this.rng();
    const which = this.kinds[Math.floor(this.rng() * this.kinds.length)];
    return roll < this.rate ? which : null;
  }

  /** Delay of a 'slow' answer: 1–3 s. */
  slowDelayMs(): number {
    return intBetween(this.rng, 1000, 3000);
  }

  /** 502 or 503. */
  serverErrorStatus(): 502 | 503 {
    return this.rng() < 0.5 ? 502 : 503;
  }
}

const clamp = (r: number) => (Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0);

export function serverErrorHtml(status: 502 | 503): string {
  const title = status === 502 ? '502 Bad Gateway' : '503 Service Unavailable';
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>There was a problem loading this website. Please try again.</p></body>\n</html>\n`;
}
