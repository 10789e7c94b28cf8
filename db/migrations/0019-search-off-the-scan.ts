// A scan commit wrote about 8 of its 37 WAL pages into the trigram index (a new FTS5 segment, its
// structure record, content and sizes, and now and then a merge of segments: the scan's p99). A
// parcel's search text now goes into a small queue in the scan's transaction (one page), and
// db/pick/search-index.ts moves the queue into the index between scans. A search reads the index
// and the queue, so a parcel is found the moment it is picked. The queue keeps the text written at
// the time (not recomputed when it is moved), so index + queue is the same whenever the move runs:
// a rebuild, a live station and every site station agree.
export const name = 'search-off-the-scan';

export const up = `
CREATE TABLE parcel_search_queue (id INTEGER PRIMARY KEY, parcel_id TEXT NOT NULL, text TEXT NOT NULL);
DROP TRIGGER parcel_search_ins;
CREATE TRIGGER parcel_search_ins AFTER INSERT ON parcels BEGIN
  INSERT INTO parcel_search_queue (parcel_id, text)
    SELECT new.id, new.tracking_number || ' ' || o.name || ' ' || coalesce(json_extract(o.ship_to, '$.name'), '') FROM orders o WHERE o.id = new.order_id;
END;
DROP TRIGGER parcel_search_relink;
CREATE TRIGGER parcel_search_relink AFTER UPDATE OF tracking_number ON parcels WHEN old.tracking_number IS NOT new.tracking_number BEGIN
  INSERT INTO parcel_search_queue (parcel_id, text) VALUES (new.id, new.tracking_number);
END;
DROP TRIGGER parcel_search_del;
CREATE TRIGGER parcel_search_del AFTER DELETE ON parcels BEGIN
  DELETE FROM parcel_search WHERE parcel_id = old.id;
  DELETE FROM parcel_search_queue WHERE parcel_id = old.id;
END;
`;
