import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';
import { openConflict } from './conflicts';

export const siteProjector: Projector = {
  'range.block_leased': (db, e) => {
    const p = e.payload;
    stmt(db, "INSERT INTO range_blocks (range_id, first, last, station, next, state, leased_at) VALUES (?, ?, ?, ?, ?, 'leased', ?)").run(
      p.rangeId,
      p.first,
      p.last,
      e.station,
      p.first,
      e.occurredAt,
    );
  },
  'range.block_returned': (db, e) => {
    const p = e.payload;
    stmt(db, "UPDATE range_blocks SET state = 'returned', returned_at = ? WHERE range_id = ? AND station = ? AND first <= ? AND last >= ?").run(
      e.occurredAt,
      p.rangeId,
      e.station,
      p.first,
      p.last,
    );
  },
  'parcel.picked': (db, e) => {
    const p = e.payload;
    if (p.source.kind === 'range')
      stmt(db, 'UPDATE range_blocks SET next = max(next, ?) WHERE range_id = ? AND first <= ? AND last >= ?').run(
        p.source.serial + 1,
        p.source.rangeId,
        p.source.serial,
        p.source.serial,
      );
    const parcels = stmt(db, "SELECT id, picked_station FROM parcels WHERE order_id = ? AND status != 'voided'").all(p.orderId) as Array<{
      id: string;
      picked_station: string;
    }>;
    if (parcels.length > 1)
      openConflict(
        db,
        e,
        'order_picked_twice',
        p.orderId,
        `Order ${p.orderId} was picked at ${parcels.length} stations while they were apart (parcels ${parcels.map((r) => `${r.id} at ${r.picked_station}`).join(', ')}). Keep one parcel, void the other and put its items back.`,
        parcels.map((r) => ({ station: r.picked_station })),
      );
  },
  'site.conflict_settled': (db, e) => {
    stmt(db, "UPDATE site_conflicts SET status = 'settled', settled_at = ?, settled_by = ?, resolution = ? WHERE id = ?").run(
      e.occurredAt,
      e.actor,
      [e.payload.resolution, e.payload.note].filter(Boolean).join(': '),
      e.payload.conflictId,
    );
  },
};

export const siteTables: Array<{ table: string; runtime?: string[] }> = [{ table: 'site_conflicts' }, { table: 'range_blocks' }];
