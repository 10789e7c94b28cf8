// Tables of the dispatch capability: line rules, manifests, what is loaded on them, and discrepancies.
export const name = 'dispatch';

export const up = `
CREATE TABLE dispatch_rules (
  line_id          TEXT PRIMARY KEY REFERENCES carrier_lines (id),
  services         TEXT NOT NULL,    -- JSON array: services (of lines of the same carrier) this pickup takes
  max_parcels      INTEGER,          -- NULL: no limit
  max_weight_g     INTEGER,          -- NULL: no limit
  bags             TEXT NOT NULL,    -- none | required (scan a bag label, then its parcels)
  weight           TEXT NOT NULL,    -- off | optional | required (weight captured at load)
  expected_pickup  TEXT NOT NULL,    -- HH:mm in the warehouse zone
  acceptance       TEXT NOT NULL     -- scan | carrier_api
);

CREATE TABLE manifests (
  id                  TEXT PRIMARY KEY,
  line_id             TEXT NOT NULL REFERENCES carrier_lines (id),
  number              TEXT UNIQUE,     -- given at first close-out: MF-<site>-<LINE>-<yyyymmdd>-<nn>
  pickup_date         TEXT NOT NULL,   -- warehouse-local date of the pickup
  expected_pickup_at  TEXT NOT NULL,   -- UTC instant
  status              TEXT NOT NULL,   -- open | closed | handed_over | voided
  status_note         TEXT,            -- reason of the last reopen or void
  opened_at           TEXT NOT NULL,
  opened_by           TEXT NOT NULL,
  opened_station      TEXT NOT NULL,
  closed_at           TEXT,
  closed_by           TEXT,
  reopened            INTEGER NOT NULL DEFAULT 0,
  handed_over_at      TEXT,
  handover_by         TEXT,
  handover_via        TEXT,            -- driver_scan | lead_confirm | carrier_api
  driver              TEXT,
  carrier_ref         TEXT,
  parcels             INTEGER NOT NULL DEFAULT 0,
  weight_g            INTEGER NOT NULL DEFAULT 0,
  unweighed           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX manifests_line_status ON manifests (line_id, status, pickup_date);
CREATE INDEX manifests_status ON manifests (status, expected_pickup_at);

CREATE TABLE manifest_bags (
  manifest_id     TEXT NOT NULL REFERENCES manifests (id),
  code            TEXT NOT NULL,
  opened_at       TEXT NOT NULL,
  opened_station  TEXT NOT NULL,
  opened_seq      INTEGER NOT NULL,   -- event seq: the latest bag a station opened is its current bag
  PRIMARY KEY (manifest_id, code)
);

-- A parcel is on at most one manifest (the primary key makes a double load impossible).
CREATE TABLE manifest_parcels (
  parcel_id       TEXT PRIMARY KEY REFERENCES parcels (id),
  manifest_id     TEXT NOT NULL REFERENCES manifests (id),
  bag             TEXT,
  weight_g        INTEGER,
  loaded_at       TEXT NOT NULL,
  loaded_by       TEXT NOT NULL,
  loaded_station  TEXT NOT NULL,
  handed_over_at  TEXT               -- starts the parcel's first-scan clock
);
CREATE INDEX manifest_parcels_manifest ON manifest_parcels (manifest_id, loaded_at);

CREATE TABLE dispatch_discrepancies (
  id               TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,    -- left_behind | not_confirmed | not_loaded
  manifest_id      TEXT NOT NULL REFERENCES manifests (id),
  line_id          TEXT NOT NULL,
  parcel_id        TEXT,             -- NULL when the carrier confirmed a number unknown here
  tracking_number  TEXT NOT NULL,
  found_at         TEXT NOT NULL,
  resolved_at      TEXT,
  resolution       TEXT,             -- loaded | handed_over | back_to_dock | voided | dismissed
  resolved_by      TEXT,
  note             TEXT
);
CREATE INDEX dispatch_discrepancies_open ON dispatch_discrepancies (resolved_at, found_at);
CREATE INDEX dispatch_discrepancies_parcel ON dispatch_discrepancies (parcel_id);
`;
