/** One weight a scale reported, in grams, with the scale's own verdict on it. */
export interface ScaleReading {
  grams: number;
  /**
   * stable: the scale says the weight settled (only this counts); motion: still moving; zero: settled
   * at zero (nothing on it); under: below zero (re-zero it); over: over capacity; fault: the scale reports an error.
   */
  status: 'stable' | 'motion' | 'zero' | 'under' | 'over' | 'fault';
  /** The unit the scale displayed (grams are computed from it). */
  unit: 'g' | 'kg' | 'oz' | 'lb' | 'mg';
  /** The value as the scale displayed it, in `unit`. */
  shown: number;
}

export const GRAMS_PER: Record<ScaleReading['unit'], number> = { mg: 0.001, g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 };

export const toGrams = (value: number, unit: ScaleReading['unit']) => Math.round(value * GRAMS_PER[unit]);

/** What a person is told when the latest reading does not count. */
export function whyNotStable(r: ScaleReading | null): string {
  if (!r) return 'The scale has sent no weight yet. Put the parcel on the scale and wait for it to settle.';
  switch (r.status) {
    case 'stable':
      return '';
    case 'motion':
      return 'The scale is still moving. Keep hands off the parcel and wait for the weight to settle, then weigh again.';
    case 'zero':
      return 'The scale reads zero. Put the parcel on the scale, then weigh again.';
    case 'under':
      return 'The scale reads below zero. Empty it, press ZERO, then put the parcel on and weigh again.';
    case 'over':
      return 'The parcel is over the scale’s capacity. Weigh it on the floor scale and type the weight.';
    case 'fault':
      return 'The scale reports a fault. Check it is level and calibrated, or type the weight from another scale.';
  }
}
