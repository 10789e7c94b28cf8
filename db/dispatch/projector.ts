import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { insertJobs } from '../outbox/projector';
import type { Projector } from '../core/types';

/** Manifest counters follow what is on it, so a load never counts rows. */
function adjustCounts(db: Sqlite, manifestId: string, parcels: number, weight: number | null) {
  stmt(db, 'UPDATE manifests SET parcels = parcels + ?, weight_g = weight_g + ?, unweighed = unweighed + ? WHERE id = ?').run(
    parcels,
    parcels * (weight ?? 0),
    weight === null ? parcels : 0,
    manifestId,
  );
}

function takeOff(db: Sqlite, parcelId: string) {
  const row = stmt(db, 'SELECT manifest_id, weight_g FROM manifest_parcels WHERE parcel_id = ?').get(parcelId) as
    { manifest_id: string; weight_g: number | null } | undefined;
  if (!row) return;
  stmt(db, 'DELETE FROM manifest_parcels WHERE parcel_id = ?').run(parcelId);
  adjustCounts(db, row.manifest_id, -1, row.weight_g);
}

const setParcel = (db: Sqlite, parcelId: string, status: string) => stmt(db, 'UPDATE parcels SET status = ? WHERE id = ?').run(status, parcelId);

function resolveFor(db: Sqlite, parcelId: string, resolution: string, at: string, by: string) {
  stmt(
    db,
    "UPDATE dispatch_discrepancies SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE parcel_id = ? AND resolved_at IS NULL AND kind = 'left_behind'",
  ).run(at, resolution, by, parcelId);
}

/** Projections of the dispatch capability; tables listed children first (deleted in this order on rebuild). */
export const dispatchProjector: Projector = {
  'dispatch.rules_saved': (db, e) => {
    const r = e.payload.rules;
    stmt(
      db,
      `INSERT INTO dispatch_rules (line_id, services, max_parcels, max_weight_g, bags, weight, expected_pickup, acceptance)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (line_id) DO UPDATE SET services = excluded.services, max_parcels = excluded.max_parcels,
         max_weight_g = excluded.max_weight_g, bags = excluded.bags, weight = excluded.weight,
         expected_pickup = excluded.expected_pickup, acceptance = excluded.acceptance`,
    ).run(r.lineId, JSON.stringify(r.services), r.maxParcels, r.maxWeightGrams, r.bags, r.weight, r.expectedPickup, r.acceptance);
  },
  'manifest.opened': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      `INSERT INTO manifests (id, line_id, pickup_date, expected_pickup_at, status, opened_at, opened_by, opened_station)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
    ).run(p.manifestId, p.lineId, p.pickupDate, p.expectedPickupAt, e.occurredAt, e.actor, e.station);
  },
  'manifest.bag_opened': (db, e) => {
    stmt(
      db,
      `INSERT INTO manifest_bags (manifest_id, code, opened_at, opened_station, opened_seq) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (manifest_id, code) DO UPDATE SET opened_station = excluded.opened_station, opened_seq = excluded.opened_seq`,
    ).run(e.payload.manifestId, e.payload.bag, e.occurredAt, e.station, e.seq);
  },
  'parcel.loaded': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      `INSERT INTO manifest_parcels (parcel_id, manifest_id, bag, weight_g, loaded_at, loaded_by, loaded_station)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.parcelId, p.manifestId, p.bag, p.weightGrams, e.occurredAt, e.actor, e.station);
    adjustCounts(db, p.manifestId, 1, p.weightGrams);
    setParcel(db, p.parcelId, 'loaded');
    resolveFor(db, p.parcelId, 'loaded', e.occurredAt, e.actor);
  },
  'parcel.unloaded': (db, e) => {
    takeOff(db, e.payload.parcelId);
    setParcel(db, e.payload.parcelId, 'picked');
  },
  'manifest.closed': (db, e) => {
    stmt(db, "UPDATE manifests SET status = 'closed', number = coalesce(number, ?), closed_at = ?, closed_by = ? WHERE id = ?").run(
      e.payload.number,
      e.occurredAt,
      e.actor,
      e.payload.manifestId,
    );
    insertJobs(db, e.payload.jobs, e.occurredAt);
  },
  'manifest.reopened': (db, e) => {
    stmt(db, "UPDATE manifests SET status = 'open', status_note = ?, reopened = reopened + 1 WHERE id = ?").run(e.payload.reason, e.payload.manifestId);
  },
  'manifest.voided': (db, e) => {
    for (const id of e.payload.parcelIds) {
      takeOff(db, id);
      setParcel(db, id, 'picked');
    }
    stmt(db, "UPDATE manifests SET status = 'voided', status_note = ? WHERE id = ?").run(e.payload.reason, e.payload.manifestId);
  },
  'parcel.handed_over': (db, e) => {
    const p = e.payload;
    const on = stmt(db, 'SELECT manifest_id FROM manifest_parcels WHERE parcel_id = ?').get(p.parcelId) as { manifest_id: string } | undefined;
    if (!on) {
      // Resolved after the fact (the carrier took a parcel that was never loaded): it joins the manifest.
      stmt(
        db,
        `INSERT INTO manifest_parcels (parcel_id, manifest_id, bag, weight_g, loaded_at, loaded_by, loaded_station) VALUES (?, ?, NULL, NULL, ?, ?, ?)`,
      ).run(p.parcelId, p.manifestId, e.occurredAt, e.actor, e.station);
      adjustCounts(db, p.manifestId, 1, null);
    }
    stmt(db, 'UPDATE manifest_parcels SET handed_over_at = ? WHERE parcel_id = ?').run(p.handedOverAt, p.parcelId);
    setParcel(db, p.parcelId, 'handed_over');
    // The order ships when none of its live parcels is still at the warehouse.
    stmt(
      db,
      `UPDATE orders SET status = 'shipped' WHERE id = ? AND NOT EXISTS
         (SELECT 1 FROM parcels WHERE order_id = ? AND status NOT IN ('handed_over', 'voided'))`,
    ).run(p.orderId, p.orderId);
    insertJobs(db, p.jobs, e.occurredAt);
  },
  'parcel.missing': (db, e) => setParcel(db, e.payload.parcelId, 'missing'),
  'parcel.voided': (db, e) => {
    takeOff(db, e.payload.parcelId);
    setParcel(db, e.payload.parcelId, 'voided');
    stmt(db, "UPDATE dispatch_discrepancies SET resolved_at = ?, resolution = 'voided', resolved_by = ? WHERE parcel_id = ? AND resolved_at IS NULL").run(
      e.occurredAt,
      e.actor,
      e.payload.parcelId,
    );
  },
  'manifest.handed_over': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      "UPDATE manifests SET status = 'handed_over', handed_over_at = ?, handover_by = ?, handover_via = ?, driver = ?, carrier_ref = ? WHERE id = ?",
    ).run(e.occurredAt, e.actor, p.via, p.driver, p.carrierRef, p.manifestId);
    const line = (stmt(db, 'SELECT line_id FROM manifests WHERE id = ?').get(p.manifestId) as { line_id: string }).line_id;
    const ins = stmt(
      db,
      'INSERT INTO dispatch_discrepancies (id, kind, manifest_id, line_id, parcel_id, tracking_number, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const d of p.discrepancies) ins.run(d.id, d.kind, p.manifestId, line, d.parcelId, d.trackingNumber, e.occurredAt);
  },
  'dispatch.discrepancy_resolved': (db, e) => {
    const p = e.payload;
    const d = stmt(db, 'SELECT parcel_id, kind FROM dispatch_discrepancies WHERE id = ?').get(p.id) as { parcel_id: string | null; kind: string } | undefined;
    stmt(db, 'UPDATE dispatch_discrepancies SET resolved_at = ?, resolution = ?, resolved_by = ?, note = ? WHERE id = ?').run(
      e.occurredAt,
      p.resolution,
      e.actor,
      p.note,
      p.id,
    );
    if (p.resolution === 'back_to_dock' && d?.parcel_id) {
      takeOff(db, d.parcel_id);
      setParcel(db, d.parcel_id, 'picked');
    }
  },
};

export const dispatchTables: Array<{ table: string; runtime?: string[] }> = [
  { table: 'dispatch_discrepancies' },
  { table: 'manifest_parcels' },
  { table: 'manifest_bags' },
  { table: 'manifests' },
  { table: 'dispatch_rules' },
];
