// What the floor screens count, kept as they change, so a refresh costs the same on day 300 as on
// day 1 (issue 16). Triggers write them in the transaction of the row they count; the rebuild
// empties them with the other projections (db/projections.ts) and derives pick_counts again
// from the log (db/rebuild.ts).
export const name = 'floor-counters';

export const up = `
-- Orders by status (Pick: open orders).
CREATE TABLE order_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO order_counts (status, n) SELECT status, count(*) FROM orders GROUP BY status;
CREATE TRIGGER order_counts_ins AFTER INSERT ON orders BEGIN
  INSERT INTO order_counts (status, n) VALUES (new.status, 1) ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER order_counts_upd AFTER UPDATE OF status ON orders WHEN old.status IS NOT new.status BEGIN
  UPDATE order_counts SET n = n - 1 WHERE status = old.status;
  INSERT INTO order_counts (status, n) VALUES (new.status, 1) ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER order_counts_del AFTER DELETE ON orders BEGIN
  UPDATE order_counts SET n = n - 1 WHERE status = old.status;
END;

-- Parcels by line and status (Parcels: the total of a filter).
CREATE TABLE parcel_counts (line_id TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (line_id, status)) WITHOUT ROWID;
INSERT INTO parcel_counts (line_id, status, n) SELECT line_id, status, count(*) FROM parcels GROUP BY line_id, status;
CREATE TRIGGER parcel_counts_ins AFTER INSERT ON parcels BEGIN
  INSERT INTO parcel_counts (line_id, status, n) VALUES (new.line_id, new.status, 1) ON CONFLICT (line_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER parcel_counts_upd AFTER UPDATE OF status, line_id ON parcels WHEN old.status IS NOT new.status OR old.line_id IS NOT new.line_id BEGIN
  UPDATE parcel_counts SET n = n - 1 WHERE line_id = old.line_id AND status = old.status;
  INSERT INTO parcel_counts (line_id, status, n) VALUES (new.line_id, new.status, 1) ON CONFLICT (line_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER parcel_counts_del AFTER DELETE ON parcels BEGIN
  UPDATE parcel_counts SET n = n - 1 WHERE line_id = old.line_id AND status = old.status;
END;

-- Parcels waiting at the dock (Dispatch: waiting per line) are found by line and status, not by a
-- walk over every parcel the line ever shipped.
CREATE INDEX parcels_line_status ON parcels (line_id, status);
-- Parcels of one status, newest first (Parcels: the status filter), without walking the others.
CREATE INDEX parcels_status ON parcels (status);
-- A manifest's discrepancies (Dispatch: the manifest shown).
CREATE INDEX dispatch_discrepancies_manifest ON dispatch_discrepancies (manifest_id);
-- A printer's latest label jobs (Devices), done ones included.
CREATE INDEX jobs_target_created ON jobs (target, created_at);

-- Search as you type over tracking number, order name and buyer: a trigram index answers
-- LIKE '%q%' (3 characters or more) without reading every parcel. A re-linked parcel keeps its old
-- number in the index too, so searching the old number still finds it.
CREATE VIRTUAL TABLE parcel_search USING fts5 (parcel_id UNINDEXED, text, tokenize = 'trigram');
INSERT INTO parcel_search (parcel_id, text)
  SELECT p.id, p.tracking_number || ' ' || o.name || ' ' || coalesce(json_extract(o.ship_to, '$.name'), '') FROM parcels p JOIN orders o ON o.id = p.order_id;
CREATE TRIGGER parcel_search_ins AFTER INSERT ON parcels BEGIN
  INSERT INTO parcel_search (parcel_id, text)
    SELECT new.id, new.tracking_number || ' ' || o.name || ' ' || coalesce(json_extract(o.ship_to, '$.name'), '') FROM orders o WHERE o.id = new.order_id;
END;
CREATE TRIGGER parcel_search_relink AFTER UPDATE OF tracking_number ON parcels WHEN old.tracking_number IS NOT new.tracking_number BEGIN
  INSERT INTO parcel_search (parcel_id, text) VALUES (new.id, new.tracking_number);
END;

-- Today's picks, reprints and refusals per station in quarter-hour buckets ('YYYY-MM-DDTHH:MM',
-- UTC): "today" in any warehouse zone is a sum over at most 96 buckets.
CREATE TABLE pick_counts (station TEXT NOT NULL, bucket TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (station, bucket, type)) WITHOUT ROWID;
-- The station's last picked or reprinted parcel (Pick: "last label").
CREATE TABLE pick_last (station TEXT PRIMARY KEY, parcel_id TEXT, seq INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO pick_counts (station, bucket, type, n)
  SELECT station, substr(occurred_at, 1, 14) || printf('%02d', (CAST(substr(occurred_at, 15, 2) AS INTEGER) / 15) * 15), type, count(*)
  FROM events WHERE type IN ('parcel.picked', 'parcel.reprinted', 'scan.refused') GROUP BY 1, 2, 3;
INSERT INTO pick_last (station, parcel_id, seq)
  SELECT station, subject, max(seq) FROM events WHERE type IN ('parcel.picked', 'parcel.reprinted') GROUP BY station;
CREATE TRIGGER pick_counts_ins AFTER INSERT ON events WHEN new.type IN ('parcel.picked', 'parcel.reprinted', 'scan.refused') BEGIN
  INSERT INTO pick_counts (station, bucket, type, n)
    VALUES (new.station, substr(new.occurred_at, 1, 14) || printf('%02d', (CAST(substr(new.occurred_at, 15, 2) AS INTEGER) / 15) * 15), new.type, 1)
    ON CONFLICT (station, bucket, type) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER pick_last_ins AFTER INSERT ON events WHEN new.type IN ('parcel.picked', 'parcel.reprinted') BEGIN
  INSERT INTO pick_last (station, parcel_id, seq) VALUES (new.station, new.subject, new.seq)
    ON CONFLICT (station) DO UPDATE SET parcel_id = excluded.parcel_id, seq = excluded.seq;
END;
`;
