import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/**
 * When the incremental monitor pass next has to look at each parcel (epoch ms). Runtime state, not an
 * event: it is a cache of a pure function of the watch row, the poll state and the rules, and the
 * projector sets it back to 0 whenever one of those changes (db/monitor/projector.ts).
 */
export function writeMonitorDue(db: Sqlite, rows: Array<[parcelId: string, dueAt: number]>): void {
  if (!rows.length) return;
  const q = stmt(db, 'UPDATE monitor_watch SET due_at = ? WHERE parcel_id = ?');
  db.transaction(() => {
    for (const [id, at] of rows) q.run(at, id);
  })();
}
