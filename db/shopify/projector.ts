import { stmt } from '../stmt';
import { insertJobs } from '../projections/jobs';
import type { Sqlite } from '../open';
import type { JobDraft } from '../event-types';
import type { Projector } from '../projections/types';

export const CREATE_KIND = 'shopify.fulfillment_create';

function trackParcel(db: Sqlite, job: JobDraft, at: string): void {
  const p = job.payload as { parcelId: string; storeId: string; orderId: string; foGid: string; tracking: { number: string } };
  stmt(
    db,
    `INSERT INTO shopify_parcels (parcel_id, store_id, order_id, fo_gid, tracking_number, job_id, state, queued_at)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)
     ON CONFLICT (parcel_id) DO UPDATE SET job_id = excluded.job_id, state = 'queued', error = NULL, fo_gid = excluded.fo_gid`,
  ).run(p.parcelId, p.storeId, p.orderId, p.foGid, p.tracking.number, job.id, at);
}

const kindOf = (db: Sqlite, jobId: string) => (stmt(db, 'SELECT kind FROM jobs WHERE id = ?').get(jobId) as { kind: string } | undefined)?.kind;

/** Projections of the shopify capability; tables listed children first (deleted in this order on rebuild). */
export const shopifyProjector: Projector = {
  'shopify.store_connected': (db, e) => {
    const s = e.payload.store;
    stmt(
      db,
      `INSERT INTO shopify_stores (id, shop_domain, api_version, endpoint, shop_name, location_id, location_name, flow, line_rules, default_line_id, missing_scopes, connected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET shop_domain = excluded.shop_domain, api_version = excluded.api_version, endpoint = excluded.endpoint, shop_name = excluded.shop_name,
         location_id = excluded.location_id, location_name = excluded.location_name, flow = excluded.flow, line_rules = excluded.line_rules,
         default_line_id = excluded.default_line_id, missing_scopes = excluded.missing_scopes, connected_at = excluded.connected_at, removed_at = NULL`,
    ).run(s.id, s.shopDomain, s.apiVersion, s.endpoint, s.shopName, s.locationId, s.locationName, s.flow, JSON.stringify(s.lineRules), s.defaultLineId, JSON.stringify(e.payload.missingScopes), e.occurredAt);
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
    stmt(db, 'UPDATE shopify_stores SET last_intake_at = ?, last_intake = ? WHERE id = ?').run(e.occurredAt, JSON.stringify({ imported, changed, seen }), e.payload.storeId);
  },
  'parcel.picked': (db, e) => {
    for (const j of e.payload.jobs) if (j.kind === CREATE_KIND) trackParcel(db, j, e.occurredAt);
  },
  'shopify.fulfillment_created': (db, e) => {
    stmt(db, "UPDATE shopify_parcels SET state = 'synced', fulfillment_gid = ?, synced_at = coalesce(synced_at, ?), deduped = ?, error = NULL WHERE parcel_id = ?").run(
      e.payload.fulfillmentGid,
      e.occurredAt,
      e.payload.found ? 1 : 0,
      e.payload.parcelId,
    );
  },
  'shopify.tracking_updated': (db, e) => {
    stmt(db, 'UPDATE shopify_parcels SET tracking_number = ? WHERE parcel_id = ?').run(e.payload.trackingNumber, e.payload.parcelId);
  },
  'job.dead': (db, e) => {
    if (kindOf(db, e.payload.jobId) !== CREATE_KIND) return;
    const state = e.payload.error.startsWith('Conflict') ? 'conflict' : 'refused';
    stmt(db, 'UPDATE shopify_parcels SET state = ?, error = ? WHERE job_id = ?').run(state, e.payload.error, e.payload.jobId);
  },
  'job.retried': (db, e) => {
    stmt(db, "UPDATE shopify_parcels SET state = 'queued', error = NULL WHERE job_id = ? AND state <> 'synced'").run(e.payload.jobId);
  },
  'shopify.job_replaced': (db, e) => {
    insertJobs(db, [e.payload.job], e.occurredAt);
    stmt(db, 'INSERT INTO shopify_replaced (old_job_id, new_job_id, change, at) VALUES (?, ?, ?, ?)').run(e.payload.oldJobId, e.payload.job.id, e.payload.change, e.occurredAt);
    if (e.payload.job.kind === CREATE_KIND) trackParcel(db, e.payload.job, e.occurredAt);
  },
};

export const shopifyTables: Array<{ table: string; runtime?: string[] }> = [
  { table: 'shopify_replaced' },
  { table: 'shopify_parcels' },
  { table: 'shopify_orders' },
  { table: 'shopify_stores' },
];
