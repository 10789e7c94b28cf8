import type { Sqlite } from './open';

/**
 * The floor's counters (migrations 0013, 0014, 0019): order_counts, parcel_counts, the search queue and exception_counts follow their
 * tables through triggers and are emptied with the other projections; pick_counts and pick_last
 * follow the event log itself, so a rebuild derives them from it again.
 */
export const counterTables: Array<{ table: string; dump?: string }> = [
  { table: 'order_counts' },
  { table: 'parcel_counts' },
  // The search text is the index and its queue together (migration 0019), wherever the move has got to.
  { table: 'parcel_search', dump: 'SELECT parcel_id, text FROM parcel_search UNION ALL SELECT parcel_id, text FROM parcel_search_queue' },
  { table: 'parcel_search_queue', dump: 'SELECT 1 AS none WHERE 0' },
  { table: 'exception_counts' },
];

const BUCKET = (col: string) => `substr(${col}, 1, 14) || printf('%02d', (CAST(substr(${col}, 15, 2) AS INTEGER) / 15) * 15)`;

export function deriveLogCounters(db: Sqlite): void {
  db.prepare('DELETE FROM pick_counts').run();
  db.prepare('DELETE FROM pick_last').run();
  db.prepare(
    `INSERT INTO pick_counts (station, bucket, type, n)
     SELECT station, ${BUCKET('occurred_at')}, type, count(*) FROM events
     WHERE type IN ('parcel.picked', 'parcel.reprinted', 'scan.refused') GROUP BY 1, 2, 3`,
  ).run();
  db.prepare(
    `INSERT INTO pick_last (station, parcel_id, seq)
     SELECT station, subject, max(seq) FROM events WHERE type IN ('parcel.picked', 'parcel.reprinted') GROUP BY station`,
  ).run();
}

/** The quarter-hour bucket an instant falls in, as the triggers write it. */
export function bucketOf(iso: string): string {
  return `${iso.slice(0, 14)}${String(Math.floor(Number(iso.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;
}
