import { conflict, notFound } from '../../core/errors';
import { planHandoverShopify } from '../shopify/plan-event';
import type { ServiceContext } from '../../core/context';
import { discrepancyView, operator } from './view';

type Resolution = 'handed_over' | 'back_to_dock' | 'dismissed';

/** Settle a flagged parcel with what the lead found. "Handed over" starts its clock at the manifest's handover. */
export function resolveDiscrepancy(ctx: ServiceContext, id: string, resolution: Resolution, note: string) {
  const reader = ctx.store.read.dispatch;
  const at = ctx.clock.now();
  ctx.store.write(operator(ctx), at, (emit) => {
    const d = reader.discrepancy(id);
    if (!d) throw notFound(`Discrepancy ${id}`, 'Refresh the Dispatch screen: it may have been settled.');
    const view = discrepancyView(d);
    if (d.resolvedAt) throw conflict(`This discrepancy was already settled (${d.resolution?.replace(/_/g, ' ')}) by ${d.resolvedBy}. Nothing to do.`);
    if (!view.actions.includes(resolution)) throw conflict(`"${resolution.replace(/_/g, ' ')}" does not apply here. ${view.next}`);
    if (resolution === 'handed_over') {
      const parcel = ctx.store.read.parcels.get(d.parcelId!)!;
      if (parcel.status === 'handed_over' || parcel.status === 'voided')
        throw conflict(`Parcel ${parcel.trackingNumber} is already ${parcel.status.replace('_', ' ')}. Dismiss this discrepancy instead.`);
      if (parcel.status === 'loaded') throw conflict(`Parcel ${parcel.trackingNumber} is loaded on another manifest now. Dismiss this discrepancy instead.`);
      const m = reader.manifest(d.manifestId)!;
      const when = new Date(m.handedOverAt!);
      const jobs = planHandoverShopify(ctx, parcel.id, at, when);
      emit({
        type: 'parcel.handed_over',
        subject: parcel.id,
        payload: { parcelId: parcel.id, manifestId: m.id, orderId: parcel.orderId, via: m.handoverVia ?? 'lead_confirm', handedOverAt: m.handedOverAt!, jobs },
      });
    }
    emit({ type: 'dispatch.discrepancy_resolved', subject: d.parcelId ?? d.manifestId, payload: { id, resolution, note } });
  });
  return discrepancyView(reader.discrepancy(id)!);
}

/** A parcel that will not ship (damaged, lost, order cancelled). Never once the carrier has it. */
export function voidParcel(ctx: ServiceContext, parcelId: string, reason: string) {
  const reader = ctx.store.read.dispatch;
  ctx.store.write(operator(ctx), ctx.clock.now(), (emit) => {
    const p = ctx.store.read.parcels.get(parcelId);
    if (!p) throw notFound(`Parcel ${parcelId}`, 'Scan its label or find it in Parcels.');
    if (p.status === 'voided') throw conflict(`Parcel ${p.trackingNumber} is already voided.`);
    if (p.status === 'handed_over') throw conflict(`Parcel ${p.trackingNumber} is with the carrier: it cannot be voided here. Ask the carrier to return it.`);
    const on = reader.placement(parcelId);
    const m = on && reader.manifest(on.manifestId);
    if (m && m.status === 'closed')
      throw conflict(`Parcel ${p.trackingNumber} is on closed manifest ${m.number}. Reopen the manifest (with a reason), then void the parcel.`);
    emit({ type: 'parcel.voided', subject: parcelId, payload: { parcelId, reason } });
  });
  return { parcelId, status: ctx.store.read.parcels.get(parcelId)!.status };
}
