import type { LineData } from '../../../db/event-types';
import type { Store } from '../../../db/store';
import { numberFromSerial } from './issue';
import type { Issued } from './issue';

/**
 * Site mode: a station issues only from blocks the site server leased to it, so two stations never
 * issue the same number, and a station with blocks in hand keeps issuing through an outage.
 */
export function nextFromBlocks(store: Store, line: LineData): Issued {
  const site = store.read.site;
  if (line.numberSource === 'pool') {
    const n = site.nextPoolNumberInBlocks(store.station, line.id);
    return n ? { number: n.number, source: { kind: 'pool' } } : { empty: true };
  }
  const b = site.openBlock(store.station, line.id);
  if (!b) return { empty: true };
  return { number: numberFromSerial(JSON.parse(b.params), b.next), source: { kind: 'range', rangeId: b.rangeId, serial: b.next } };
}
