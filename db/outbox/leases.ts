import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/**
 * The outbox's runtime writes, `store.jobs` (beside `store.write`): leases are not events. Written
 * without waiting for the disk, since a lease lost in a power cut only means the job runs again,
 * which handlers must bear anyway.
 */
export function jobLeases(db: Sqlite) {
  return {
    lease(id: string, untilIso: string, nowIso: string): boolean {
      db.pragma('synchronous = OFF');
      try {
        return (
          stmt(db, "UPDATE jobs SET lease_until = ? WHERE id = ? AND status = 'queued' AND (lease_until IS NULL OR lease_until < ?)").run(untilIso, id, nowIso)
            .changes === 1
        );
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    release(id: string): void {
      stmt(db, 'UPDATE jobs SET lease_until = NULL WHERE id = ?').run(id);
    },
  };
}
