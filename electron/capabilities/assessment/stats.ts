/** Nearest-rank quantile of a list (q in 0..1); null for an empty list. */
export function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const pct = (part: number, whole: number) => (whole ? `${(Math.floor((part / whole) * 1000) / 10).toFixed(1)} %` : '–');

/** A duration in the unit a person reads it in: seconds, minutes, hours or days. */
export function span(ms: number | null): string {
  if (ms === null) return '–';
  const s = ms / 1000;
  if (s < 90) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 3 * 86400) return `${(s / 3600).toFixed(s < 36000 ? 1 : 0)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}
