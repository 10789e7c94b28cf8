import type { Store } from '../../../db/store';
import type { Clock } from '../../core/clock';
import type { SiteLink } from '../../../db/site/server/types';
import { poolRangeId } from '../../../db/site/reader';

const HOUR = 3_600_000;

/**
 * How many numbers a block holds: four hours of this station's own pace on the line (the last day),
 * so a station keeps issuing through an outage of that length; at least 50, at most 5,000.
 */
export function blockSize(perHour: number): number {
  return Math.min(5000, Math.max(50, Math.ceil(perHour * 4)));
}

/** Lease another block for every line whose own leased numbers run low. */
export async function topUpBlocks(store: Store, clock: Clock, link: SiteLink): Promise<number> {
  const site = store.read.site;
  const now = clock.now();
  const own = new Map(site.ownRemaining(store.station).map((r) => [r.rangeId, r.remaining]));
  const dayAgo = new Date(now.getTime() - 24 * HOUR).toISOString();
  let leased = 0;
  for (const line of store.read.lines.all()) {
    if (!line.active) continue;
    const size = blockSize(site.pickedBySince(store.station, line.id, dayAgo) / 24);
    const candidates =
      line.numberSource === 'pool'
        ? (() => {
            const p = site.poolExtent(line.id);
            return p.last && p.firstFree !== null ? [{ id: poolRangeId(line.id), first: 1, last: p.last, startAt: p.firstFree }] : [];
          })()
        : store.read.lines.ranges(line.id).map((r) => ({ id: r.id, first: r.first, last: r.last, startAt: r.next }));
    const remaining = candidates.reduce((n, c) => n + (own.get(c.id) ?? 0), 0);
    if (remaining >= size / 2) continue;
    for (const c of candidates) {
      const block = await link.leaseBlock(c, size);
      if (!block) continue;
      store.write('site', clock.now(), (emit) => emit({ type: 'range.block_leased', payload: { rangeId: c.id, first: block.first, last: block.last } }));
      leased++;
      break;
    }
  }
  return leased;
}
