import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { CustomsSkuData, PackRulesData, WeightSource } from './events';

export interface PackSessionRow {
  orderId: string;
  status: 'open' | 'issued';
  openedAt: string;
  openedBy: string;
  parcels: number;
  weights: Array<{ grams: number; source: WeightSource }>;
  overrideBy: string | null;
  overrideReason: string | null;
  extras: number;
}

export interface PackLineRow {
  idx: number;
  sku: string;
  barcode: string | null;
  title: string;
  ordered: number;
  counted: number;
  shipped: number;
  /** Items of this line counted into each parcel (box 1 = "1 of N") at the open session. */
  boxes: Record<number, number>;
}

export interface BatchRow {
  id: string;
  label: string;
  createdAt: string;
  createdBy: string;
  total: number;
  status: 'running' | 'stopped' | 'done';
}

const toRules = rowMapper<PackRulesData>({
  scope: 'scope',
  verify: (r) => r.verify === 1,
  itemsPerParcel: 'items_per_parcel',
  needsWeight: (r) => r.needs_weight === 1,
  needsCustoms: (r) => r.needs_customs === 1,
});

const toSession = rowMapper<PackSessionRow>({
  orderId: 'order_id',
  status: 'status',
  openedAt: 'opened_at',
  openedBy: 'opened_by',
  parcels: 'parcels',
  weights: json('weights'),
  overrideBy: 'override_by',
  overrideReason: 'override_reason',
  extras: 'extras',
});

const toLine = rowMapper<PackLineRow>({
  idx: 'idx',
  sku: 'sku',
  barcode: 'barcode',
  title: 'title',
  ordered: 'quantity',
  counted: 'counted',
  shipped: 'shipped',
  boxes: json('boxes'),
});

type BatchOrderRow = { seq: number; orderId: string; orderName: string; outcome: string | null; parcelId: string | null; message: string | null };
const toBatchOrder = rowMapper<BatchOrderRow>({
  seq: 'seq',
  orderId: 'order_id',
  orderName: 'name',
  outcome: 'outcome',
  parcelId: 'parcel_id',
  message: 'message',
});

const toPending = rowMapper<{ seq: number; orderId: string }>({ seq: 'seq', orderId: 'order_id' });

type MissingParcel = { parcelId: string; trackingNumber: string; piece: number; pieces: number; status: string };
const toMissing = rowMapper<MissingParcel>({ parcelId: 'id', trackingNumber: 'tracking_number', piece: 'piece', pieces: 'pieces', status: 'status' });

const known = new WeakMap<Sqlite, boolean>();

export function anyRules(db: Sqlite): boolean {
  let any = known.get(db);
  if (any === undefined) known.set(db, (any = stmt(db, 'SELECT 1 FROM pack_rules LIMIT 1').get() !== undefined));
  return any;
}

/**
 * The projection of a saved rule forgets the answer (rules are only ever added or changed by that
 * event; a rebuild or a site undo that removes one leaves a stale "yes", which only costs a lookup).
 */
export function forgetRules(db: Sqlite): void {
  known.delete(db);
}

export function packReader(db: Sqlite) {
  return {
    /** The rules of a scope ('line:<id>' / 'store:<id>'), undefined when none were saved. */
    rules(scope: string): PackRulesData | undefined {
      const r = stmt(db, 'SELECT * FROM pack_rules WHERE scope = ?').get(scope) as Raw | undefined;
      return r && toRules(r);
    },
    allRules(): PackRulesData[] {
      return (stmt(db, 'SELECT * FROM pack_rules ORDER BY scope').all() as Raw[]).map(toRules);
    },
    /** The pick path's test (every scan asks): does any rule exist at all? Read once, again after a rule is saved. */
    anyRules: () => anyRules(db),
    session(orderId: string): PackSessionRow | undefined {
      const r = stmt(db, 'SELECT * FROM pack_sessions WHERE order_id = ?').get(orderId) as Raw | undefined;
      return r && toSession(r);
    },
    /** The order's lines with what was counted at the bench and what left in earlier parcels. */
    lines(orderId: string): PackLineRow[] {
      return (
        stmt(
          db,
          `SELECT i.idx, i.sku, i.barcode, i.title, i.quantity, coalesce(c.counted, 0) AS counted, coalesce(c.shipped, 0) AS shipped, coalesce(c.boxes, '{}') AS boxes
           FROM order_items i LEFT JOIN pack_counts c ON c.order_id = i.order_id AND c.idx = i.idx WHERE i.order_id = ? ORDER BY i.idx`,
        ).all(orderId) as Raw[]
      ).map(toLine);
    },
    customsSku(sku: string): CustomsSkuData | undefined {
      const r = stmt(db, 'SELECT * FROM customs_skus WHERE sku = ?').get(sku) as Raw | undefined;
      return r && toSku(r);
    },
    customsSkus(): CustomsSkuData[] {
      return (stmt(db, 'SELECT * FROM customs_skus ORDER BY sku').all() as Raw[]).map(toSku);
    },
    batch(id: string): BatchRow | undefined {
      const r = stmt(db, 'SELECT * FROM pack_batches WHERE id = ?').get(id) as Raw | undefined;
      return r && toBatch(r);
    },
    batches(limit = 20): BatchRow[] {
      return (stmt(db, 'SELECT * FROM pack_batches ORDER BY created_at DESC LIMIT ?').all(limit) as Raw[]).map(toBatch);
    },
    batchOrders(id: string): BatchOrderRow[] {
      return (
        stmt(
          db,
          `SELECT b.seq, b.order_id, o.name, b.outcome, b.parcel_id, b.message FROM pack_batch_orders b JOIN orders o ON o.id = b.order_id
           WHERE b.batch_id = ? ORDER BY b.seq`,
        ).all(id) as Raw[]
      ).map(toBatchOrder);
    },
    /** The next orders of a batch that have no outcome yet, in batch order. */
    batchPending(id: string, limit: number): Array<{ seq: number; orderId: string }> {
      return (stmt(db, 'SELECT seq, order_id FROM pack_batch_orders WHERE batch_id = ? AND outcome IS NULL ORDER BY seq LIMIT ?').all(id, limit) as Raw[]).map(
        toPending,
      );
    },
    batchCounts(id: string): { done: number; issued: number; refused: number; skipped: number } {
      const r = stmt(
        db,
        `SELECT count(outcome) AS done, sum(outcome = 'issued') AS issued, sum(outcome = 'refused') AS refused, sum(outcome = 'skipped') AS skipped
         FROM pack_batch_orders WHERE batch_id = ?`,
      ).get(id) as Raw;
      return { done: r.done as number, issued: (r.issued as number) ?? 0, refused: (r.refused as number) ?? 0, skipped: (r.skipped as number) ?? 0 };
    },
    /** Labels of a batch's parcels the printer took. */
    batchPrinted(id: string): number {
      return (
        stmt(
          db,
          'SELECT count(*) AS n FROM pack_batch_orders b JOIN parcels p ON p.id = b.parcel_id WHERE b.batch_id = ? AND p.label_printed_at IS NOT NULL',
        ).get(id) as {
          n: number;
        }
      ).n;
    },
    /** Open orders for a batch run: of a line (or every line), taken in before a time, oldest first. */
    openOrders(f: { lineId?: string; before?: string; limit: number }): string[] {
      return (
        stmt(
          db,
          `SELECT id FROM orders WHERE status = 'open' AND line_id IS NOT NULL AND (? IS NULL OR line_id = ?) AND (? IS NULL OR created_at <= ?)
           ORDER BY created_at, name LIMIT ?`,
        ).all(f.lineId ?? null, f.lineId ?? null, f.before ?? null, f.before ?? null, f.limit) as Array<{ id: string }>
      ).map((r) => r.id);
    },
    /** Orders split into several parcels with a parcel that is not on this manifest and not yet handed over ("2 of 3" missing). */
    splitOrdersShort(manifestId: string): Array<{ orderId: string; orderName: string; missing: MissingParcel[] }> {
      const rows = stmt(
        db,
        `SELECT o.id AS order_id, o.name, p.id, p.tracking_number, p.piece, p.pieces, p.status FROM parcels p JOIN orders o ON o.id = p.order_id
         WHERE p.pieces IS NOT NULL AND p.order_id IN (SELECT q.order_id FROM manifest_parcels mp JOIN parcels q ON q.id = mp.parcel_id WHERE mp.manifest_id = ?)
           AND p.id NOT IN (SELECT parcel_id FROM manifest_parcels WHERE manifest_id = ?) AND p.status NOT IN ('handed_over', 'voided')
         ORDER BY o.name, p.piece`,
      ).all(manifestId, manifestId) as Raw[];
      const out = new Map<string, { orderId: string; orderName: string; missing: MissingParcel[] }>();
      for (const r of rows) {
        const k = r.order_id as string;
        if (!out.has(k)) out.set(k, { orderId: k, orderName: r.name as string, missing: [] });
        out.get(k)!.missing.push(toMissing(r));
      }
      return [...out.values()];
    },
  };
}

const toSku = (r: Raw): CustomsSkuData => ({
  sku: r.sku as string,
  description: r.description as string,
  ...(r.hs_code ? { hsCode: r.hs_code as string } : {}),
  ...(r.origin ? { origin: r.origin as string } : {}),
  ...(r.value != null ? { value: r.value as number } : {}),
  ...(r.currency ? { currency: r.currency as string } : {}),
  ...(r.weight_g != null ? { weightG: r.weight_g as number } : {}),
});

const toBatch = rowMapper<BatchRow>({ id: 'id', label: 'label', createdAt: 'created_at', createdBy: 'created_by', total: 'total', status: 'status' });
