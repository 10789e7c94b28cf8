import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { AddressData } from '../event-types';

export interface OrderRow {
  id: string;
  store: string;
  name: string;
  status: 'open' | 'picked' | 'shipped' | 'cancelled' | 'on_hold';
  statusNote: string | null;
  lineId: string | null;
  shipTo: AddressData;
  email: string | null;
  createdAt: string;
  source: string;
  externalId: string | null;
}

export interface OrderItemRow {
  idx: number;
  sku: string;
  barcode: string | null;
  title: string;
  quantity: number;
}

const toOrder = rowMapper<OrderRow>({
  id: 'id',
  store: 'store',
  name: 'name',
  status: 'status',
  statusNote: 'status_note',
  lineId: 'line_id',
  shipTo: json('ship_to'),
  email: 'email',
  createdAt: 'created_at',
  source: 'source',
  externalId: 'external_id',
});

export function ordersReader(db: Sqlite) {
  return {
    get(id: string): OrderRow | undefined {
      const r = stmt(db, 'SELECT * FROM orders WHERE id = ?').get(id) as Raw | undefined;
      return r && toOrder(r);
    },
    /** Status only: the pick transaction checks it again under the write lock. */
    status(id: string): OrderRow['status'] | undefined {
      return (stmt(db, 'SELECT status FROM orders WHERE id = ?').get(id) as { status: OrderRow['status'] } | undefined)?.status;
    },
    /** The stores orders came from (order files, the demo, Shopify). */
    stores(): string[] {
      return (stmt(db, 'SELECT DISTINCT store FROM orders ORDER BY store').all() as Array<{ store: string }>).map((r) => r.store);
    },
    /** Order names are matched with or without the leading '#'. */
    byName(name: string): OrderRow[] {
      const bare = name.replace(/^#/, '');
      return (stmt(db, 'SELECT * FROM orders WHERE name IN (?, ?) ORDER BY created_at').all(bare, `#${bare}`) as Raw[]).map(toOrder);
    },
    /** Orders with an item of this barcode or SKU that still wait to be picked. */
    openByItemCode(code: string): OrderRow[] {
      return (
        stmt(
          db,
          `SELECT DISTINCT o.* FROM orders o JOIN order_items i ON i.order_id = o.id
           WHERE (i.barcode = ? OR i.sku = ?) AND o.status IN ('open', 'on_hold') ORDER BY o.created_at`,
        ).all(code, code) as Raw[]
      ).map(toOrder);
    },
    items(orderId: string): OrderItemRow[] {
      return stmt(db, 'SELECT idx, sku, barcode, title, quantity FROM order_items WHERE order_id = ? ORDER BY idx').all(orderId) as OrderItemRow[];
    },
    existingNames(store: string, names: string[]): Set<string> {
      const q = stmt(db, 'SELECT 1 FROM orders WHERE store = ? AND name = ?');
      return new Set(names.filter((n) => q.get(store, n)));
    },
    countByStatus(): Record<string, number> {
      const rows = stmt(db, 'SELECT status, n FROM order_counts WHERE n > 0').all() as Array<{ status: string; n: number }>;
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
    list(q: { status?: string; limit: number }): OrderRow[] {
      const rows = q.status
        ? stmt(db, 'SELECT * FROM orders WHERE status = ? ORDER BY created_at LIMIT ?').all(q.status, q.limit)
        : stmt(db, 'SELECT * FROM orders ORDER BY created_at LIMIT ?').all(q.limit);
      return (rows as Raw[]).map(toOrder);
    },
  };
}
