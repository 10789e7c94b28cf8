import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';

export const linesProjector: Projector = {
  'line.saved': (db, e) => {
    const l = e.payload.line;
    stmt(
      db,
      `INSERT INTO carrier_lines (id, name, carrier, shopify_company, tracking_url, service, route_type, number_source, low_days, daily_volume, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, carrier = excluded.carrier, shopify_company = excluded.shopify_company,
         tracking_url = excluded.tracking_url, service = excluded.service, route_type = excluded.route_type,
         number_source = excluded.number_source, low_days = excluded.low_days, daily_volume = excluded.daily_volume,
         active = excluded.active`,
    ).run(l.id, l.name, l.carrier, l.shopifyCompany, l.trackingUrl, l.service, l.routeType, l.numberSource, l.lowDays, l.dailyVolume, l.active ? 1 : 0);
  },
  'range.added': (db, e) => {
    const r = e.payload.range;
    stmt(db, 'INSERT INTO number_ranges (id, line_id, params, first_serial, last_serial, next_serial, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      r.id,
      r.lineId,
      JSON.stringify(r.params),
      r.first,
      r.last,
      r.first,
      e.occurredAt,
    );
  },
  // A taken number the line passed over: its counter (or pool slot, or site block) moves past it.
  'number.skipped': (db, e) => {
    const p = e.payload;
    if (p.rangeId !== undefined && p.serial !== undefined) {
      stmt(db, 'UPDATE number_ranges SET next_serial = max(next_serial, ?) WHERE id = ?').run(p.serial + 1, p.rangeId);
      stmt(db, 'UPDATE range_blocks SET next = max(next, ?) WHERE range_id = ? AND first <= ? AND last >= ?').run(p.serial + 1, p.rangeId, p.serial, p.serial);
    } else stmt(db, 'UPDATE number_pool SET parcel_id = ? WHERE number = ? AND parcel_id IS NULL').run(p.takenBy, p.number);
  },
  'pool.imported': (db, e) => {
    const start = (stmt(db, 'SELECT coalesce(max(pos), 0) AS p FROM number_pool WHERE line_id = ?').get(e.payload.lineId) as { p: number }).p;
    const ins = stmt(db, 'INSERT INTO number_pool (number, line_id, format, pos) VALUES (?, ?, ?, ?)');
    e.payload.numbers.forEach((n, i) => ins.run(n.number, e.payload.lineId, n.format, start + i + 1));
  },
};
