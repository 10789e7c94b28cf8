import type { Sqlite } from '../open';
import { stmt } from '../stmt';
import type { NumberSource } from '../event-types';

export interface ParcelRow {
  id: string;
  orderId: string;
  orderName: string;
  lineId: string;
  lineName: string;
  trackingNumber: string;
  numberSource: NumberSource;
  status: string;
  pickedAt: string;
  pickedStation: string;
  pickedBy: string;
  printerId: string | null;
  labelPrintedAt: string | null;
  reprints: number;
  cutoffAt: string | null;
  pickupAt: string | null;
  shipLabel: string | null;
  late: boolean | null;
  expectedFirstScanFrom: string | null;
  expectedFirstScanBy: string | null;
  /** "2 of 3": this parcel's place among its order's parcels (null on a one-parcel order). */
  piece: number | null;
  pieces: number | null;
  weightG: number | null;
  /** A partial shipment's order lines and quantities (null: the whole order). */
  shipLines: Array<{ idx: number; quantity: number }> | null;
}

const SELECT = `SELECT p.*, o.name AS order_name, l.name AS line_name FROM parcels p
  JOIN orders o ON o.id = p.order_id JOIN carrier_lines l ON l.id = p.line_id`;

type Raw = Record<string, unknown>;
const toParcel = (r: Raw): ParcelRow => ({
  id: r.id as string,
  orderId: r.order_id as string,
  orderName: r.order_name as string,
  lineId: r.line_id as string,
  lineName: r.line_name as string,
  trackingNumber: r.tracking_number as string,
  numberSource: JSON.parse(r.number_source as string),
  status: r.status as string,
  pickedAt: r.picked_at as string,
  pickedStation: r.picked_station as string,
  pickedBy: r.picked_by as string,
  printerId: (r.printer_id as string) ?? null,
  labelPrintedAt: (r.label_printed_at as string) ?? null,
  reprints: r.reprints as number,
  cutoffAt: (r.cutoff_at as string) ?? null,
  pickupAt: (r.pickup_at as string) ?? null,
  shipLabel: (r.ship_label as string) ?? null,
  late: r.ship_late == null ? null : r.ship_late === 1,
  expectedFirstScanFrom: (r.expected_first_scan_from as string) ?? null,
  expectedFirstScanBy: (r.expected_first_scan_to as string) ?? null,
  piece: (r.piece as number) ?? null,
  pieces: (r.pieces as number) ?? null,
  weightG: (r.weight_g as number) ?? null,
  shipLines: r.ship_lines ? JSON.parse(r.ship_lines as string) : null,
});

export interface ParcelFilter {
  status?: string;
  lineId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export function parcelsReader(db: Sqlite) {
  return {
    get(id: string): ParcelRow | undefined {
      const r = stmt(db, `${SELECT} WHERE p.id = ?`).get(id) as Raw | undefined;
      return r && toParcel(r);
    },
    byTracking(number: string): ParcelRow | undefined {
      const hit = stmt(db, 'SELECT id FROM parcels WHERE tracking_number = ?').get(number) as { id: string } | undefined;
      return hit && this.get(hit.id);
    },
    forOrder(orderId: string): ParcelRow[] {
      return (stmt(db, `${SELECT} WHERE p.order_id = ? ORDER BY p.picked_at`).all(orderId) as Raw[]).map(toParcel);
    },
    list(f: ParcelFilter): { rows: ParcelRow[]; total: number } {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.status) (where.push('p.status = ?'), args.push(f.status));
      if (f.lineId) (where.push('p.line_id = ?'), args.push(f.lineId));
      if (f.q) {
        where.push('(p.tracking_number LIKE ? OR o.name LIKE ?)');
        args.push(`%${f.q}%`, `%${f.q}%`);
      }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM parcels p JOIN orders o ON o.id = p.order_id ${w}`).get(...args) as { n: number }).n;
      const rows = db.prepare(`${SELECT} ${w} ORDER BY p.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as Raw[];
      return { rows: rows.map(toParcel), total };
    },
  };
}
