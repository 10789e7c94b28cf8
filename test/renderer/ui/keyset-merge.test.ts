import { describe, expect, it } from 'vitest';
import { mergeChanged } from '../../../renderer/src/ui/keyset-merge';

type Row = { id: string; at: number };
const newestFirst = (a: Row, b: Row) => a.at > b.at || (a.at === b.at && a.id < b.id);

describe('a push put back into a long list (mergeChanged)', () => {
  it('puts each changed row where the list orders it, after the rows it ties with', () => {
    const kept = [
      { id: 'a', at: 50 },
      { id: 'b', at: 40 },
      { id: 'c', at: 30 },
    ];
    const changed = [
      { id: 'z', at: 10 },
      { id: 'y', at: 45 },
      { id: 'x', at: 60 },
    ];
    expect(mergeChanged(kept, changed, newestFirst).map((r) => r.id)).toEqual(['x', 'a', 'y', 'b', 'c', 'z']);
    expect(mergeChanged(kept, [], newestFirst).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(mergeChanged([], changed, newestFirst).map((r) => r.id)).toEqual(['x', 'y', 'z']);
    // A tie in the list's order: the loaded row stays first, as the old one-by-one placement did.
    const tie = (a: Row, b: Row) => a.at > b.at;
    expect(mergeChanged([{ id: 'k', at: 5 }], [{ id: 'n', at: 5 }], tie).map((r) => r.id)).toEqual(['k', 'n']);
  });

  it('compares about once per loaded row, not once per loaded row for each changed one', () => {
    const kept = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${String(i).padStart(6, '0')}`, at: 1_000_000 - i * 10 }));
    const changed = Array.from({ length: 500 }, (_, i) => ({ id: `n${i}`, at: 1_000_000 - i * 1_999 - 5 }));
    let compares = 0;
    const merged = mergeChanged(kept, changed, (a, b) => (compares++, newestFirst(a, b)));
    expect(merged).toHaveLength(100_500);
    const outOfOrder = merged.findIndex((r, i) => i > 0 && !newestFirst(merged[i - 1], r));
    expect(outOfOrder).toBe(-1);
    // Placing 500 rows one by one into 100,000 took up to 50 million comparisons.
    expect(compares).toBeLessThan(100_500 + 500 * 20);
  });
});
