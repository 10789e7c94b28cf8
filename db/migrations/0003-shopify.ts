// Tables of the shopify capability.
export const name = 'shopify';

export const up = `
-- Connected stores (projection of shopify.store_connected / store_removed). The access token is
-- never here: it lives in the station's secret store (electron/capabilities/shopify/secrets.ts).
CREATE TABLE shopify_stores (
  id               TEXT PRIMARY KEY,   -- the console's store name (orders.store)
  shop_domain      TEXT NOT NULL,
  api_version      TEXT NOT NULL,
  endpoint         TEXT,               -- http://127.0.0.1:<port> for an emulator; NULL = https://<shop_domain>
  shop_name        TEXT NOT NULL,
  location_id      TEXT,               -- gid of the site's location; NULL = every location
  location_name    TEXT,
  flow             TEXT NOT NULL,      -- merchant | service
  line_rules       TEXT NOT NULL,      -- JSON {shipping title -> carrier line id}
  default_line_id  TEXT,
  missing_scopes   TEXT NOT NULL,      -- JSON string[] at connection time
  connected_at     TEXT NOT NULL,
  removed_at       TEXT,
  last_intake_at   TEXT,
  last_intake      TEXT                -- JSON {imported, changed, seen}
);

-- One console order per Shopify fulfillment order assigned to the site.
CREATE TABLE shopify_orders (
  order_id     TEXT PRIMARY KEY REFERENCES orders (id),
  store_id     TEXT NOT NULL,
  fo_gid       TEXT NOT NULL,
  order_gid    TEXT NOT NULL,
  fo_status    TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX shopify_orders_fo ON shopify_orders (store_id, fo_gid);

-- Where each parcel's tracking stands in Shopify.
CREATE TABLE shopify_parcels (
  parcel_id        TEXT PRIMARY KEY REFERENCES parcels (id),
  store_id         TEXT NOT NULL,
  order_id         TEXT NOT NULL,
  fo_gid           TEXT NOT NULL,
  tracking_number  TEXT NOT NULL,
  job_id           TEXT NOT NULL,
  state            TEXT NOT NULL,     -- queued | synced | conflict | refused
  queued_at        TEXT NOT NULL,
  fulfillment_gid  TEXT,
  synced_at        TEXT,
  deduped          INTEGER NOT NULL DEFAULT 0,
  error            TEXT
);
CREATE INDEX shopify_parcels_state ON shopify_parcels (state);
CREATE INDEX shopify_parcels_synced ON shopify_parcels (synced_at);

-- Dead jobs replaced by a fixed copy from the Sync screen.
CREATE TABLE shopify_replaced (
  old_job_id  TEXT PRIMARY KEY,
  new_job_id  TEXT NOT NULL,
  change      TEXT NOT NULL,
  at          TEXT NOT NULL
);

-- The outbox runner looks for due lane heads in creation order. With thousands of Shopify jobs
-- queued after an outage, this lets it walk them in order instead of sorting them all on every
-- pass (5,000 queued: 13 ms -> 0.2 ms per pass).
CREATE INDEX jobs_queued_order ON jobs (status, created_at);
`;
