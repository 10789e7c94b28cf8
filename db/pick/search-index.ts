import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** Texts moved per transaction between scans: a few ms of work at most. */
export const SEARCH_BATCH = 500;

/**
 * Moves the oldest queued search texts (migration 0019) into the trigram index, inside the caller's
 * transaction, and says how many are still queued. Order does not matter to a search: the index and
 * the queue are read together.
 */
export function moveSearchQueue(db: Sqlite, limit: number = SEARCH_BATCH): number {
  const top = stmt(db, 'SELECT id FROM parcel_search_queue ORDER BY id LIMIT 1 OFFSET ?').get(Math.max(0, Math.min(limit, 1e9) - 1)) as
    { id: number } | undefined;
  const upTo = top?.id ?? Number.MAX_SAFE_INTEGER;
  stmt(db, 'INSERT INTO parcel_search (parcel_id, text) SELECT parcel_id, text FROM parcel_search_queue WHERE id <= ? ORDER BY id').run(upTo);
  stmt(db, 'DELETE FROM parcel_search_queue WHERE id <= ?').run(upTo);
  return (stmt(db, 'SELECT count(*) AS n FROM parcel_search_queue').get() as { n: number }).n;
}

/** Parcel ids whose search text (index or queue) contains `like` (a LIKE pattern, 3 characters or more). */
export const SEARCH_SQL = 'SELECT parcel_id FROM parcel_search WHERE text LIKE ? UNION ALL SELECT parcel_id FROM parcel_search_queue WHERE text LIKE ?';
