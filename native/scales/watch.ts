import type { ScaleDevice } from './device';
import { whyNotStable, type ScaleReading } from './reading';

/**
 * Keeps the latest reading of a scale and answers "what does it weigh now?": only a reading the
 * scale itself calls stable counts; waits up to `waitMs` for the weight to settle.
 */
export class ScaleWatch {
  private last: ScaleReading | null = null;
  private waiting: Array<(r: ScaleReading) => void> = [];
  constructor(readonly device: ScaleDevice) {
    device.on('reading', (r: ScaleReading) => {
      this.last = r;
      if (r.status === 'stable') for (const w of this.waiting.splice(0)) w(r);
    });
  }
  latest(): ScaleReading | null {
    return this.last;
  }
  async stable(waitMs: number): Promise<{ reading: ScaleReading } | { refused: string; reading: ScaleReading | null }> {
    if (this.last?.status === 'stable') return { reading: this.last };
    if (waitMs > 0) {
      const r = await new Promise<ScaleReading | null>((resolve) => {
        const done = (x: ScaleReading) => {
          clearTimeout(t);
          resolve(x);
        };
        const t = setTimeout(() => {
          this.waiting = this.waiting.filter((w) => w !== done);
          resolve(null);
        }, waitMs);
        this.waiting.push(done);
      });
      if (r) return { reading: r };
    }
    return { refused: whyNotStable(this.last), reading: this.last };
  }
  /** The next parcel: forget the last reading so a weight is never used twice. */
  clear(): void {
    this.last = null;
  }
}
