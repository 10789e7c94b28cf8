import { recognize } from './recognize';

/** The answer of tracking.validate and `cli tracking validate`. */
export function validateTracking(number: string) {
  const r = recognize(number);
  if (r.ok) return { valid: true, format: r.format, carrier: r.carrier, normalized: r.normalized, message: `${r.carrier}: ${r.description}` };
  return { valid: false, format: r.format ?? null, carrier: null, normalized: null, message: r.reason };
}
