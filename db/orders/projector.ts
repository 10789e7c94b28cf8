import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';

export const ordersProjector: Projector = {
  'orders.imported': (db, e) => {
    const order = stmt(
      db,
      `INSERT INTO orders (id, store, name, status, status_note, line_id, ship_to, email, created_at, source, external_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const item = stmt(db, 'INSERT INTO order_items (order_id, idx, sku, barcode, title, quantity, external_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const o of e.payload.orders) {
      order.run(
        o.id,
        o.store,
        o.name,
        o.status,
        o.statusNote ?? null,
        o.lineId,
        JSON.stringify(o.shipTo),
        o.email ?? null,
        o.createdAt,
        o.source,
        o.externalId ?? null,
      );
      o.items.forEach((it, i) => item.run(o.id, i, it.sku, it.barcode ?? null, it.title, it.quantity, it.externalId ?? null));
    }
  },
  'order.status_changed': (db, e) => {
    stmt(db, 'UPDATE orders SET status = ?, status_note = ? WHERE id = ?').run(e.payload.status, e.payload.note ?? null, e.payload.orderId);
  },
};
