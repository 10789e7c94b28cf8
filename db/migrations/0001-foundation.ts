// Foundation: the append-only event log, station meta, and the first projections.
export const name = 'foundation';

export const up = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Append-only. id = station:station_seq (unique through the UNIQUE pair); hlc orders events site-wide.
-- Indexes are few on purpose: every index is one more page written by each scan's commit.
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,   -- no AUTOINCREMENT: rows are never deleted, and it saves a page per commit
  id           TEXT NOT NULL,
  station      TEXT NOT NULL,
  station_seq  INTEGER NOT NULL,
  hlc          TEXT NOT NULL,
  actor        TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,
  type         TEXT NOT NULL,
  subject      TEXT,
  payload      TEXT NOT NULL,
  UNIQUE (station, station_seq)
);
CREATE INDEX events_subject ON events (subject);
CREATE INDEX events_occurred ON events (occurred_at);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Projections below: rebuilt from events by db/rebuild.ts.
CREATE TABLE settings (
  scope  TEXT NOT NULL,      -- 'site' or a station id
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,      -- JSON
  PRIMARY KEY (scope, key)
);

CREATE TABLE carrier_lines (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  carrier            TEXT NOT NULL,
  shopify_company    TEXT NOT NULL,
  tracking_url       TEXT NOT NULL,   -- template with {number}
  service            TEXT NOT NULL,
  route_type         TEXT NOT NULL,   -- postal | private | express | domestic
  number_source      TEXT NOT NULL,   -- range | pool
  low_days           REAL NOT NULL,   -- warn when fewer days of volume are left
  daily_volume       INTEGER NOT NULL,-- assumed volume until there is history
  active             INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE number_ranges (
  id           TEXT PRIMARY KEY,
  line_id      TEXT NOT NULL REFERENCES carrier_lines (id),
  params       TEXT NOT NULL,   -- JSON RangeParams
  first_serial INTEGER NOT NULL,
  last_serial  INTEGER NOT NULL,
  next_serial  INTEGER NOT NULL,
  added_at     TEXT NOT NULL
);
CREATE INDEX number_ranges_line ON number_ranges (line_id);

CREATE TABLE number_pool (
  number      TEXT PRIMARY KEY,
  line_id     TEXT NOT NULL REFERENCES carrier_lines (id),
  format      TEXT NOT NULL,
  pos         INTEGER NOT NULL,
  parcel_id   TEXT
);
CREATE INDEX number_pool_free ON number_pool (line_id, parcel_id, pos);

CREATE TABLE orders (
  id           TEXT PRIMARY KEY,
  store        TEXT NOT NULL,
  name         TEXT NOT NULL,
  status       TEXT NOT NULL,   -- open | picked | shipped | cancelled | on_hold
  status_note  TEXT,
  line_id      TEXT REFERENCES carrier_lines (id),
  ship_to      TEXT NOT NULL,   -- JSON Address
  email        TEXT,
  created_at   TEXT NOT NULL,
  source       TEXT NOT NULL,   -- demo | file | shopify
  external_id  TEXT
);
CREATE UNIQUE INDEX orders_store_name ON orders (store, name);

CREATE TABLE order_items (
  order_id  TEXT NOT NULL REFERENCES orders (id),
  idx       INTEGER NOT NULL,
  sku       TEXT NOT NULL,
  barcode   TEXT,
  title     TEXT NOT NULL,
  quantity  INTEGER NOT NULL,
  external_id TEXT,
  PRIMARY KEY (order_id, idx)
);
CREATE INDEX order_items_barcode ON order_items (barcode);

CREATE TABLE parcels (
  id               TEXT PRIMARY KEY,
  order_id         TEXT NOT NULL REFERENCES orders (id),
  line_id          TEXT NOT NULL REFERENCES carrier_lines (id),
  tracking_number  TEXT NOT NULL UNIQUE,
  number_source    TEXT NOT NULL,   -- JSON
  status           TEXT NOT NULL,   -- picked | loaded | handed_over | missing | voided
  picked_at        TEXT NOT NULL,
  picked_station   TEXT NOT NULL,
  picked_by        TEXT NOT NULL,
  printer_id       TEXT,
  label_printed_at TEXT,
  reprints         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX parcels_order ON parcels (order_id);
CREATE INDEX parcels_line_picked ON parcels (line_id, picked_at);

CREATE TABLE printers (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  transport TEXT NOT NULL,   -- tcp9100
  host      TEXT NOT NULL,
  port      INTEGER NOT NULL,
  language  TEXT NOT NULL    -- zpl | pdf
);

-- The outbox. Status and history come from events; lease_until is runtime only.
CREATE TABLE jobs (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,   -- print.label | shopify.fulfillment_create | ...
  target       TEXT NOT NULL,   -- printer id, store id: one ordered lane per target
  ref          TEXT,            -- parcel id
  payload      TEXT NOT NULL,
  status       TEXT NOT NULL,   -- queued | done | dead
  attempts     INTEGER NOT NULL DEFAULT 0,
  next_at      TEXT NOT NULL,
  last_error   TEXT,
  result       TEXT,
  created_at   TEXT NOT NULL,
  done_at      TEXT,
  lease_until  TEXT
) WITHOUT ROWID;
CREATE INDEX jobs_due ON jobs (next_at) WHERE status = 'queued';
CREATE INDEX jobs_ref ON jobs (ref);
-- One lane per target (a printer, a store): its queued jobs in order.
CREATE INDEX jobs_lane ON jobs (target, created_at) WHERE status = 'queued';
`;
