import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** A registration (0) or a poll (1) a source has to make for a parcel and has had no room for yet. */
export type Waiting = [sourceId: string, kind: 0 | 1, since: number];

/** What one look at a parcel changed: when the pass next has to look at it, what it waits for (null: as before). */
export type Looked = [parcelId: string, dueAt: number | null, waiting: Waiting[] | null];

/**
 * When the incremental monitor pass next has to look at each parcel (epoch ms), and the sources' wait
 * lists. Runtime state, not an event: a cache of a pure function of the watch row, the poll state and the
 * rules; the projector sets due_at back to 0 whenever one of those changes, and takes a parcel off the wait
 * lists when its request is queued or it leaves the watch list (db/monitor/projector.ts).
 */
export function writeMonitorDue(db: Sqlite, rows: Looked[]): void {
  if (!rows.length) return;
  const due = stmt(db, 'UPDATE monitor_watch SET due_at = ? WHERE parcel_id = ?');
  const off = stmt(db, 'DELETE FROM monitor_waiting WHERE parcel_id = ?');
  const on = stmt(db, 'INSERT INTO monitor_waiting (source_id, parcel_id, kind, since) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const [id, at, waiting] of rows) {
      if (at !== null) due.run(at, id);
      if (waiting === null) continue;
      off.run(id);
      for (const [source, kind, since] of waiting) on.run(source, id, kind, since);
    }
  })();
}

/**
 * A source that is gone (the console's sources changed) has no wait list any more. Every pass asks:
 * the sources on the lists are found by a skip over the key (one step per source), and only a gone
 * source's list is deleted; `source_id NOT IN (...)` read every waiting row (66 ms at 100k, loaded).
 */
export function dropWaitingExcept(db: Sqlite, sourceIds: string[]): void {
  const listed = stmt(
    db,
    `WITH RECURSIVE s(id) AS (
       SELECT (SELECT min(source_id) FROM monitor_waiting)
       UNION ALL
       SELECT (SELECT min(source_id) FROM monitor_waiting WHERE source_id > s.id) FROM s WHERE s.id IS NOT NULL
     )
     SELECT id FROM s WHERE id IS NOT NULL`,
  )
    .pluck()
    .all() as string[];
  const drop = stmt(db, 'DELETE FROM monitor_waiting WHERE source_id = ?');
  for (const id of listed) if (!sourceIds.includes(id)) drop.run(id);
}

/** The pass has looked at these parcels that left the watch list (it closed what was open). */
export function dropUnwatched(db: Sqlite, parcelIds: string[]): void {
  const q = stmt(db, 'DELETE FROM monitor_unwatched WHERE parcel_id = ?');
  db.transaction(() => parcelIds.forEach((id) => q.run(id)))();
}
