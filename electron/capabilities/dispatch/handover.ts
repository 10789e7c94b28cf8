import type { ManifestRow } from '../../../db/dispatch/reader';
import type { DiscrepancyData, HandoverVia } from '../../../db/dispatch/events';
import { conflict, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { normalizeNumber } from '../numbers/recognize';
import { planHandoverShopify } from '../shopify/plan-event';
import { siteInfo, type ServiceContext } from '../../core/context';
import { localTime } from './pickup';
import { classify, siteCode } from './codes';
import { manifestDetail, operator } from './view';

interface HandoverInput {
  via: HandoverVia;
  driver: string | null;
  carrierRef: string | null;
  /** Tracking numbers the carrier's system accepted; null when a person confirmed the whole manifest. */
  accepted: string[] | null;
}

function notHandable(ctx: ServiceContext, m: ManifestRow): string | null {
  if (m.status === 'handed_over')
    return `Manifest ${m.number} was already handed over${m.driver ? ` to ${m.driver}` : ''} at ${localTime(ctx, m.handedOverAt!)}. Nothing to do: a manifest is handed over once.`;
  if (m.status === 'open') return `Manifest of ${m.lineId} is still open. Close it out (and print it) before the carrier takes it.`;
  if (m.status === 'voided') return `Manifest ${m.number} was voided (${m.statusNote}). Close out a new manifest for these parcels.`;
  return null;
}

/**
 * The carrier took the manifest. In one transaction: each loaded parcel is handed over (its
 * first-scan clock starts, Shopify is told CARRIER_PICKED_UP through the outbox), what the carrier
 * did not accept is flagged missing, and what stayed on the dock or came without being loaded is listed.
 */
export function handOver(ctx: ServiceContext, manifestId: string, input: HandoverInput) {
  const reader = ctx.store.read.dispatch;
  const at = ctx.clock.now();
  const iso = at.toISOString();
  ctx.store.write(operator(ctx), at, (emit) => {
    const m = reader.manifest(manifestId);
    if (!m) throw notFound(`Manifest ${manifestId}`, 'Scan the barcode of a printed manifest.');
    const why = notHandable(ctx, m);
    if (why) throw conflict(why);
    const accepted = input.accepted && new Set(input.accepted.map(normalizeNumber));
    const discrepancies: DiscrepancyData[] = [];
    const onManifest = new Set<string>();
    let handed = 0;
    for (const p of reader.parcelsOn(m.id)) {
      onManifest.add(p.trackingNumber);
      if (p.status !== 'loaded') continue;
      if (accepted && !accepted.has(p.trackingNumber)) {
        emit({ type: 'parcel.missing', subject: p.parcelId, payload: { parcelId: p.parcelId, manifestId: m.id, reason: 'the carrier did not accept it' } });
        discrepancies.push({ id: newId('dsc', at), kind: 'not_confirmed', parcelId: p.parcelId, trackingNumber: p.trackingNumber });
        continue;
      }
      const jobs = planHandoverShopify(ctx, p.parcelId, at);
      emit({
        type: 'parcel.handed_over',
        subject: p.parcelId,
        payload: { parcelId: p.parcelId, manifestId: m.id, orderId: p.orderId, via: input.via, handedOverAt: iso, jobs },
      });
      handed++;
    }
    const extra = new Set<string>();
    for (const n of accepted ?? []) {
      if (onManifest.has(n) || extra.has(n)) continue;
      extra.add(n);
      const parcel = ctx.store.read.parcels.byTracking(n);
      discrepancies.push({ id: newId('dsc', at), kind: 'not_loaded', parcelId: parcel?.id ?? null, trackingNumber: n });
    }
    for (const p of reader.onDock(m.lineId, iso))
      if (!extra.has(p.trackingNumber)) discrepancies.push({ id: newId('dsc', at), kind: 'left_behind', parcelId: p.id, trackingNumber: p.trackingNumber });
    emit({
      type: 'manifest.handed_over',
      subject: m.id,
      payload: { manifestId: m.id, via: input.via, driver: input.driver, carrierRef: input.carrierRef, parcels: handed, discrepancies },
    });
  });
  return manifestDetail(ctx, manifestId);
}

/** The manifest barcode scanned at the pickup (by the driver, or by the lead who writes the driver's name). */
export function handoverByScan(ctx: ServiceContext, code: string, driver: string, via: 'driver_scan' | 'lead_confirm') {
  const c = classify(code);
  if (c.kind !== 'manifest') throw notFound(`Manifest "${code.slice(0, 40)}"`, 'Scan the barcode printed at the top of the manifest (it starts with MF-).');
  const m = ctx.store.read.dispatch.byNumber(c.number);
  if (!m) {
    const ours = siteCode(siteInfo(ctx).name);
    if (c.site !== ours) throw conflict(`${c.number} is a manifest of another site (${c.site}), not of this one (${ours}). Check the driver's paperwork.`);
    throw notFound(`Manifest ${c.number}`, 'Check the number on the manifest; scan the barcode of a printed manifest of this site.');
  }
  return handOver(ctx, m.id, { via, driver, carrierRef: null, accepted: null });
}
