import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';
import { insertJobs } from '../outbox/projector';

export const parcelsProjector: Projector = {
  'parcel.picked': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      `INSERT INTO parcels (id, order_id, line_id, tracking_number, number_source, status, picked_at, picked_station, picked_by, printer_id,
         cutoff_at, pickup_at, ship_label, ship_late, expected_first_scan_from, expected_first_scan_to)
       VALUES (?, ?, ?, ?, ?, 'picked', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.parcelId,
      p.orderId,
      p.lineId,
      p.trackingNumber,
      JSON.stringify(p.source),
      e.occurredAt,
      e.station,
      e.actor,
      p.printerId,
      p.shipBy?.cutoffAt ?? null,
      p.shipBy?.pickupAt ?? null,
      p.shipBy?.label ?? null,
      p.shipBy ? (p.shipBy.late ? 1 : 0) : null,
      p.shipBy?.firstScanFrom ?? null,
      p.shipBy?.firstScanTo ?? null,
    );
    if (p.source.kind === 'range') {
      stmt(db, 'UPDATE number_ranges SET next_serial = max(next_serial, ?) WHERE id = ?').run(p.source.serial + 1, p.source.rangeId);
    } else {
      stmt(db, 'UPDATE number_pool SET parcel_id = ? WHERE number = ?').run(p.parcelId, p.trackingNumber);
    }
    stmt(db, "UPDATE orders SET status = 'picked' WHERE id = ?").run(p.orderId);
    insertJobs(db, p.jobs, e.occurredAt);
  },
  'parcel.reprinted': (db, e) => {
    stmt(db, 'UPDATE parcels SET reprints = reprints + 1 WHERE id = ?').run(e.payload.parcelId);
    insertJobs(db, e.payload.jobs, e.occurredAt);
  },
  'parcel.relinked': (db, e) => {
    const p = e.payload;
    stmt(db, 'UPDATE parcels SET tracking_number = ?, line_id = ?, number_source = ? WHERE id = ?').run(
      p.newNumber,
      p.lineId,
      JSON.stringify(p.source),
      p.parcelId,
    );
    if (p.source.kind === 'range') {
      stmt(db, 'UPDATE number_ranges SET next_serial = max(next_serial, ?) WHERE id = ?').run(p.source.serial + 1, p.source.rangeId);
      // Site mode issues from leased blocks: the block must move on too, or the serial is issued again.
      stmt(db, 'UPDATE range_blocks SET next = max(next, ?) WHERE range_id = ? AND first <= ? AND last >= ?').run(
        p.source.serial + 1,
        p.source.rangeId,
        p.source.serial,
        p.source.serial,
      );
    } else {
      // A pool number (issued, or typed and found in the pool) is used up; the old number is never reused.
      stmt(db, 'UPDATE number_pool SET parcel_id = ? WHERE number = ?').run(p.parcelId, p.newNumber);
    }
    insertJobs(db, p.jobs, e.occurredAt);
  },
  'label.printed': (db, e) => {
    stmt(db, 'UPDATE parcels SET label_printed_at = coalesce(label_printed_at, ?) WHERE id = ?').run(e.occurredAt, e.payload.parcelId);
  },
};
