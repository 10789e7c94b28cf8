import { DateTime } from 'luxon';
import type { ShopifyParcelRow } from '../../../db/shopify/reader';
import { siteInfo } from '../../core/context';
import { storeLanePrefix } from './lanes';
import type { ShopifyRuntime } from './runtime';

/** The article's target: tracking in Shopify at most 5 minutes after the label printed. */
export const SYNC_TARGET_MS = 5 * 60_000;

export function parcelSyncView(p: ShopifyParcelRow, now: Date) {
  const from = p.labelPrintedAt ?? p.pickedAt;
  const lagMs = p.syncedAt ? Math.max(0, Date.parse(p.syncedAt) - Date.parse(from)) : null;
  const waitingMs = p.syncedAt ? null : Math.max(0, now.getTime() - Date.parse(from));
  return {
    parcelId: p.parcelId,
    orderName: p.orderName,
    trackingNumber: p.trackingNumber,
    storeId: p.storeId,
    state: p.state,
    labelPrintedAt: p.labelPrintedAt,
    syncedAt: p.syncedAt,
    lagMs,
    waitingMs,
    late: (lagMs ?? waitingMs ?? 0) > SYNC_TARGET_MS,
    fulfillmentGid: p.fulfillmentGid,
    deduped: p.deduped,
    error: p.error,
    sentNumber: p.sentNumber,
    updating: !!p.updateJobId,
    notifyAt: p.notifyAtPick ? ('pick' as const) : ('handover' as const),
    notifiedAt: p.notifiedAt,
  };
}

/** Everything the Sync screen shows, from the outbox rows, the projections and the live link state. */
export function syncStatus(rt: ShopifyRuntime) {
  const ctx = rt.ctx;
  const now = ctx.clock.now();
  const r = ctx.store.read.shopify;
  const all = r.queuedFor('shopify:');
  const startOfDay = DateTime.fromJSDate(now).setZone(siteInfo(ctx).zone).startOf('day').toUTC().toISO()!;
  let within = 0;
  let late = 0;
  let pending = 0;
  for (const p of r.parcelsSince(startOfDay)) {
    const v = parcelSyncView(p, now);
    if (v.syncedAt) v.late ? late++ : within++;
    else if (v.late) late++;
    else pending++;
  }
  const stores = r.stores().map((s) => {
    const h = rt.health(s.id);
    const q = r.queuedFor(storeLanePrefix(s.id));
    const intake = rt.intake.get(s.id) ?? null;
    return {
      id: s.id,
      shopName: s.shopName,
      shopDomain: s.shopDomain,
      emulated: !!s.endpoint || s.id === 'demo-store',
      flow: s.flow,
      locationName: s.locationName,
      missingScopes: s.missingScopes,
      state: h.state,
      stateSince: h.since ? new Date(h.since).toISOString() : null,
      lastError: h.lastError,
      queued: q.queued,
      failing: q.failing,
      oldestQueuedAt: q.oldest,
      lastIntakeAt: s.lastIntakeAt,
      lastIntake: s.lastIntake,
      intake: intake && { ...intake },
      throttle: rt.pacer(s.shopDomain).status(),
      notifyAt: s.notifyAt,
      endpoint: s.endpoint,
    };
  });
  const last = r.lastError();
  return {
    at: now.toISOString(),
    queued: all.queued,
    failing: all.failing,
    oldestQueuedAt: all.oldest,
    oldestAgeMs: all.oldest ? Math.max(0, now.getTime() - Date.parse(all.oldest)) : null,
    syncedLastMinute: r.doneSince(new Date(now.getTime() - 60_000).toISOString()),
    lastError: last,
    counts: r.stateCounts(),
    today: { within, late, pending, share: within + late ? within / (within + late) : null },
    stores,
    deadLetters: r.deadLetters(100).map((d) => ({ ...d, conflict: d.error.startsWith('Conflict') })),
    recent: r.recentParcels(12).map((p) => parcelSyncView(p, now)),
  };
}

export function parcelSync(rt: ShopifyRuntime, parcelId: string) {
  const p = rt.ctx.store.read.shopify.parcel(parcelId);
  return p ? parcelSyncView(p, rt.ctx.clock.now()) : null;
}
