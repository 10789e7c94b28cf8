// Order statistics by quickselect: O(n) instead of an O(n log n) sort, which
// matters at 450k values. These functions reorder their input.

export function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const pivot = medianOf3(values[lo], values[(lo + hi) >>> 1], values[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const upper = kthSmallest(values, n >>> 1);
  if (n % 2 === 1) return upper;
  // After selecting rank n/2 everything left of it is <= it: the other middle value is their max.
  let lower = -Infinity;
  for (let i = 0; i < n >>> 1; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/** Nearest-rank quantile, q in (0, 1]. */
export function nearestRank(values: Float64Array, q: number): number {
  if (values.length === 0) return 0;
  return kthSmallest(values, Math.min(values.length, Math.max(1, Math.ceil(q * values.length))) - 1);
}

export function mean(values: Float64Array): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Counts per whole day (floor), one bin for every day in [fromDay, toDay]. */
export function dayHistogram(values: Float64Array, fromDay: number, toDay: number): Array<{ days: number; count: number }> {
  const counts = new Array<number>(Math.max(0, toDay - fromDay + 1)).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.floor(values[i]) - fromDay]++;
  return counts.map((count, i) => ({ days: fromDay + i, count }));
}

function medianOf3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
