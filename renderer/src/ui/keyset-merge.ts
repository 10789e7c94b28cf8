/**
 * The loaded rows of a long list with a push's changed rows put back: `kept` (the loaded rows minus
 * those of the changed subjects, in the list's order) and `changed` (any order) become one list in
 * the list's order, a changed row after any kept row it does not come before. One pass over the
 * loaded rows, whatever the number changed.
 */
export function mergeChanged<Row>(kept: readonly Row[], changed: readonly Row[], before: (a: Row, b: Row) => boolean): Row[] {
  const incoming = [...changed].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const out: Row[] = new Array<Row>(kept.length + incoming.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < incoming.length) out[k++] = before(incoming[j], kept[i]) ? incoming[j++] : kept[i++];
  while (i < kept.length) out[k++] = kept[i++];
  while (j < incoming.length) out[k++] = incoming[j++];
  return out;
}
