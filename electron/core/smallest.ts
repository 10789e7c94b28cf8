/**
 * The k smallest items in `cmp` order, sorted: the same as `items.sort(cmp).slice(0, k)` for a total
 * order, in O(n log k). A pass that queues 1,500 requests of 100,000 due sorted all 100,000 (40 ms).
 */
export function smallest<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k >= items.length) return [...items].sort(cmp);
  // A max-heap of the k smallest seen so far: its root is the largest of them.
  const heap: T[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i], heap[p]) <= 0) return;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && cmp(heap[l], heap[top]) > 0) top = l;
      if (r < heap.length && cmp(heap[r], heap[top]) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top], heap[i]];
      i = top;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      up(heap.length - 1);
    } else if (cmp(x, heap[0]) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(cmp);
}
