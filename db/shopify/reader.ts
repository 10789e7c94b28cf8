import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { NotifyAt, ShopifyStoreData } from './events';

export interface ShopifyStoreRow extends ShopifyStoreData {
  notifyAt: NotifyAt;
  missingScopes: string[];
  connectedAt: string;
  lastIntakeAt: string | null;
  lastIntake: { imported: number; changed: number; seen: number } | null;
}

export interface ShopifyParcelRow {
  parcelId: string;
  storeId: string;
  orderId: string;
  orderName: string;
  foGid: string;
  trackingNumber: string;
  jobId: string;
  state: 'queued' | 'synced' | 'conflict' | 'refused';
  queuedAt: string;
  fulfillmentGid: string | null;
  syncedAt: string | null;
  deduped: boolean;
  error: string | null;
  labelPrintedAt: string | null;
  pickedAt: string;
  /** The number Shopify last took (null: none yet); differs from trackingNumber while a re-link is on its way. */
  sentNumber: string | null;
  updateJobId: string | null;
  /** The fulfillment was created with notifyCustomer (Shopify e-mailed the buyer at pick). */
  notifyAtPick: boolean;
  /** The handover e-mail job (null: none planned). */
  notifyJobId: string | null;
  /** When Shopify took the request to e-mail the buyer (null: not yet). */
  notifiedAt: string | null;
}

export interface ShopifyRequestRow {
  storeId: string;
  foGid: string;
  orderName: string;
  items: number;
  destination: string;
  accept: boolean;
  message: string;
  jobId: string;
  state: 'queued' | 'accepted' | 'rejected' | 'refused';
  error: string | null;
  queuedAt: string;
  queuedBy: string;
  answeredAt: string | null;
}

const toStore = rowMapper<ShopifyStoreRow>({
  id: 'id',
  shopDomain: 'shop_domain',
  apiVersion: 'api_version',
  endpoint: 'endpoint',
  shopName: 'shop_name',
  locationId: 'location_id',
  locationName: 'location_name',
  flow: 'flow',
  lineRules: json('line_rules'),
  defaultLineId: 'default_line_id',
  missingScopes: json('missing_scopes'),
  connectedAt: 'connected_at',
  lastIntakeAt: 'last_intake_at',
  lastIntake: (r) => (r.last_intake ? JSON.parse(r.last_intake as string) : null),
  notifyAt: (r) => (r.notify_at ?? 'handover') as NotifyAt,
});

const PARCEL = `SELECT s.*, o.name AS order_name, p.label_printed_at, p.picked_at FROM shopify_parcels s
  JOIN parcels p ON p.id = s.parcel_id JOIN orders o ON o.id = s.order_id`;
const toParcel = rowMapper<ShopifyParcelRow>({
  parcelId: 'parcel_id',
  storeId: 'store_id',
  orderId: 'order_id',
  orderName: 'order_name',
  foGid: 'fo_gid',
  trackingNumber: 'tracking_number',
  jobId: 'job_id',
  state: 'state',
  queuedAt: 'queued_at',
  fulfillmentGid: 'fulfillment_gid',
  syncedAt: 'synced_at',
  deduped: (r) => r.deduped === 1,
  error: 'error',
  labelPrintedAt: 'label_printed_at',
  pickedAt: 'picked_at',
  sentNumber: 'sent_number',
  updateJobId: 'update_job_id',
  notifyAtPick: (r) => r.notify_at_pick !== 0,
  notifyJobId: 'notify_job_id',
  notifiedAt: 'notified_at',
});

const toRequest = rowMapper<ShopifyRequestRow>({
  storeId: 'store_id',
  foGid: 'fo_gid',
  orderName: 'order_name',
  items: 'items',
  destination: 'destination',
  accept: (r) => r.accept === 1,
  message: 'message',
  jobId: 'job_id',
  state: 'state',
  error: 'error',
  queuedAt: 'queued_at',
  queuedBy: 'queued_by',
  answeredAt: 'answered_at',
});

export interface DeadLetterRow {
  jobId: string;
  kind: string;
  ref: string | null;
  target: string;
  attempts: number;
  error: string;
  createdAt: string;
  orderName: string | null;
  trackingNumber: string | null;
}

const toDeadLetter = rowMapper<DeadLetterRow>({
  jobId: 'id',
  kind: 'kind',
  ref: 'ref',
  target: 'target',
  attempts: 'attempts',
  error: (r) => (r.last_error ?? '') as string,
  createdAt: 'created_at',
  orderName: 'order_name',
  trackingNumber: 'tracking_number',
});

const toLink = rowMapper<{ storeId: string; foGid: string; orderGid: string; foStatus: string }>({
  storeId: 'store_id',
  foGid: 'fo_gid',
  orderGid: 'order_gid',
  foStatus: 'fo_status',
});

const toFoLine = rowMapper<{ id: string; quantity: number }>({ id: 'external_id', quantity: 'quantity' });

const toCreateJob = rowMapper<{ jobId: string; status: string }>({ jobId: 'job_id', status: 'status' });

/** Reads of the shopify capability's tables (and of the outbox rows of its job kinds). */
function siblingsOf(db: Sqlite, parcelId: string): string[] {
  return (
    stmt(
      db,
      `SELECT q.id FROM parcels p JOIN parcels q ON q.order_id = p.order_id AND q.picked_at = p.picked_at AND q.pieces IS p.pieces
       WHERE p.id = ? AND (p.pieces IS NOT NULL OR q.id = p.id) ORDER BY q.piece`,
    ).all(parcelId) as Array<{ id: string }>
  ).map((r) => r.id);
}

export function shopifyReader(db: Sqlite) {
  return {
    stores(): ShopifyStoreRow[] {
      return (stmt(db, 'SELECT * FROM shopify_stores WHERE removed_at IS NULL ORDER BY id').all() as Raw[]).map(toStore);
    },
    store(id: string): ShopifyStoreRow | undefined {
      const r = stmt(db, 'SELECT * FROM shopify_stores WHERE id = ? AND removed_at IS NULL').get(id) as Raw | undefined;
      return r && toStore(r);
    },
    link(orderId: string): { storeId: string; foGid: string; orderGid: string; foStatus: string } | undefined {
      const r = stmt(db, 'SELECT store_id, fo_gid, order_gid, fo_status FROM shopify_orders WHERE order_id = ?').get(orderId) as Raw | undefined;
      return r && toLink(r);
    },
    /** The order a Shopify order (by its gid) was taken in as, at a store. */
    orderOfGid(storeId: string, orderGid: string): string | undefined {
      return (
        stmt(db, 'SELECT order_id FROM shopify_orders WHERE store_id = ? AND order_gid = ? LIMIT 1').get(storeId, orderGid) as { order_id: string } | undefined
      )?.order_id;
    },
    /** fo gid -> {order id, order status, fo status} for every linked order of a store. */
    linksOf(storeId: string): Map<string, { orderId: string; orderStatus: string; foStatus: string }> {
      const rows = stmt(
        db,
        'SELECT s.fo_gid, s.order_id, s.fo_status, o.status FROM shopify_orders s JOIN orders o ON o.id = s.order_id WHERE s.store_id = ?',
      ).all(storeId) as Raw[];
      return new Map(
        rows.map((r) => [r.fo_gid as string, { orderId: r.order_id as string, orderStatus: r.status as string, foStatus: r.fo_status as string }]),
      );
    },
    /** Order item external ids (fulfillment order line item gids) with quantities. */
    foLines(orderId: string): Array<{ id: string; quantity: number }> {
      return (stmt(db, 'SELECT external_id, quantity FROM order_items WHERE order_id = ? AND external_id IS NOT NULL ORDER BY idx').all(orderId) as Raw[]).map(
        toFoLine,
      );
    },
    foLinesByIdx(orderId: string): Array<{ idx: number; id: string }> {
      return stmt(db, 'SELECT idx, external_id AS id FROM order_items WHERE order_id = ? AND external_id IS NOT NULL ORDER BY idx').all(orderId) as Array<{
        idx: number;
        id: string;
      }>;
    },
    parcel(parcelId: string): ShopifyParcelRow | undefined {
      const r = stmt(db, `${PARCEL} WHERE s.parcel_id = ?`).get(parcelId) as Raw | undefined;
      return r && toParcel(r);
    },
    /** Shopify parcels whose label printed (or, without a label, were picked) since an instant. */
    parcelsSince(sinceIso: string): ShopifyParcelRow[] {
      return (stmt(db, `${PARCEL} WHERE coalesce(p.label_printed_at, p.picked_at) >= ? ORDER BY p.picked_at DESC`).all(sinceIso) as Raw[]).map(toParcel);
    },
    recentParcels(limit: number): ShopifyParcelRow[] {
      return (stmt(db, `${PARCEL} ORDER BY p.picked_at DESC, s.parcel_id DESC LIMIT ?`).all(limit) as Raw[]).map(toParcel);
    },
    stateCounts(): Record<string, number> {
      const rows = stmt(db, 'SELECT state, count(*) AS n FROM shopify_parcels GROUP BY state').all() as Array<{ state: string; n: number }>;
      return Object.fromEntries(rows.map((r) => [r.state, r.n]));
    },
    queuedFor(targetPrefix: string): { queued: number; oldest: string | null; failing: number } {
      const r = stmt(
        db,
        "SELECT count(*) AS n, min(created_at) AS oldest, sum(last_error IS NOT NULL) AS failing FROM jobs WHERE status = 'queued' AND kind LIKE 'shopify.%' AND target LIKE ?",
      ).get(`${targetPrefix}%`) as { n: number; oldest: string | null; failing: number | null };
      return { queued: r.n, oldest: r.oldest, failing: r.failing ?? 0 };
    },
    doneSince(sinceIso: string): number {
      return (stmt(db, "SELECT count(*) AS n FROM jobs WHERE status = 'done' AND kind LIKE 'shopify.%' AND done_at >= ?").get(sinceIso) as { n: number }).n;
    },
    /** The newest failure of a Shopify job: what went wrong last. */
    lastError(): { error: string; at: string; jobId: string } | null {
      const r = stmt(
        db,
        `SELECT e.payload, e.occurred_at FROM events e JOIN jobs j ON j.id = json_extract(e.payload, '$.jobId')
         WHERE e.type IN ('job.failed', 'job.dead') AND j.kind LIKE 'shopify.%' ORDER BY e.seq DESC LIMIT 1`,
      ).get() as { payload: string; occurred_at: string } | undefined;
      if (!r) return null;
      const p = JSON.parse(r.payload) as { error: string; jobId: string };
      return { error: p.error, at: r.occurred_at, jobId: p.jobId };
    },
    deadLetters(limit: number): DeadLetterRow[] {
      return (
        stmt(
          db,
          `SELECT j.id, j.kind, j.ref, j.target, j.attempts, j.last_error, j.created_at, o.name AS order_name, p.tracking_number
           FROM jobs j LEFT JOIN parcels p ON p.id = j.ref LEFT JOIN orders o ON o.id = p.order_id
           WHERE j.status = 'dead' AND j.kind LIKE 'shopify.%' AND NOT EXISTS (SELECT 1 FROM shopify_replaced r WHERE r.old_job_id = j.id)
           ORDER BY j.created_at DESC LIMIT ?`,
        ).all(limit) as Raw[]
      ).map(toDeadLetter);
    },
    /** Shopify jobs a crashed process had leased: their request may have reached Shopify. */
    leasedJobIds(): string[] {
      return (stmt(db, "SELECT id FROM jobs WHERE status = 'queued' AND kind LIKE 'shopify.%' AND lease_until IS NOT NULL").all() as Raw[]).map(
        (r) => r.id as string,
      );
    },
    /** Answers to fulfillment requests of a store, newest first. */
    requests(storeId: string, limit = 50): ShopifyRequestRow[] {
      return (stmt(db, 'SELECT * FROM shopify_requests WHERE store_id = ? ORDER BY queued_at DESC LIMIT ?').all(storeId, limit) as Raw[]).map(toRequest);
    },
    request(storeId: string, foGid: string): ShopifyRequestRow | undefined {
      const r = stmt(db, 'SELECT * FROM shopify_requests WHERE store_id = ? AND fo_gid = ?').get(storeId, foGid) as Raw | undefined;
      return r && toRequest(r);
    },
    /** The create job of a parcel and its outbox status (done, queued, dead). */
    createJob(parcelId: string): { jobId: string; status: string } | undefined {
      const r = stmt(db, 'SELECT s.job_id, j.status FROM shopify_parcels s JOIN jobs j ON j.id = s.job_id WHERE s.parcel_id = ?').get(parcelId) as
        Raw | undefined;
      return r && toCreateJob(r);
    },
    /**
     * A replacement order (reship) of a Shopify parcel: the old parcel's Shopify side, whose
     * fulfillment the replacement's number goes to (the Shopify order is the same; its fulfillment
     * order is closed, so no new fulfillment can be made for it).
     */
    replacedParcel(orderId: string): ShopifyParcelRow | undefined {
      const r = stmt(db, `${PARCEL} WHERE s.parcel_id = (SELECT old_parcel_id FROM monitor_reships WHERE new_order_id = ?)`).get(orderId) as Raw | undefined;
      return r && toParcel(r);
    },
    /** The fulfillment's updatedAt Shopify answered to the console's last write to it (null: unknown). */
    lastKnownUpdate(parcelId: string): string | null {
      const r = stmt(
        db,
        `SELECT json_extract(payload, '$.updatedAt') AS u FROM events
         WHERE subject = ? AND type IN ('shopify.fulfillment_created', 'shopify.tracking_updated', 'shopify.buyer_notified') ORDER BY seq DESC LIMIT 1`,
      ).get(parcelId) as { u: string | null } | undefined;
      return r?.u ?? null;
    },
    /**
     * The parcels that share one Shopify fulfillment with this one: the pieces of its order issued
     * together ("1 of 3" … "3 of 3"), in piece order; a parcel on its own is its own list.
     */
    fulfillmentSiblings(parcelId: string): string[] {
      return siblingsOf(db, parcelId);
    },
    /** The parcel whose create job carries this parcel's number to Shopify (the last piece of a split order), if any. */
    fulfillmentParcel(parcelId: string): string | undefined {
      const own = stmt(db, 'SELECT parcel_id FROM shopify_parcels WHERE parcel_id = ?').get(parcelId) as { parcel_id: string } | undefined;
      if (own) return own.parcel_id;
      const ids = siblingsOf(db, parcelId);
      if (ids.length < 2) return undefined;
      const r = stmt(db, `SELECT parcel_id FROM shopify_parcels WHERE parcel_id IN (${ids.map(() => '?').join(',')}) LIMIT 1`).get(...ids) as
        { parcel_id: string } | undefined;
      return r?.parcel_id;
    },
    /** Is a fulfillment event of this status already queued or sent for the fulfillment of `parcelId` (its create's parcel)? */
    eventPlanned(parcelId: string, status: string): boolean {
      return (
        stmt(
          db,
          "SELECT 1 FROM jobs WHERE kind = 'shopify.fulfillment_event' AND ref = ? AND status != 'dead' AND json_extract(payload, '$.status') = ? LIMIT 1",
        ).get(parcelId, status) !== undefined
      );
    },
    /** The fulfillment a parcel got in Shopify, from the outcome of its create job. */
    fulfillmentOf(parcelId: string): string | null {
      const r = stmt(db, 'SELECT fulfillment_gid FROM shopify_parcels WHERE parcel_id = ?').get(parcelId) as { fulfillment_gid: string | null } | undefined;
      return r?.fulfillment_gid ?? null;
    },
  };
}

export type ShopifyReader = ReturnType<typeof shopifyReader>;
