import type { ParcelRow } from '../../../db/pick/reader';
import type { EventMap } from '../../../db/event-types';
import { badInput, conflict, notFound } from '../../core/errors';
import { nextNumber } from './issue-number';
import { planJobs } from '../../core/planners';
import { parcelView } from './view';
import { actorOf, stationSettings, type ServiceContext } from '../../core/context';
import { planTrackingUpdate, trackingFor } from '../shopify/planner';
import { shopifyTrackingUrl } from '../shopify/tracking-page';
import { checkManualNumber } from './relink-number';
import { parcelSyncView } from '../shopify/status';

export interface RelinkInput {
  parcelId: string;
  reason: string;
  lineId?: string;
  number?: string;
}

type Shopify = EventMap['parcel.relinked']['shopify'];

/** Why a parcel's number may not change any more, and what to do instead; null when it may. */
function blocked(p: ParcelRow): string | null {
  if (p.status === 'handed_over')
    return `Parcel ${p.trackingNumber} was handed over to the carrier: the carrier has this number and scans it. Do not relabel it; if it must ship again, open an exception in Support and reship it.`;
  if (p.status === 'voided') return `Parcel ${p.trackingNumber} was voided. Pick the order again for a new parcel.`;
  if (p.status === 'loaded')
    return `Parcel ${p.trackingNumber} is loaded on a manifest. Unload it in Dispatch first, re-link it, then load it again with the new label.`;
  return null;
}

/**
 * Give a parcel a new tracking number when its number cannot be used (label damaged or unreadable
 * at the carrier, wrong line, number refused): the next number of the line (or one typed), a new
 * label, and Shopify told the new number, all in one transaction. The old number is never reused.
 */
export function relinkParcel(ctx: ServiceContext, input: RelinkInput) {
  const parcel = ctx.store.read.parcels.get(input.parcelId);
  if (!parcel) throw notFound(`Parcel ${input.parcelId}`, 'Find it in Parcels by its order or number.');
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw badInput('Say why the number changes (for example: label unreadable at the carrier).', [{ path: 'reason', message: 'at least 3 characters' }]);
  const why = blocked(parcel);
  if (why) throw conflict(why);
  const line = ctx.store.read.lines.get(input.lineId ?? parcel.lineId);
  if (!line) throw badInput(`Carrier line ${input.lineId} does not exist. Pick a line from the list.`, [{ path: 'lineId', message: 'unknown line' }]);
  if (!line.active)
    throw badInput(`${line.name} is switched off. Pick an active line, or switch it on in Setup.`, [{ path: 'lineId', message: 'line switched off' }]);
  const manual = input.number?.trim() ? checkManualNumber(ctx, line, input.number) : null;

  const station = stationSettings(ctx);
  const at = ctx.clock.now();
  const printerId = station.printerId ?? parcel.printerId;
  const order = ctx.store.read.orders.get(parcel.orderId)!;
  const done = ctx.store.write(actorOf(ctx), at, (emit) => {
    // Another station may have moved or re-linked it since we looked: decide again inside the lock.
    const now = ctx.store.read.parcels.get(parcel.id)!;
    const stop = blocked(now);
    if (stop) return { stop };
    if (now.trackingNumber !== parcel.trackingNumber)
      return { stop: `Parcel ${parcel.trackingNumber} was just re-linked to ${now.trackingNumber} elsewhere. Look at it again before changing it.` };
    const issued = manual ?? nextNumber(ctx.store, line, (skipped) => emit({ type: 'number.skipped', subject: line.id, payload: skipped }));
    if ('empty' in issued) return { stop: `${line.name} has no tracking numbers left. Add a range or import a pool in Setup, or type a number of this line.` };
    const jobs = planJobs(ctx, { parcelId: parcel.id, order, lineId: line.id, trackingNumber: issued.number, printerId }, at).filter((j) =>
      j.kind.startsWith('print.'),
    );
    let shopify: Shopify;
    const sync = ctx.store.read.shopify.parcel(parcel.id);
    if (sync) {
      // Shopify already has the fulfillment: update its tracking. Otherwise its queued create sends the new number.
      if (sync.fulfillmentGid) {
        jobs.push(...planTrackingUpdate(ctx, parcel.id, issued.number, at, line.id));
        shopify = { mode: 'update', tracking: trackingFor(line, issued.number, shopifyTrackingUrl(ctx, sync.storeId, order.name, line, issued.number)) };
      } else shopify = { mode: 'create', tracking: trackingFor(line, issued.number, shopifyTrackingUrl(ctx, sync.storeId, order.name, line, issued.number)) };
    }
    emit({
      type: 'parcel.relinked',
      subject: parcel.id,
      payload: {
        parcelId: parcel.id,
        orderId: parcel.orderId,
        oldNumber: parcel.trackingNumber,
        newNumber: issued.number,
        oldLineId: parcel.lineId,
        lineId: line.id,
        source: issued.source,
        reason,
        jobs,
        ...(shopify ? { shopify } : {}),
      },
    });
    return { number: issued.number, shopify };
  });
  if ('stop' in done) throw conflict(done.stop!);
  const fresh = ctx.store.read.parcels.get(parcel.id)!;
  const sync = ctx.store.read.shopify.parcel(parcel.id);
  return {
    parcel: parcelView(fresh),
    oldNumber: parcel.trackingNumber,
    newNumber: done.number,
    oldLine: parcel.lineName,
    line: line.name,
    reason,
    shopify: done.shopify
      ? {
          action: done.shopify.mode === 'update' ? ('tracking_update' as const) : ('create_sends_new' as const),
          sync: sync ? parcelSyncView(sync, ctx.clock.now()) : null,
        }
      : null,
  };
}
