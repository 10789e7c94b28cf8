// Scans from any source (poll, push, file) become one `monitor.scans_reported` event: only the
// scans this console did not have yet, with the Shopify milestones they reach for the first time.
import type { EventDraft, JobDraft } from '../../../db/event-types';
import type { ScanData, TrackingStatus } from '../../../db/monitor/events';
import { planShopifyEvent, type ShopifyMilestone } from '../shopify/plan-event';
import type { ServiceContext } from '../../core/context';
import { newScans } from '../../../db/monitor/merge';
import type { SourceScan } from './sources/types';
import { giveBack } from '../../core/give-back';

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

/** The ingest as steps (it yields between parcels): run at once (a push, a file) or a step per turn of the loop (a poll). */
type Steps = Generator<void, Ingested, void>;

/**
 * Only the scans this console did not have yet, one event per parcel. A step per parcel: a poll's
 * answer (up to 40 parcels) gives the loop back between parcels (`ingestScansInTurns`).
 */
function* ingestSteps(
  ctx: ServiceContext,
  sourceId: string,
  via: 'poll' | 'push' | 'file',
  scans: SourceScan[],
  learnedAt: Date,
  byNumber?: Map<string, string>,
): Steps {
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
  const known: ReturnType<typeof reader.knownScans> = new Map();
  for (const id of new Set(data.map((d) => d.parcelId))) {
    yield;
    for (const [k, v] of reader.knownScans([id])) known.set(k, v);
  }
  const fresh = newScans(known, data).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const byParcel = new Map<string, ScanData[]>();
  for (const f of fresh) byParcel.set(f.parcelId, [...(byParcel.get(f.parcelId) ?? []), f]);
  const events: Array<EventDraft<'monitor.scans_reported'>> = [];
  const planned = new Set<string>();
  const reached = new Set<string>();
  for (const [id, mine] of byParcel) {
    yield;
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

/** All at once (a webhook push, a scan file: the caller writes the events in its own transaction). */
export function ingestScans(...args: Parameters<typeof ingestSteps>): Ingested {
  const steps = ingestSteps(...args);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same, giving the event loop back between parcels (a poll's answer, read while scans wait). */
export async function ingestScansInTurns(...args: Parameters<typeof ingestSteps>): Promise<Ingested> {
  const steps = ingestSteps(...args);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await giveBack();
  }
}
