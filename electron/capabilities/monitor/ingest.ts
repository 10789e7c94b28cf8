// Scans from any source (poll, push, file) become one `monitor.scans_reported` event: only the
// scans this console did not have yet, with the Shopify milestones they reach for the first time.
import type { EventDraft, JobDraft } from '../../../db/event-types';
import type { ScanData, TrackingStatus } from '../../../db/monitor/events';
import { planShopifyEvent, type ShopifyMilestone } from '../shopify/plan-event';
import type { ServiceContext } from '../../core/context';
import { newScans } from '../../../db/monitor/merge';
import type { SourceScan } from './sources/types';

/** The statuses that are Shopify fulfillment-event milestones (each sent once per parcel). */
export const MILESTONE: Partial<Record<TrackingStatus, ShopifyMilestone>> = {
  accepted: 'IN_TRANSIT',
  in_transit: 'IN_TRANSIT',
  out_for_delivery: 'OUT_FOR_DELIVERY',
  delivered: 'DELIVERED',
  failed_attempt: 'ATTEMPTED_DELIVERY',
  // the carrier's own exception scan (customs hold, damaged, address problem): Shopify's "delayed"
  exception: 'DELAYED',
  returned: 'FAILURE',
};

export interface Ingested {
  /** One event per parcel, so each parcel's timeline shows its own scans. */
  events: Array<EventDraft<'monitor.scans_reported'>>;
  fresh: number;
  repeated: number;
  unknownNumbers: string[];
}

export function ingestScans(
  ctx: ServiceContext,
  sourceId: string,
  via: 'poll' | 'push' | 'file',
  scans: SourceScan[],
  learnedAt: Date,
  byNumber?: Map<string, string>,
): Ingested {
  const reader = ctx.store.read.monitor;
  const unknownNumbers: string[] = [];
  const data: ScanData[] = [];
  for (const s of scans) {
    const parcelId = byNumber?.get(s.trackingNumber) ?? ctx.store.read.parcels.byTracking(s.trackingNumber)?.id;
    if (!parcelId) {
      if (!unknownNumbers.includes(s.trackingNumber)) unknownNumbers.push(s.trackingNumber);
      continue;
    }
    data.push({ parcelId, status: s.status, scannedAt: s.scannedAt, learnedAt: learnedAt.toISOString(), location: s.location, detail: s.detail });
  }
  const parcelIds = [...new Set(data.map((d) => d.parcelId))];
  const fresh = newScans(reader.knownScans(parcelIds), data).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const byParcel = new Map<string, ScanData[]>();
  for (const f of fresh) byParcel.set(f.parcelId, [...(byParcel.get(f.parcelId) ?? []), f]);
  const events: Array<EventDraft<'monitor.scans_reported'>> = [];
  const planned = new Set<string>();
  const reached = new Set<string>();
  for (const [id, mine] of byParcel) {
    const sent = reader.milestones(id);
    const milestones: Array<{ parcelId: string; milestone: string; jobs: JobDraft[] }> = [];
    for (const s of mine) {
      const m = MILESTONE[s.status];
      if (!m || sent.has(m)) continue;
      sent.add(m);
      reached.add(`${id}:${m}`);
      milestones.push({ parcelId: id, milestone: m, jobs: planShopifyEvent(ctx, id, m, new Date(s.scannedAt), planned, reached) });
    }
    events.push({ type: 'monitor.scans_reported', subject: id, payload: { sourceId, via, scans: mine, milestones } });
  }
  return {
    events,
    fresh: fresh.length,
    repeated: data.length - fresh.length,
    unknownNumbers,
  };
}
