import type { Store } from '../../../db/store';
import type { Clock } from '../../core/clock';
import type { SiteLink } from '../../../db/site/server/types';

/**
 * Give back the serials this station has leased and not issued, so other stations use them. The
 * local event comes first: once it is committed this station never issues from those serials, so a
 * crash before the server hears of it only leaves them unused, never issued twice.
 */
export async function returnUnusedBlocks(store: Store, clock: Clock, link: SiteLink): Promise<number> {
  let returned = 0;
  for (const b of store.read.site.ownBlocks(store.station)) {
    if (b.next > b.last) continue;
    store.write('site', clock.now(), (emit) => emit({ type: 'range.block_returned', payload: { rangeId: b.rangeId, first: b.next, last: b.last } }));
    await link.returnBlock(b.rangeId, b.next, b.last);
    returned += b.last - b.next + 1;
  }
  return returned;
}

/** Blocks the server has this station holding that this station never recorded (leased just before a crash). */
export async function recoverHeldBlocks(store: Store, clock: Clock, link: SiteLink): Promise<number> {
  const local = store.read.site.ownBlocks(store.station, 'any');
  let recovered = 0;
  for (const h of await link.heldBlocks()) {
    if (local.some((b) => b.rangeId === h.rangeId && b.first <= h.first && h.first <= b.last)) continue;
    store.write('site', clock.now(), (emit) => emit({ type: 'range.block_leased', payload: { rangeId: h.rangeId, first: h.first, last: h.last } }));
    recovered++;
  }
  return recovered;
}
