// The pack station: several parcels per order, partial shipments, scan-to-verify, weight, customs per SKU, batch runs.
export const name = 'pack';

export const up = `
-- Which parcel of its order this is ("2 of 3"); NULL on one-parcel orders. Weight from the scale (grams).
ALTER TABLE parcels ADD COLUMN piece INTEGER;
ALTER TABLE parcels ADD COLUMN pieces INTEGER;
ALTER TABLE parcels ADD COLUMN weight_g INTEGER;
-- A partial shipment: JSON [{idx, quantity}] of the order lines this parcel carries (NULL: the whole order).
ALTER TABLE parcels ADD COLUMN ship_lines TEXT;

-- Pack rules per line ('line:<id>') or store ('store:<id>'); a line's rule wins over its store's.
CREATE TABLE pack_rules (
  scope            TEXT PRIMARY KEY,
  verify           INTEGER NOT NULL DEFAULT 0,
  items_per_parcel INTEGER,
  needs_weight     INTEGER NOT NULL DEFAULT 0,
  needs_customs    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- An order at the pack bench, from its scan to its labels.
CREATE TABLE pack_sessions (
  order_id        TEXT PRIMARY KEY REFERENCES orders (id),
  status          TEXT NOT NULL,   -- open | issued
  opened_at       TEXT NOT NULL,
  opened_by       TEXT NOT NULL,
  parcels         INTEGER NOT NULL,
  weights         TEXT NOT NULL DEFAULT '[]',   -- JSON: per parcel {grams, source}, in parcel order
  override_by     TEXT,
  override_reason TEXT,
  extras          INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Items counted at the bench per order line (idx of order_items); shipped: quantities that left in earlier parcels.
CREATE TABLE pack_counts (
  order_id TEXT NOT NULL,
  idx      INTEGER NOT NULL,
  counted  INTEGER NOT NULL DEFAULT 0,
  shipped  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, idx)
) WITHOUT ROWID;

-- The customs table a supervisor keeps, per SKU.
CREATE TABLE customs_skus (
  sku         TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  hs_code     TEXT,
  origin      TEXT,
  value       REAL,
  currency    TEXT,
  weight_g    INTEGER
) WITHOUT ROWID;

-- A batch (wave) run: the orders it takes, in order, and what became of each.
CREATE TABLE pack_batches (
  id         TEXT PRIMARY KEY,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  total      INTEGER NOT NULL,
  status     TEXT NOT NULL   -- running | stopped | done
) WITHOUT ROWID;
CREATE TABLE pack_batch_orders (
  batch_id  TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  order_id  TEXT NOT NULL,
  outcome   TEXT,            -- NULL: not yet; issued | skipped | refused
  parcel_id TEXT,
  message   TEXT,
  PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;
`;
