// Tables of the monitor capability: tracking scans from several sources, per-source poll state,
// exceptions, reships, Shopify milestones already queued, and the monitor's settings.
export const name = 'monitor';

/** ISO-8601 text -> epoch milliseconds, in SQL (for the backfill of parcels picked before this migration). */
const ms = (col: string) => `CAST(round((julianday(${col}) - 2440587.5) * 86400000) AS INTEGER)`;

export const up = `
CREATE TABLE monitor_settings (
  key    TEXT PRIMARY KEY,     -- rules | costs
  value  TEXT NOT NULL         -- JSON
);

-- One row per carrier scan, whichever source showed it first (never one per source).
CREATE TABLE monitor_scans (
  parcel_id   TEXT NOT NULL,
  status      TEXT NOT NULL,   -- info_received | accepted | in_transit | out_for_delivery | delivered | failed_attempt | exception | returned
  scanned_at  TEXT NOT NULL,   -- when the carrier scanned
  learned_at  TEXT NOT NULL,   -- when this console learned of it
  source_id   TEXT NOT NULL,   -- the source that showed it first
  via         TEXT NOT NULL,   -- poll | push | file
  location    TEXT,
  detail      TEXT NOT NULL,
  PRIMARY KEY (parcel_id, status, scanned_at)
) WITHOUT ROWID;

-- The tracking summary of a parcel, folded from its scans.
CREATE TABLE monitor_tracking (
  parcel_id              TEXT PRIMARY KEY,
  status                 TEXT NOT NULL,   -- status of the latest scan
  status_at              TEXT NOT NULL,
  first_scan_at          TEXT,            -- earliest physical scan (anything but info_received)
  first_learned_at       TEXT,            -- when the first source showed a physical scan
  first_source           TEXT,            -- that source: the earliest source wins
  last_scan_at           TEXT NOT NULL,
  last_learned_at        TEXT NOT NULL,
  scans                  INTEGER NOT NULL
) WITHOUT ROWID;

-- Per source and parcel: registration (aggregators), last poll, and a poll already queued.
CREATE TABLE monitor_source_parcels (
  source_id       TEXT NOT NULL,
  parcel_id       TEXT NOT NULL,
  registered_at   TEXT,
  rejected        TEXT,
  last_polled_at  TEXT,
  queued_until    TEXT,
  PRIMARY KEY (source_id, parcel_id)
) WITHOUT ROWID;

CREATE TABLE monitor_exceptions (
  id            TEXT PRIMARY KEY,
  parcel_id     TEXT NOT NULL,
  cause         TEXT NOT NULL,    -- not_handed_over | no_first_scan | no_update | failed_delivery | lost
  status        TEXT NOT NULL,    -- open | resolved
  since         TEXT NOT NULL,    -- the instant the rule's clock started (handover, last scan, pickup)
  opened_at     TEXT NOT NULL,
  due_at        TEXT NOT NULL,
  detail        TEXT NOT NULL,
  proposal      TEXT,             -- reship
  owner         TEXT,
  contacts      INTEGER NOT NULL DEFAULT 0,
  contacted_at  TEXT,
  resolved_at   TEXT,
  resolution    TEXT,             -- cleared | resolved | reshipped
  resolved_by   TEXT,
  reason        TEXT
);
CREATE INDEX monitor_exceptions_open ON monitor_exceptions (status, due_at);
CREATE INDEX monitor_exceptions_parcel ON monitor_exceptions (parcel_id, status);

CREATE TABLE monitor_reships (
  new_order_id     TEXT PRIMARY KEY,
  new_order_name   TEXT NOT NULL,
  old_parcel_id    TEXT NOT NULL,
  exception_id     TEXT,
  reason           TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  new_parcel_id    TEXT,
  picked_noted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_reships_old ON monitor_reships (old_parcel_id);

-- The parcels the monitor still watches (not voided, not delivered or returned), with everything
-- the rules-and-schedule pass needs, so the pass reads one table in one scan, whatever the history.
CREATE TABLE monitor_watch (
  parcel_id        TEXT PRIMARY KEY,
  line_id          TEXT NOT NULL,
  tracking_number  TEXT NOT NULL,
  -- instants as epoch milliseconds: the pass reads 50,000 rows and compares times, never formats them
  picked_at        INTEGER NOT NULL,
  pickup_at        INTEGER,          -- cut-offs: the pickup it was due to make
  window_from      INTEGER,          -- cut-offs: expected first scan, best and worst case
  window_to        INTEGER,
  handed_over_at   INTEGER,          -- dispatch: when the carrier took it
  track_status     TEXT,
  first_scan_at    INTEGER,
  last_scan_at     INTEGER,
  exc_id           TEXT,             -- its open exception
  exc_cause        TEXT,
  exc_since        INTEGER,
  reshipped        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO monitor_watch (parcel_id, line_id, tracking_number, picked_at, pickup_at, window_from, window_to, handed_over_at)
  SELECT p.id, p.line_id, p.tracking_number, ${ms('p.picked_at')}, ${ms('p.pickup_at')}, ${ms('p.expected_first_scan_from')}, ${ms('p.expected_first_scan_to')}, ${ms('mp.handed_over_at')}
  FROM parcels p LEFT JOIN manifest_parcels mp ON mp.parcel_id = p.id WHERE p.status <> 'voided';

-- Shopify milestones already queued for a parcel: each goes once, whichever source showed it.
CREATE TABLE monitor_milestones (
  parcel_id   TEXT NOT NULL,
  milestone   TEXT NOT NULL,
  queued_at   TEXT NOT NULL,
  PRIMARY KEY (parcel_id, milestone)
) WITHOUT ROWID;
`;
