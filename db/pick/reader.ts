import type { Sqlite } from '../core/open';
import { SEARCH_SQL } from './search-index';
import { stmt } from '../core/stmt';
import { flag, json, rowMapper, type Raw } from '../core/rows';
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

const toParcel = rowMapper<ParcelRow>({
  id: 'id',
  orderId: 'order_id',
  orderName: 'order_name',
  lineId: 'line_id',
  lineName: 'line_name',
  trackingNumber: 'tracking_number',
  numberSource: json('number_source'),
  status: 'status',
  pickedAt: 'picked_at',
  pickedStation: 'picked_station',
  pickedBy: 'picked_by',
  printerId: 'printer_id',
  labelPrintedAt: 'label_printed_at',
  reprints: 'reprints',
  cutoffAt: 'cutoff_at',
  pickupAt: 'pickup_at',
  shipLabel: 'ship_label',
  late: flag('ship_late'),
  expectedFirstScanFrom: 'expected_first_scan_from',
  expectedFirstScanBy: 'expected_first_scan_to',
  piece: 'piece',
  pieces: 'pieces',
  weightG: 'weight_g',
  shipLines: json('ship_lines'),
});

export const PARCEL_SORTS = ['pickedAt', 'orderName', 'lineName', 'trackingNumber', 'status', 'labelPrintedAt', 'reprints'] as const;
export type ParcelSort = (typeof PARCEL_SORTS)[number];
const SORT_SQL: Record<ParcelSort, string> = {
  pickedAt: 'p.picked_at',
  orderName: 'o.name',
  lineName: 'l.name',
  trackingNumber: 'p.tracking_number',
  status: 'p.status',
  // A label not yet printed sorts as '' (before every time), so a page's last row is a cursor like any other.
  labelPrintedAt: "coalesce(p.label_printed_at, '')",
  reprints: 'p.reprints',
};

export interface ParcelFilter {
  status?: string;
  lineId?: string;
  q?: string;
  limit: number;
  /** Keyset paging in the list's order: the rows after this parcel (the last row of the page before). */
  after?: string;
  /** Only these parcels (a screen's delta after a push), still under the filters. */
  ids?: string[];
  /** Another order than newest first (ties newest first). */
  sort?: { by: ParcelSort; desc: boolean };
  /** Count the matches too (the first page); later pages skip it. */
  count?: boolean;
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
    /**
     * Newest first (or sorted). The total comes from parcel_counts and a search from the trigram index
     * (parcel_search, 3 characters or more, anywhere in the tracking number, order name or buyer):
     * neither reads every parcel. Under 3 characters, only an order of exactly that name matches.
     * Pages by keyset only (`after`: the rows after that parcel in the list's order, sorted or not, so a
     * page costs the same deep in the list as at its top); `ids` answers a screen's delta.
     */
    list(f: ParcelFilter): { rows: ParcelRow[]; total: number | null } {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.status) (where.push('p.status = ?'), args.push(f.status));
      if (f.lineId) (where.push('p.line_id = ?'), args.push(f.lineId));
      const q = f.q?.trim();
      const like = q && q.length >= 3 ? `%${q.replace(/[%_]/g, '')}%` : null;
      if (like) {
        where.push(`p.id IN (${SEARCH_SQL})`);
        args.push(like, like);
      } else if (q) {
        // One or two characters find too much to be a search: only an order of that very name.
        where.push('p.order_id IN (SELECT id FROM orders WHERE name = ? OR name = ?)');
        args.push(q, `#${q}`);
      }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total =
        f.count === false
          ? null
          : q
            ? (stmt(db, `SELECT count(*) AS n FROM parcels p ${w}`).get(...args) as { n: number }).n
            : (
                stmt(db, 'SELECT coalesce(sum(n), 0) AS n FROM parcel_counts WHERE (? IS NULL OR status = ?) AND (? IS NULL OR line_id = ?)').get(
                  f.status ?? null,
                  f.status ?? null,
                  f.lineId ?? null,
                  f.lineId ?? null,
                ) as { n: number }
              ).n;
      const page = [...where];
      const pageArgs = [...args];
      if (f.ids) {
        if (like) {
          // A screen's delta names a few parcels: each is matched on its own row, not by reading every
          // match of the index (tens of ms for a common name at 100k parcels). A relinked parcel's old
          // number is in the index but not on its row: such a parcel leaves the list at its next event.
          const at = where.indexOf(`p.id IN (${SEARCH_SQL})`);
          page.splice(at, 1, `(p.tracking_number LIKE ? OR o.name LIKE ? OR coalesce(json_extract(o.ship_to, '$.name'), '') LIKE ?)`);
          pageArgs.splice(args.indexOf(like), 2, like, like, like);
        }
        page.push(`p.id IN (${f.ids.map(() => '?').join(',') || 'NULL'})`);
        pageArgs.push(...f.ids);
      }
      const sorted = f.sort && !f.ids;
      if (f.after && sorted) {
        // After the cursor's sort value, or at the same value with an older id (ties go newest first).
        const by = SORT_SQL[f.sort!.by];
        const at = `(SELECT ${by} FROM parcels p JOIN orders o ON o.id = p.order_id JOIN carrier_lines l ON l.id = p.line_id WHERE p.id = ?)`;
        page.push(`(${by} ${f.sort!.desc ? '<' : '>'} ${at} OR (${by} = ${at} AND p.id < ?))`);
        pageArgs.push(f.after, f.after, f.after);
      } else if (f.after) (page.push('p.id < ?'), pageArgs.push(f.after));
      const pw = page.length ? `WHERE ${page.join(' AND ')}` : '';
      const order = sorted ? `${SORT_SQL[f.sort!.by]} ${f.sort!.desc ? 'DESC' : 'ASC'}, p.id DESC` : 'p.id DESC';
      const rows = db.prepare(`${SELECT} ${pw} ORDER BY ${order} LIMIT ?`).all(...pageArgs, f.limit) as Raw[];
      return { rows: rows.map(toParcel), total };
    },
  };
}
