import type { EventMap, LineData } from '../../../db/event-types';
import type { Store } from '../../../db/store';
import { numberFromSerial, type Issued } from '../numbers/issue';
import { nextFromBlocks } from '../numbers/blocks';

export type { Issued };

/** A number the line would have issued that a parcel already carries: recorded, and the line moves on. */
export type Skip = EventMap['number.skipped'];

/** Past this many taken numbers in a row a pick gives up (a whole range that was entered twice). */
const MAX_SKIPS = 5_000;

/**
 * The next number of a line. Must run inside the pick transaction: the number, the range counter
 * and the parcel commit together, so a number is never given twice nor lost in a crash. Should a
 * number already be on a parcel (ranges that overlapped before set-up refused it, a pool number
 * inside a range), it is skipped through `skip` (which records it and moves the counter) and the
 * next one is taken: a collision never leaves a line stuck.
 */
export function nextNumber(store: Store, line: LineData, skip?: (s: Skip) => void): Issued {
  for (let i = 0; ; i++) {
    const issued = candidate(store, line);
    if ('empty' in issued) return issued;
    const holder = store.read.parcels.byTracking(issued.number);
    if (!holder || !skip || i >= MAX_SKIPS) return issued;
    skip({
      lineId: line.id,
      number: issued.number,
      takenBy: holder.id,
      ...(issued.source.kind === 'range' ? { rangeId: issued.source.rangeId, serial: issued.source.serial } : {}),
    });
  }
}

function candidate(store: Store, line: LineData): Issued {
  if (store.site.blocks) return nextFromBlocks(store, line);
  if (line.numberSource === 'pool') {
    const n = store.read.lines.nextPoolNumber(line.id);
    return n ? { number: n.number, source: { kind: 'pool' } } : { empty: true };
  }
  const range = store.read.lines.openRange(line.id);
  if (!range) return { empty: true };
  const number = numberFromSerial(range.params as never, range.next);
  return { number, source: { kind: 'range', rangeId: range.id, serial: range.next } };
}
