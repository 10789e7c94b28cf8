import { stmt } from '../core/stmt';
import { insertJobs } from '../outbox/projector';
import type { Sqlite } from '../core/open';
import type { JobDraft } from '../event-types';
import type { Projector } from '../core/types';

export const CREATE_KIND = 'shopify.fulfillment_create';
export const UPDATE_KIND = 'shopify.tracking_update';
export const REQUEST_KIND = 'shopify.request_answer';
export const NOTIFY_KIND = 'shopify.buyer_notify';

function trackParcel(db: Sqlite, job: JobDraft, at: string): void {
  const p = job.payload as { parcelId: string; storeId: string; orderId: string; foGid: string; tracking: { number: string }; notifyCustomer?: boolean };
  stmt(
    db,
    `INSERT INTO shopify_parcels (parcel_id, store_id, order_id, fo_gid, tracking_number, job_id, state, queued_at, notify_at_pick)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)
     ON CONFLICT (parcel_id) DO UPDATE SET job_id = excluded.job_id, state = 'queued', error = NULL, fo_gid = excluded.fo_gid`,
  ).run(p.parcelId, p.storeId, p.orderId, p.foGid, p.tracking.number, job.id, at, p.notifyCustomer === false ? 0 : 1);
}

/** A reship's parcel rides the old parcel's fulfillment: its number reaches Shopify as a tracking update. */
function trackReplacement(db: Sqlite, job: JobDraft, at: string): void {
  const p = job.payload as {
    parcelId: string;
    storeId: string;
    orderId: string;
    foGid: string;
    replacesParcelId: string;
    tracking: { number: string };
    notifyCustomer?: boolean;
  };
  stmt(
    db,
    `INSERT INTO shopify_parcels (parcel_id, store_id, order_id, fo_gid, tracking_number, job_id, state, queued_at, fulfillment_gid, update_job_id, notify_at_pick)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, (SELECT fulfillment_gid FROM shopify_parcels WHERE parcel_id = ?), ?, ?)
     ON CONFLICT (parcel_id) DO NOTHING`,
  ).run(p.parcelId, p.storeId, p.orderId, p.foGid, p.tracking.number, job.id, at, p.replacesParcelId, job.id, p.notifyCustomer ? 1 : 0);
}

const kindOf = (db: Sqlite, jobId: string) => (stmt(db, 'SELECT kind FROM jobs WHERE id = ?').get(jobId) as { kind: string } | undefined)?.kind;

type Tracking = { company: string; number: string; url: string };
const jobPayload = (db: Sqlite, jobId: string) => {
  const r = stmt(db, 'SELECT payload, status FROM jobs WHERE id = ?').get(jobId) as { payload: string; status: string } | undefined;
  return r && { payload: JSON.parse(r.payload) as Record<string, unknown> & { tracking: Tracking; previousNumbers?: string[] }, status: r.status };
};

/**
 * A create that reached Shopify with a number the parcel no longer has (re-linked while the create
 * was in flight, or a retry found the old number there): the current number follows as a tracking
 * update. Its id derives from the create's, so a rebuild queues the very same job.
 */
function followUpUpdate(db: Sqlite, createJobId: string, parcelId: string, sentNumber: string, at: string): void {
  const row = stmt(db, 'SELECT store_id, order_id, tracking_number FROM shopify_parcels WHERE parcel_id = ?').get(parcelId) as
    { store_id: string; order_id: string; tracking_number: string } | undefined;
  const create = jobPayload(db, createJobId);
  if (!row || !create || row.tracking_number === sentNumber) return;
  const job: JobDraft = {
    id: `${createJobId}-relink`,
    kind: UPDATE_KIND,
    target: `shopify:${row.store_id}:${row.order_id}`,
    ref: parcelId,
    // The buyer hears of the new number only if Shopify already e-mailed them the old one.
    payload: { parcelId, storeId: row.store_id, tracking: create.payload.tracking, notifyCustomer: create.payload.notifyCustomer !== false },
  };
  insertJobs(db, [job], at);
  stmt(db, "UPDATE shopify_parcels SET state = 'queued', update_job_id = ? WHERE parcel_id = ?").run(job.id, parcelId);
}

/** Projections of the shopify capability; tables listed children first (deleted in this order on rebuild). */
export const shopifyProjector: Projector = {
  'shopify.store_connected': (db, e) => {
    const s = e.payload.store;
    stmt(
      db,
      `INSERT INTO shopify_stores (id, shop_domain, api_version, endpoint, shop_name, location_id, location_name, flow, line_rules, default_line_id, missing_scopes, connected_at, notify_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET shop_domain = excluded.shop_domain, api_version = excluded.api_version, endpoint = excluded.endpoint, shop_name = excluded.shop_name,
         location_id = excluded.location_id, location_name = excluded.location_name, flow = excluded.flow, line_rules = excluded.line_rules,
         default_line_id = excluded.default_line_id, missing_scopes = excluded.missing_scopes, connected_at = excluded.connected_at, removed_at = NULL,
         notify_at = excluded.notify_at`,
    ).run(
      s.id,
      s.shopDomain,
      s.apiVersion,
      s.endpoint,
      s.shopName,
      s.locationId,
      s.locationName,
      s.flow,
      JSON.stringify(s.lineRules),
      s.defaultLineId,
      JSON.stringify(e.payload.missingScopes),
      e.occurredAt,
      s.notifyAt ?? 'handover',
    );
  },
  'shopify.tracking_page_set': (db, e) => {
    const { storeId, ...page } = e.payload;
    stmt(db, 'INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value').run(
      `shopify:${storeId}`,
      'tracking_page',
      JSON.stringify(page),
    );
  },
  'shopify.notify_set': (db, e) => {
    stmt(db, 'UPDATE shopify_stores SET notify_at = ? WHERE id = ?').run(e.payload.notifyAt, e.payload.storeId);
  },
  'parcel.handed_over': (db, e) => {
    const job = e.payload.jobs.find((j) => j.kind === NOTIFY_KIND);
    // The job's parcel is the one whose fulfillment e-mails the buyer (a split order's last piece).
    if (job) stmt(db, 'UPDATE shopify_parcels SET notify_job_id = ? WHERE parcel_id = ?').run(job.id, job.ref ?? e.payload.parcelId);
  },
  'shopify.buyer_notified': (db, e) => {
    stmt(db, 'UPDATE shopify_parcels SET notified_at = coalesce(notified_at, ?) WHERE parcel_id = ?').run(e.occurredAt, e.payload.parcelId);
  },
  'shopify.store_removed': (db, e) => {
    stmt(db, 'UPDATE shopify_stores SET removed_at = ? WHERE id = ?').run(e.occurredAt, e.payload.storeId);
  },
  'shopify.orders_linked': (db, e) => {
    const ins = stmt(db, 'INSERT INTO shopify_orders (order_id, store_id, fo_gid, order_gid, fo_status, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const l of e.payload.links) ins.run(l.orderId, e.payload.storeId, l.foGid, l.orderGid, l.foStatus, e.occurredAt);
  },
  'shopify.fo_changed': (db, e) => {
    stmt(db, 'UPDATE shopify_orders SET fo_status = ?, updated_at = ? WHERE order_id = ?').run(e.payload.foStatus, e.occurredAt, e.payload.orderId);
  },
  'shopify.intake_done': (db, e) => {
    const { imported, changed, seen } = e.payload;
    stmt(db, 'UPDATE shopify_stores SET last_intake_at = ?, last_intake = ? WHERE id = ?').run(
      e.occurredAt,
      JSON.stringify({ imported, changed, seen }),
      e.payload.storeId,
    );
  },
  'parcel.picked': (db, e) => {
    for (const j of e.payload.jobs) {
      if (j.kind === CREATE_KIND) trackParcel(db, j, e.occurredAt);
      if (j.kind === UPDATE_KIND && j.payload.replacesParcelId) trackReplacement(db, j, e.occurredAt);
    }
  },
  'shopify.fulfillment_created': (db, e) => {
    stmt(
      db,
      "UPDATE shopify_parcels SET state = 'synced', fulfillment_gid = ?, synced_at = coalesce(synced_at, ?), deduped = ?, error = NULL, sent_number = ? WHERE parcel_id = ?",
    ).run(e.payload.fulfillmentGid, e.occurredAt, e.payload.found ? 1 : 0, e.payload.trackingNumber, e.payload.parcelId);
    if (e.payload.notifyCustomer !== false)
      stmt(db, 'UPDATE shopify_parcels SET notified_at = coalesce(notified_at, ?) WHERE parcel_id = ?').run(e.occurredAt, e.payload.parcelId);
    followUpUpdate(db, e.payload.jobId, e.payload.parcelId, e.payload.trackingNumber, e.occurredAt);
  },
  'shopify.tracking_updated': (db, e) => {
    // Only the newest queued update settles the parcel: an older one may land first.
    stmt(
      db,
      `UPDATE shopify_parcels SET sent_number = ?, state = CASE WHEN update_job_id = ? THEN 'synced' ELSE state END,
         error = CASE WHEN update_job_id = ? THEN NULL ELSE error END, update_job_id = CASE WHEN update_job_id = ? THEN NULL ELSE update_job_id END
       WHERE parcel_id = ?`,
    ).run(e.payload.trackingNumber, e.payload.jobId, e.payload.jobId, e.payload.jobId, e.payload.parcelId);
    // A reship's number: its first arrival in Shopify; with notifyCustomer, Shopify e-mailed the buyer.
    stmt(
      db,
      "UPDATE shopify_parcels SET synced_at = coalesce(synced_at, ?), fulfillment_gid = coalesce(fulfillment_gid, ?) WHERE parcel_id = ? AND state = 'synced'",
    ).run(e.occurredAt, e.payload.fulfillmentGid, e.payload.parcelId);
    if (e.payload.notifyCustomer)
      stmt(db, 'UPDATE shopify_parcels SET notified_at = coalesce(notified_at, ?) WHERE parcel_id = ?').run(e.occurredAt, e.payload.parcelId);
  },
  'job.dead': (db, e) => {
    const kind = kindOf(db, e.payload.jobId);
    const state = e.payload.error.startsWith('Conflict') ? 'conflict' : 'refused';
    if (kind === CREATE_KIND) stmt(db, 'UPDATE shopify_parcels SET state = ?, error = ? WHERE job_id = ?').run(state, e.payload.error, e.payload.jobId);
    if (kind === UPDATE_KIND) stmt(db, 'UPDATE shopify_parcels SET state = ?, error = ? WHERE update_job_id = ?').run(state, e.payload.error, e.payload.jobId);
    if (kind === REQUEST_KIND) stmt(db, "UPDATE shopify_requests SET state = 'refused', error = ? WHERE job_id = ?").run(e.payload.error, e.payload.jobId);
    if (kind === NOTIFY_KIND)
      stmt(db, 'UPDATE shopify_parcels SET error = ? WHERE notify_job_id = ?').run(`Buyer's e-mail not sent: ${e.payload.error}`, e.payload.jobId);
  },
  'job.retried': (db, e) => {
    stmt(db, "UPDATE shopify_parcels SET state = 'queued', error = NULL WHERE job_id = ? AND state <> 'synced'").run(e.payload.jobId);
    stmt(db, "UPDATE shopify_parcels SET state = 'queued', error = NULL WHERE update_job_id = ?").run(e.payload.jobId);
    stmt(db, "UPDATE shopify_requests SET state = 'queued', error = NULL WHERE job_id = ? AND state = 'refused'").run(e.payload.jobId);
    stmt(db, 'UPDATE shopify_parcels SET error = NULL WHERE notify_job_id = ?').run(e.payload.jobId);
  },
  'shopify.job_replaced': (db, e) => {
    const { oldJobId, job } = e.payload;
    insertJobs(db, [job], e.occurredAt);
    stmt(db, 'INSERT INTO shopify_replaced (old_job_id, new_job_id, change, at) VALUES (?, ?, ?, ?)').run(oldJobId, job.id, e.payload.change, e.occurredAt);
    if (job.kind === CREATE_KIND) trackParcel(db, job, e.occurredAt);
    if (job.kind === UPDATE_KIND)
      stmt(db, "UPDATE shopify_parcels SET update_job_id = ?, state = 'queued', error = NULL WHERE update_job_id = ?").run(job.id, oldJobId);
    if (job.kind === REQUEST_KIND) stmt(db, "UPDATE shopify_requests SET job_id = ?, state = 'queued', error = NULL WHERE job_id = ?").run(job.id, oldJobId);
  },
  'parcel.relinked': (db, e) => {
    const p = e.payload;
    if (!p.shopify) return;
    if (p.shopify.mode === 'update') {
      const update = p.jobs.find((j) => j.kind === UPDATE_KIND);
      stmt(db, "UPDATE shopify_parcels SET tracking_number = ?, state = 'queued', update_job_id = ?, error = NULL WHERE parcel_id = ?").run(
        p.newNumber,
        update?.id ?? null,
        p.parcelId,
      );
      return;
    }
    // The create has not reached Shopify: it sends the new number instead (never a create and an update).
    // A retry of it also looks for the numbers it may already have sent.
    stmt(db, 'UPDATE shopify_parcels SET tracking_number = ? WHERE parcel_id = ?').run(p.newNumber, p.parcelId);
    const jobId = (stmt(db, 'SELECT job_id FROM shopify_parcels WHERE parcel_id = ?').get(p.parcelId) as { job_id: string } | undefined)?.job_id;
    const create = jobId ? jobPayload(db, jobId) : undefined;
    if (!jobId || !create || create.status === 'done') return;
    const previousNumbers = [...new Set([...(create.payload.previousNumbers ?? []), create.payload.tracking.number])];
    stmt(db, 'UPDATE jobs SET payload = ? WHERE id = ?').run(JSON.stringify({ ...create.payload, tracking: p.shopify.tracking, previousNumbers }), jobId);
  },
  'shopify.request_queued': (db, e) => {
    const { request: r, accept, message, job } = e.payload;
    insertJobs(db, [job], e.occurredAt);
    stmt(
      db,
      `INSERT INTO shopify_requests (store_id, fo_gid, order_name, items, destination, accept, message, job_id, state, queued_at, queued_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)
       ON CONFLICT (store_id, fo_gid) DO UPDATE SET order_name = excluded.order_name, items = excluded.items, destination = excluded.destination,
         accept = excluded.accept, message = excluded.message, job_id = excluded.job_id, state = 'queued', error = NULL,
         queued_at = excluded.queued_at, queued_by = excluded.queued_by, answered_at = NULL`,
    ).run(r.storeId, r.foGid, r.orderName, r.items, r.destination, accept ? 1 : 0, message, job.id, e.occurredAt, e.actor);
  },
  'shopify.request_answered': (db, e) => {
    stmt(db, 'UPDATE shopify_requests SET state = ?, answered_at = ?, error = NULL WHERE store_id = ? AND fo_gid = ?').run(
      e.payload.accepted ? 'accepted' : 'rejected',
      e.occurredAt,
      e.payload.storeId,
      e.payload.foGid,
    );
  },
};

export const shopifyTables: Array<{ table: string; runtime?: string[] }> = [
  { table: 'shopify_requests' },
  { table: 'shopify_replaced' },
  { table: 'shopify_parcels' },
  { table: 'shopify_orders' },
  { table: 'shopify_stores' },
];
