/**
 * Work done in steps between scans (a search-text move, a monitor slice, a retention batch) sizes its
 * next step from how long the last one held the loop: the last size scaled to the time budget, within
 * [min, max]. A step that took almost nothing counts as 0.5 ms, so sizes grow but never jump without bound.
 */
export function sizedToBudget(size: number, tookMs: number, budgetMs: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round((size * budgetMs) / Math.max(tookMs, 0.5))));
}
