import { describe, expect, it } from 'vitest';
import { smallest } from '../../../electron/core/smallest';

function rnd(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('smallest', () => {
  const byAtThenId = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at - b.at || (a.id < b.id ? -1 : 1);

  it('gives what a whole sort gives for its first k, ties broken the same way, whatever k', () => {
    const r = rnd(7);
    // Many equal times, as parcels picked in the same minute: the id decides.
    const items = Array.from({ length: 2000 }, (_, i) => ({ at: Math.floor(r() * 50), id: `p${String(Math.floor(r() * 1e6)).padStart(7, '0')}-${i}` }));
    const sorted = [...items].sort(byAtThenId);
    for (const k of [0, 1, 2, 10, 399, 1999, 2000, 5000]) expect(smallest(items, k, byAtThenId), `k=${k}`).toEqual(sorted.slice(0, k));
  });

  it('leaves the input as it was', () => {
    const items = [5, 3, 9, 1, 7];
    expect(smallest(items, 2, (a, b) => a - b)).toEqual([1, 3]);
    expect(smallest(items, 9, (a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
    expect(items).toEqual([5, 3, 9, 1, 7]);
  });
});
