import type { LineData, NumberSource } from '../../../db/event-types';
import type { Store } from '../../../db/store';
import { numberFromSerial } from '../numbers/issue';
import { nextFromBlocks } from '../numbers/blocks';

export type Issued = { number: string; source: NumberSource } | { empty: true };

/**
 * The next number of a line. Must run inside the pick transaction: the number, the range counter
 * and the parcel commit together, so a number is never given twice nor lost in a crash.
 */
export function nextNumber(store: Store, line: LineData): Issued {
  if (store.site.blocks) return nextFromBlocks(store, line);
  if (line.numberSource === 'pool') {
    const n = store.lines.nextPoolNumber(line.id);
    return n ? { number: n.number, source: { kind: 'pool' } } : { empty: true };
  }
  const range = store.lines.openRange(line.id);
  if (!range) return { empty: true };
  const number = numberFromSerial(range.params as never, range.next);
  return { number, source: { kind: 'range', rangeId: range.id, serial: range.next } };
}
