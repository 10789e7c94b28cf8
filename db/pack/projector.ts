import { stmt } from '../core/stmt';
import type { Sqlite } from '../core/open';
import type { Projector } from '../core/types';
import { forgetRules } from './reader';
import { insertJobs } from '../outbox/projector';

function openSession(db: Sqlite, orderId: string, at: string, by: string, parcels: number): void {
  stmt(
    db,
    `INSERT INTO pack_sessions (order_id, status, opened_at, opened_by, parcels) VALUES (?, 'open', ?, ?, ?)
     ON CONFLICT (order_id) DO UPDATE SET status = 'open', opened_at = excluded.opened_at, opened_by = excluded.opened_by,
       parcels = excluded.parcels, weights = '[]', override_by = NULL, override_reason = NULL, extras = 0`,
  ).run(orderId, at, by, parcels);
  stmt(db, 'INSERT OR IGNORE INTO pack_counts (order_id, idx) SELECT order_id, idx FROM order_items WHERE order_id = ?').run(orderId);
  stmt(db, "UPDATE pack_counts SET counted = 0, boxes = '{}' WHERE order_id = ?").run(orderId);
}

export const packProjector: Projector = {
  'pack.rules_saved': (db, e) => {
    forgetRules(db);
    const r = e.payload;
    stmt(
      db,
      `INSERT INTO pack_rules (scope, verify, items_per_parcel, needs_weight, needs_customs) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET verify = excluded.verify, items_per_parcel = excluded.items_per_parcel,
         needs_weight = excluded.needs_weight, needs_customs = excluded.needs_customs`,
    ).run(r.scope, r.verify ? 1 : 0, r.itemsPerParcel, r.needsWeight ? 1 : 0, r.needsCustoms ? 1 : 0);
  },
  'pack.rules_removed': (db, e) => {
    stmt(db, 'DELETE FROM pack_rules WHERE scope = ?').run(e.payload.scope);
  },
  'pack.opened': (db, e) => openSession(db, e.payload.orderId, e.occurredAt, e.actor, e.payload.parcels),
  'pack.item_counted': (db, e) => {
    const box = `$."${e.payload.parcel ?? 1}"`;
    stmt(
      db,
      'UPDATE pack_counts SET counted = counted + 1, boxes = json_set(boxes, ?, coalesce(json_extract(boxes, ?), 0) + 1) WHERE order_id = ? AND idx = ?',
    ).run(box, box, e.payload.orderId, e.payload.idx);
  },
  'pack.item_refused': (db, e) => {
    if (e.payload.reason === 'extra') stmt(db, 'UPDATE pack_sessions SET extras = extras + 1 WHERE order_id = ?').run(e.payload.orderId);
  },
  'pack.parcels_set': (db, e) => {
    stmt(db, "UPDATE pack_sessions SET parcels = ?, weights = '[]' WHERE order_id = ?").run(e.payload.parcels, e.payload.orderId);
  },
  'pack.weighed': (db, e) => {
    stmt(db, `UPDATE pack_sessions SET weights = json_insert(weights, '$[#]', json(?)) WHERE order_id = ?`).run(
      JSON.stringify({ grams: e.payload.grams, source: e.payload.source }),
      e.payload.orderId,
    );
  },
  'pack.overridden': (db, e) => {
    stmt(db, 'UPDATE pack_sessions SET override_by = ?, override_reason = ? WHERE order_id = ?').run(e.payload.supervisor, e.payload.reason, e.payload.orderId);
  },
  'pack.issued': (db, e) => {
    const p = e.payload;
    const s = stmt(db, 'SELECT weights FROM pack_sessions WHERE order_id = ?').get(p.orderId) as { weights: string } | undefined;
    const weights = s ? (JSON.parse(s.weights) as Array<{ grams: number }>) : [];
    const piece = stmt(db, 'UPDATE parcels SET piece = ?, pieces = ?, weight_g = ?, ship_lines = ? WHERE id = ?');
    const lines = p.partial ? JSON.stringify(p.lines) : null;
    const n = p.parcelIds.length;
    p.parcelIds.forEach((id, i) =>
      piece.run(n > 1 ? i + 1 : null, n > 1 ? n : null, weights[i]?.grams ?? null, p.contents?.[i] ? JSON.stringify(p.contents[i]) : lines, id),
    );
    stmt(db, "UPDATE pack_sessions SET status = 'issued' WHERE order_id = ?").run(p.orderId);
    const shipped = stmt(db, "UPDATE pack_counts SET shipped = shipped + ?, counted = 0, boxes = '{}' WHERE order_id = ? AND idx = ?");
    for (const l of p.lines) shipped.run(l.quantity, p.orderId, l.idx);
    // The rest of a partial shipment stays open on the pick screen (parcel.picked set it picked).
    if (p.partial) stmt(db, "UPDATE orders SET status = 'open' WHERE id = ?").run(p.orderId);
  },
  'customs.form_queued': (db, e) => insertJobs(db, e.payload.jobs, e.occurredAt),
  'customs.skus_imported': (db, e) => {
    const up = stmt(
      db,
      `INSERT INTO customs_skus (sku, description, hs_code, origin, value, currency, weight_g) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET description = excluded.description, hs_code = excluded.hs_code, origin = excluded.origin,
         value = excluded.value, currency = excluded.currency, weight_g = excluded.weight_g`,
    );
    for (const r of e.payload.rows) up.run(r.sku, r.description, r.hsCode ?? null, r.origin ?? null, r.value ?? null, r.currency ?? null, r.weightG ?? null);
  },
  'pack.batch_started': (db, e) => {
    const p = e.payload;
    stmt(db, "INSERT INTO pack_batches (id, label, created_at, created_by, total, status) VALUES (?, ?, ?, ?, ?, 'running')").run(
      p.batchId,
      p.label,
      e.occurredAt,
      e.actor,
      p.orderIds.length,
    );
    const row = stmt(db, 'INSERT INTO pack_batch_orders (batch_id, seq, order_id) VALUES (?, ?, ?)');
    p.orderIds.forEach((id, i) => row.run(p.batchId, i, id));
  },
  'pack.batch_order': (db, e) => {
    const p = e.payload;
    stmt(db, 'UPDATE pack_batch_orders SET outcome = ?, parcel_id = ?, message = ? WHERE batch_id = ? AND seq = ?').run(
      p.outcome,
      p.parcelId ?? null,
      p.message ?? null,
      p.batchId,
      p.seq,
    );
  },
  'pack.batch_ended': (db, e) => {
    stmt(db, 'UPDATE pack_batches SET status = ? WHERE id = ?').run(e.payload.status, e.payload.batchId);
  },
};

export const packTables: Array<{ table: string; runtime?: string[] }> = [
  { table: 'pack_batch_orders' },
  { table: 'pack_batches' },
  { table: 'customs_skus' },
  { table: 'pack_counts' },
  { table: 'pack_sessions' },
  { table: 'pack_rules' },
];
