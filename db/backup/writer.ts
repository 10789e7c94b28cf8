import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { forgetRestorePending } from './reader';

/** The restore's notes in `meta`, written through `store.backup` (beside `store.write`), never the read door. */
export function backupWriter(db: Sqlite) {
  return {
    /** The supervisor confirmed the numbers: picks may issue again (inside the write of `backup.restored`). */
    clearRestorePending(): void {
      stmt(db, "UPDATE meta SET value = '' WHERE key = 'restore_pending'").run();
      forgetRestorePending(db);
    },
    /** The restored copy's queued jobs were held or set to look first (inside the write of `backup.jobs_held`). */
    clearJobsUnchecked(): void {
      stmt(db, "UPDATE meta SET value = '' WHERE key = 'restore_jobs_unchecked'").run();
    },
  };
}
