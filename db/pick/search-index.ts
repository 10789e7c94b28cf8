import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { sizedToBudget } from '../core/budget';

/** Texts moved per transaction at most (a caller may ask for fewer, or for the whole queue). */
export const SEARCH_BATCH = 500;
/** The background move's first batch, before it knows what a text costs on this station. */
export const SEARCH_FIRST_BATCH = 25;
/** How long one background move may hold the loop (a scan waits behind it). */
export const SEARCH_STEP_MS = 8;

/**
 * The next background batch: sized so that a move holds the loop about SEARCH_STEP_MS, from how long
 * the last one took. A text costs 0.2 to 0.5 ms in the trigram index at 100k on a loaded machine: 500
 * at once held the loop 100 to 240 ms, over and over, while a grown or migrated station moved its queue.
 */
export function nextSearchBatch(last: number, ms: number): number {
  return sizedToBudget(last, ms, SEARCH_STEP_MS, 5, SEARCH_BATCH);
}

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
