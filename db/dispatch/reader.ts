import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { DiscrepancyKind, HandoverVia, LineRulesData } from './events';

export interface ManifestRow {
  id: string;
  lineId: string;
  number: string | null;
  pickupDate: string;
  expectedPickupAt: string;
  status: 'open' | 'closed' | 'handed_over' | 'voided';
  statusNote: string | null;
  openedAt: string;
  openedBy: string;
  openedStation: string;
  closedAt: string | null;
  closedBy: string | null;
  reopened: number;
  handedOverAt: string | null;
  handoverBy: string | null;
  handoverVia: HandoverVia | null;
  driver: string | null;
  carrierRef: string | null;
  parcels: number;
  weightGrams: number;
  unweighed: number;
}

export interface LoadedParcelRow {
  parcelId: string;
  manifestId: string;
  trackingNumber: string;
  orderId: string;
  orderName: string;
  lineId: string;
  status: string;
  bag: string | null;
  weightGrams: number | null;
  loadedAt: string;
  loadedBy: string;
  loadedStation: string;
  handedOverAt: string | null;
}

export interface DiscrepancyRow {
  id: string;
  kind: DiscrepancyKind;
  manifestId: string;
  manifestNumber: string | null;
  lineId: string;
  parcelId: string | null;
  trackingNumber: string;
  parcelStatus: string | null;
  orderName: string | null;
  foundAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  note: string | null;
}

const toManifest = rowMapper<ManifestRow>({
  id: 'id',
  lineId: 'line_id',
  number: 'number',
  pickupDate: 'pickup_date',
  expectedPickupAt: 'expected_pickup_at',
  status: 'status',
  statusNote: 'status_note',
  openedAt: 'opened_at',
  openedBy: 'opened_by',
  openedStation: 'opened_station',
  closedAt: 'closed_at',
  closedBy: 'closed_by',
  reopened: 'reopened',
  handedOverAt: 'handed_over_at',
  handoverBy: 'handover_by',
  handoverVia: 'handover_via',
  driver: 'driver',
  carrierRef: 'carrier_ref',
  parcels: 'parcels',
  weightGrams: 'weight_g',
  unweighed: 'unweighed',
});

const toLoaded = rowMapper<LoadedParcelRow>({
  parcelId: 'parcel_id',
  manifestId: 'manifest_id',
  trackingNumber: 'tracking_number',
  orderId: 'order_id',
  orderName: 'order_name',
  lineId: 'line_id',
  status: 'status',
  bag: 'bag',
  weightGrams: 'weight_g',
  loadedAt: 'loaded_at',
  loadedBy: 'loaded_by',
  loadedStation: 'loaded_station',
  handedOverAt: 'handed_over_at',
});

const toDiscrepancy = rowMapper<DiscrepancyRow>({
  id: 'id',
  kind: 'kind',
  manifestId: 'manifest_id',
  manifestNumber: 'manifest_number',
  lineId: 'line_id',
  parcelId: 'parcel_id',
  trackingNumber: 'tracking_number',
  parcelStatus: 'parcel_status',
  orderName: 'order_name',
  foundAt: 'found_at',
  resolvedAt: 'resolved_at',
  resolution: 'resolution',
  resolvedBy: 'resolved_by',
  note: 'note',
});

const toRules = rowMapper<LineRulesData>({
  lineId: 'line_id',
  services: json('services'),
  maxParcels: 'max_parcels',
  maxWeightGrams: 'max_weight_g',
  bags: 'bags',
  weight: 'weight',
  expectedPickup: 'expected_pickup',
  acceptance: 'acceptance',
});

const LOADED = `SELECT mp.*, p.tracking_number, p.order_id, p.line_id, p.status, o.name AS order_name
  FROM manifest_parcels mp JOIN parcels p ON p.id = mp.parcel_id JOIN orders o ON o.id = p.order_id`;
const DISCREPANCIES = `SELECT d.*, m.number AS manifest_number, p.status AS parcel_status, o.name AS order_name
  FROM dispatch_discrepancies d JOIN manifests m ON m.id = d.manifest_id
  LEFT JOIN parcels p ON p.id = d.parcel_id LEFT JOIN orders o ON o.id = p.order_id`;

/** Reads of the dispatch tables (manifests, what is on them, line rules, discrepancies). */
export function dispatchReader(db: Sqlite) {
  return {
    rules(lineId: string): LineRulesData | undefined {
      const r = stmt(db, 'SELECT * FROM dispatch_rules WHERE line_id = ?').get(lineId) as Raw | undefined;
      return r && toRules(r);
    },
    manifest(id: string): ManifestRow | undefined {
      const r = stmt(db, 'SELECT * FROM manifests WHERE id = ?').get(id) as Raw | undefined;
      return r && toManifest(r);
    },
    byNumber(number: string): ManifestRow | undefined {
      const r = stmt(db, 'SELECT * FROM manifests WHERE number = ?').get(number) as Raw | undefined;
      return r && toManifest(r);
    },
    openFor(lineId: string, pickupDate: string): ManifestRow | undefined {
      const r = stmt(db, "SELECT * FROM manifests WHERE line_id = ? AND pickup_date = ? AND status = 'open' ORDER BY opened_at LIMIT 1").get(
        lineId,
        pickupDate,
      ) as Raw | undefined;
      return r && toManifest(r);
    },
    /** Manifests still at the warehouse, plus those handed over or voided since an instant. */
    current(sinceIso: string): ManifestRow[] {
      return (
        stmt(
          db,
          `SELECT * FROM manifests WHERE status IN ('open', 'closed')
             OR (status = 'handed_over' AND handed_over_at >= ?) OR (status = 'voided' AND opened_at >= ?)
           ORDER BY expected_pickup_at, opened_at`,
        ).all(sinceIso, sinceIso) as Raw[]
      ).map(toManifest);
    },
    handedOverOn(lineId: string, pickupDate: string): boolean {
      return !!stmt(db, "SELECT 1 FROM manifests WHERE line_id = ? AND pickup_date = ? AND status = 'handed_over' LIMIT 1").get(lineId, pickupDate);
    },
    /** How many numbers a line was given on a day (manifest numbers are never reused, voided or not). */
    numbersOn(lineId: string, pickupDate: string): string[] {
      return (
        stmt(db, 'SELECT number FROM manifests WHERE line_id = ? AND number IS NOT NULL AND pickup_date = ?').all(lineId, pickupDate) as Array<{
          number: string;
        }>
      ).map((r) => r.number);
    },
    placement(parcelId: string): { manifestId: string; bag: string | null; handedOverAt: string | null } | undefined {
      const r = stmt(db, 'SELECT manifest_id, bag, handed_over_at FROM manifest_parcels WHERE parcel_id = ?').get(parcelId) as
        { manifest_id: string; bag: string | null; handed_over_at: string | null } | undefined;
      return r && { manifestId: r.manifest_id, bag: r.bag, handedOverAt: r.handed_over_at };
    },
    parcelsOn(manifestId: string): LoadedParcelRow[] {
      return (stmt(db, `${LOADED} WHERE mp.manifest_id = ? ORDER BY mp.loaded_at, mp.parcel_id`).all(manifestId) as Raw[]).map(toLoaded);
    },
    /** The last n parcels loaded on a manifest, in load order: what the dispatch screen shows (an index walk, whatever the manifest's size). */
    recentOn(manifestId: string, n: number): LoadedParcelRow[] {
      const rows = stmt(db, `${LOADED} WHERE mp.manifest_id = ? ORDER BY mp.loaded_at DESC, mp.parcel_id DESC LIMIT ?`).all(manifestId, n) as Raw[];
      return rows.map(toLoaded).reverse();
    },
    loaded(parcelId: string): LoadedParcelRow | undefined {
      const r = stmt(db, `${LOADED} WHERE mp.parcel_id = ?`).get(parcelId) as Raw | undefined;
      return r && toLoaded(r);
    },
    /** The bag this station scanned last on this manifest: its next parcels go in it. */
    currentBag(manifestId: string, station: string): string | null {
      const r = stmt(db, 'SELECT code FROM manifest_bags WHERE manifest_id = ? AND opened_station = ? ORDER BY opened_seq DESC LIMIT 1').get(
        manifestId,
        station,
      ) as { code: string } | undefined;
      return r?.code ?? null;
    },
    bags(manifestId: string): Array<{ code: string; parcels: number }> {
      return stmt(
        db,
        `SELECT b.code, (SELECT count(*) FROM manifest_parcels mp WHERE mp.manifest_id = b.manifest_id AND mp.bag = b.code) AS parcels
         FROM manifest_bags b WHERE b.manifest_id = ? ORDER BY b.opened_at, b.code`,
      ).all(manifestId) as Array<{ code: string; parcels: number }>;
    },
    /** Parcels of a line picked by an instant and on no manifest: still on the dock. */
    onDock(lineId: string, pickedByIso: string): Array<{ id: string; trackingNumber: string }> {
      return stmt(
        db,
        `SELECT p.id, p.tracking_number AS trackingNumber FROM parcels p
         WHERE p.line_id = ? AND p.status = 'picked' AND p.picked_at <= ?
           AND NOT EXISTS (SELECT 1 FROM manifest_parcels mp WHERE mp.parcel_id = p.id) ORDER BY p.picked_at`,
      ).all(lineId, pickedByIso) as Array<{ id: string; trackingNumber: string }>;
    },
    /**
     * Parcels of a line on no manifest whose pickup has come (their own pickup, or `fallbackDue` for
     * parcels without one) and no handover of the line since they were picked: what a missed pickup left.
     * Parcels picked before a handover that did not take them are discrepancies (left behind), not this.
     */
    dueWaiting(lineId: string, nowIso: string, fallbackDue: string | null): { count: number; since: string | null } {
      const r = stmt(
        db,
        `SELECT count(*) AS n, min(coalesce(p.pickup_at, ?)) AS since FROM parcels p
         WHERE p.line_id = ? AND p.status IN ('picked', 'missing') AND coalesce(p.pickup_at, ?) <= ?
           AND NOT EXISTS (SELECT 1 FROM manifest_parcels mp WHERE mp.parcel_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM manifests m WHERE m.line_id = p.line_id AND m.status = 'handed_over' AND m.handed_over_at >= p.picked_at)`,
      ).get(fallbackDue, lineId, fallbackDue, nowIso) as { n: number; since: string | null };
      return { count: r.n, since: r.since };
    },
    waitingCount(lineId: string): number {
      return (
        stmt(
          db,
          `SELECT count(*) AS n FROM parcels p WHERE p.line_id = ? AND p.status IN ('picked', 'missing')
             AND NOT EXISTS (SELECT 1 FROM manifest_parcels mp WHERE mp.parcel_id = p.id)`,
        ).get(lineId) as { n: number }
      ).n;
    },
    discrepancy(id: string): DiscrepancyRow | undefined {
      const r = stmt(db, `${DISCREPANCIES} WHERE d.id = ?`).get(id) as Raw | undefined;
      return r && toDiscrepancy(r);
    },
    openDiscrepancies(): DiscrepancyRow[] {
      return (stmt(db, `${DISCREPANCIES} WHERE d.resolved_at IS NULL ORDER BY d.found_at, d.tracking_number`).all() as Raw[]).map(toDiscrepancy);
    },
    discrepanciesOf(manifestId: string): DiscrepancyRow[] {
      return (stmt(db, `${DISCREPANCIES} WHERE d.manifest_id = ? ORDER BY d.found_at, d.tracking_number`).all(manifestId) as Raw[]).map(toDiscrepancy);
    },
    /** When the carrier took a parcel: the start of its first-scan clock (null while it is on hold). */
    handedOverAt(parcelId: string): string | null {
      const r = stmt(db, 'SELECT handed_over_at FROM manifest_parcels WHERE parcel_id = ?').get(parcelId) as { handed_over_at: string | null } | undefined;
      return r?.handed_over_at ?? null;
    },
  };
}

export type DispatchReader = ReturnType<typeof dispatchReader>;
