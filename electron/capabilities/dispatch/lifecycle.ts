import { conflict } from '../../core/errors';
import { siteInfo, type ServiceContext } from '../../core/context';
import { planCarrierSubmit } from './carrier';
import { manifestNumber, siteCode } from './codes';
import { requireLine, rulesFor } from './rules';
import { manifestDetail, operator, requireManifest } from './view';

/** Close out: the manifest gets its number (kept through a reopen) and, on lines with electronic acceptance, goes to the carrier. */
export function closeManifest(ctx: ServiceContext, manifestId: string) {
  const reader = ctx.store.read.dispatch;
  const at = ctx.clock.now();
  ctx.store.write(operator(ctx), at, (emit) => {
    const m = requireManifest(ctx, manifestId);
    if (m.status !== 'open')
      throw conflict(
        `This manifest is already ${m.status.replace('_', ' ')}${m.number ? ` (${m.number})` : ''}. Open the next manifest for the line to load more.`,
      );
    if (m.parcels === 0) throw conflict('This manifest is empty: nothing to close out. Scan parcels onto it first, or leave it open.');
    const number = m.number ?? manifestNumber(siteCode(siteInfo(ctx).name), m.lineId, m.pickupDate, reader.numbersOn(m.lineId, m.pickupDate).length + 1);
    const rules = rulesFor(ctx, requireLine(ctx, m.lineId));
    const jobs =
      rules.acceptance === 'carrier_api'
        ? [
            planCarrierSubmit(
              { manifestId, number, lineId: m.lineId, closedAt: at.toISOString(), trackingNumbers: reader.parcelsOn(manifestId).map((p) => p.trackingNumber) },
              at,
            ),
          ]
        : [];
    emit({ type: 'manifest.closed', subject: manifestId, payload: { manifestId, number, parcels: m.parcels, weightGrams: m.weightGrams, jobs } });
  });
  return manifestDetail(ctx, manifestId);
}

export function reopenManifest(ctx: ServiceContext, manifestId: string, reason: string) {
  ctx.store.write(operator(ctx), ctx.clock.now(), (emit) => {
    const m = requireManifest(ctx, manifestId);
    if (m.status !== 'closed')
      throw conflict(
        m.status === 'open'
          ? 'This manifest is already open: scan parcels onto it.'
          : `A manifest ${m.status.replace('_', ' ')} cannot be reopened. Open a new manifest for the line.`,
      );
    emit({ type: 'manifest.reopened', subject: manifestId, payload: { manifestId, reason } });
  });
  return manifestDetail(ctx, manifestId);
}

/** Void before handover: the number is never reused and every parcel on it goes back to the dock. */
export function voidManifest(ctx: ServiceContext, manifestId: string, reason: string) {
  const reader = ctx.store.read.dispatch;
  ctx.store.write(operator(ctx), ctx.clock.now(), (emit) => {
    const m = requireManifest(ctx, manifestId);
    if (m.status === 'handed_over')
      throw conflict(`Manifest ${m.number} was handed over to the carrier: it cannot be voided. Settle any discrepancy on it instead.`);
    if (m.status === 'voided') throw conflict('This manifest is already voided.');
    const parcelIds = reader.parcelsOn(manifestId).map((p) => p.parcelId);
    emit({ type: 'manifest.voided', subject: manifestId, payload: { manifestId, reason, parcelIds } });
  });
  return manifestDetail(ctx, manifestId);
}

export function unloadParcel(ctx: ServiceContext, manifestId: string, parcelId: string, reason: string) {
  const reader = ctx.store.read.dispatch;
  ctx.store.write(operator(ctx), ctx.clock.now(), (emit) => {
    const m = requireManifest(ctx, manifestId);
    if (m.status !== 'open')
      throw conflict(`Parcels come off an open manifest only; this one is ${m.status.replace('_', ' ')}. Reopen it first (with a reason).`);
    if (reader.placement(parcelId)?.manifestId !== manifestId) throw conflict('That parcel is not on this manifest. Refresh the list and try again.');
    emit({ type: 'parcel.unloaded', subject: parcelId, payload: { parcelId, manifestId, reason } });
  });
  return manifestDetail(ctx, manifestId);
}
