import type { DiscrepancyRow, LoadedParcelRow, ManifestRow } from '../../../db/dispatch/reader';
import { notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { localTime } from './pickup';
import { requireLine, rulesFor } from './rules';

export function manifestView(ctx: ServiceContext, m: ManifestRow) {
  const line = ctx.store.read.lines.get(m.lineId)!;
  const atWarehouse = m.status === 'open' || m.status === 'closed';
  return {
    id: m.id,
    lineId: m.lineId,
    lineName: line.name,
    carrier: line.carrier,
    number: m.number,
    pickupDate: m.pickupDate,
    expectedPickupAt: m.expectedPickupAt,
    pickupLocal: localTime(ctx, m.expectedPickupAt),
    status: m.status,
    statusNote: m.statusNote,
    openedAt: m.openedAt,
    openedBy: m.openedBy,
    closedAt: m.closedAt,
    reopened: m.reopened,
    handedOverAt: m.handedOverAt,
    handoverVia: m.handoverVia,
    driver: m.driver,
    carrierRef: m.carrierRef,
    parcels: m.parcels,
    weightGrams: m.weightGrams,
    unweighed: m.unweighed,
    overdue: atWarehouse && ctx.clock.now().toISOString() > m.expectedPickupAt,
  };
}

export function loadedView(p: LoadedParcelRow) {
  const { manifestId: _m, orderId: _o, ...rest } = p;
  return rest;
}

const WORDS: Record<DiscrepancyRow['kind'], { what: string; next: string; actions: Array<'handed_over' | 'back_to_dock' | 'dismissed'> }> = {
  left_behind: {
    what: 'Left behind: picked for this line but not loaded when the carrier took the manifest.',
    next: 'Find it on the dock and load it on the next manifest. If the driver took it anyway, mark it handed over; if it is lost, void the parcel.',
    actions: ['handed_over', 'dismissed'],
  },
  not_confirmed: {
    what: 'Loaded but not confirmed: the carrier did not accept it.',
    next: 'Look for it on the dock: if it is there, put it back to the dock and load it on the next manifest; if the carrier has it, mark it handed over.',
    actions: ['back_to_dock', 'handed_over'],
  },
  not_loaded: {
    what: 'Confirmed but not loaded: the carrier accepted a number that was not on the manifest.',
    next: 'Check the dock. If the parcel is gone, the carrier has it: mark it handed over. If the number is not ours, tell the carrier and dismiss.',
    actions: ['handed_over', 'dismissed'],
  },
};

export function discrepancyView(d: DiscrepancyRow) {
  const w = WORDS[d.kind];
  const actions = d.resolvedAt ? [] : d.parcelId ? w.actions : (['dismissed'] as const);
  return {
    id: d.id,
    kind: d.kind,
    manifestId: d.manifestId,
    manifestNumber: d.manifestNumber,
    lineId: d.lineId,
    parcelId: d.parcelId,
    trackingNumber: d.trackingNumber,
    parcelStatus: d.parcelStatus,
    orderName: d.orderName,
    foundAt: d.foundAt,
    resolvedAt: d.resolvedAt,
    resolution: d.resolution,
    what: d.parcelId || d.kind !== 'not_loaded' ? w.what : 'Confirmed but not loaded: the carrier accepted a number that is not a parcel of this site.',
    next: d.resolvedAt ? `Settled: ${d.resolution?.replace(/_/g, ' ')}.` : d.parcelId ? w.next : 'Tell the carrier the number is not ours, then dismiss.',
    actions: [...actions],
  };
}

export function requireManifest(ctx: ServiceContext, id: string): ManifestRow {
  const m = ctx.store.read.dispatch.manifest(id);
  if (!m) throw notFound(`Manifest ${id}`, 'Pick a manifest on the Dispatch screen.');
  return m;
}

/** `recent`: only the last n parcels loaded (a floor screen's refresh), not the whole manifest. */
export function manifestDetail(ctx: ServiceContext, id: string, recent?: number) {
  const r = ctx.store.read.dispatch;
  const m = requireManifest(ctx, id);
  return {
    manifest: manifestView(ctx, m),
    rules: rulesFor(ctx, requireLine(ctx, m.lineId)),
    parcels: (recent === undefined ? r.parcelsOn(id) : r.recentOn(id, recent)).map(loadedView),
    bags: r.bags(id),
    currentBag: r.currentBag(id, ctx.stationId),
    discrepancies: r.discrepanciesOf(id).map(discrepancyView),
    incomplete: incompleteOrders(ctx, id),
  };
}

/**
 * Orders packed in several parcels with a parcel that is not on this manifest and not handed over:
 * the order is complete only when all of its parcels go ("2 of 3 missing").
 */
export function incompleteOrders(ctx: ServiceContext, manifestId: string) {
  return ctx.store.read.pack.splitOrdersShort(manifestId).map((o) => ({
    orderId: o.orderId,
    orderName: o.orderName,
    missing: o.missing,
    message: `${o.orderName}: ${o.missing.map((m) => `${m.piece} of ${m.pieces}`).join(', ')} not on this manifest (${o.missing.map((m) => `${m.trackingNumber} ${m.status.replace('_', ' ')}`).join(', ')}).`,
    next: 'Find the missing parcel and scan it onto this manifest before the carrier takes it.',
  }));
}

export const operator = (ctx: ServiceContext) => actorOf(ctx);
