import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { rowMapper, type Raw } from '../core/rows';
import { archiveOf, archiveStats, archivedScans, bulkOf } from './archive';
import { toJob, type JobRow } from '../outbox/reader';

export const DEFAULT_HORIZON_DAYS = 90;

export interface RetentionRun {
  runId: string;
  station: string;
  startedAt: string;
  horizonDays: number;
  cutoff: string;
  file: string;
  trigger: string;
  batches: number;
  parcels: number;
  rows: number;
  bytes: number;
  exceptionsClosed: number;
  finishedAt: string | null;
}

const toRun = rowMapper<RetentionRun>({
  runId: 'run_id',
  station: 'station',
  startedAt: 'started_at',
  horizonDays: 'horizon_days',
  cutoff: 'cutoff',
  file: 'file',
  trigger: 'trigger',
  batches: 'batches',
  parcels: 'parcels',
  rows: 'rows',
  bytes: 'bytes',
  exceptionsClosed: 'exceptions_closed',
  finishedAt: 'finished_at',
});

/** Reads of retention: the horizon, the runs, what is left to archive, and the archive itself. */
export function retentionReader(db: Sqlite) {
  return {
    horizonDays(): number {
      const r = stmt(db, "SELECT value FROM settings WHERE scope = 'site' AND key = 'retention'").pluck().get() as string | undefined;
      return r ? (JSON.parse(r) as { horizonDays: number }).horizonDays : DEFAULT_HORIZON_DAYS;
    },
    runs(limit = 10): RetentionRun[] {
      return (stmt(db, 'SELECT * FROM retention_runs ORDER BY started_at DESC LIMIT ?').all(limit) as Raw[]).map(toRun);
    },
    run(runId: string): RetentionRun | undefined {
      const r = stmt(db, 'SELECT * FROM retention_runs WHERE run_id = ?').get(runId) as Raw | undefined;
      return r && toRun(r);
    },
    /** The next delivered parcels older than the cutoff still in the hot database (a partial index: the rest is never read). */
    toArchive(cutoff: string, limit: number): string[] {
      return stmt(
        db,
        "SELECT parcel_id FROM monitor_tracking INDEXED BY monitor_tracking_to_archive WHERE status = 'delivered' AND archived_at IS NULL AND status_at < ? ORDER BY status_at LIMIT ?",
      )
        .pluck()
        .all(cutoff, limit) as string[];
    },
    /** Open exceptions of these parcels (they close before the parcel is archived). */
    openExceptionsOf(parcelIds: string[]): Array<{ id: string; parcelId: string }> {
      const q = stmt(db, "SELECT id FROM monitor_exceptions WHERE parcel_id = ? AND status = 'open'").pluck();
      return parcelIds.flatMap((parcelId) => (q.all(parcelId) as string[]).map((id) => ({ id, parcelId })));
    },
    /** When the parcel's rows went to the archive, or null. */
    archivedAt(parcelId: string): string | null {
      return (stmt(db, 'SELECT archived_at FROM monitor_tracking WHERE parcel_id = ?').pluck().get(parcelId) as string | null | undefined) ?? null;
    },
    archivedScans: (parcelId: string) => archivedScans(db, parcelId),
    /** What these parcels' bulky rows count and weigh (before a batch moves them). */
    bulkOf: (parcelIds: string[]) => bulkOf(db, parcelIds),
    archive: () => archiveStats(db),
    /** A parcel's finished jobs kept in the archive. */
    archivedJobs(ref: string): JobRow[] {
      if (!archiveOf(db)) return [];
      return (stmt(db, 'SELECT * FROM archive.jobs WHERE ref = ? ORDER BY created_at').all(ref) as Raw[]).map(toJob);
    },
    /** Where a parcel's rows went, if they did: when, the file, how many scans and jobs it holds of it. */
    archivedOf(parcelId: string): { at: string; file: string; scans: number; jobs: number } | null {
      const at = this.archivedAt(parcelId);
      const file = archiveOf(db);
      if (!at || !file) return null;
      const scans = stmt(db, 'SELECT count(*) FROM archive.monitor_scans WHERE parcel_id = ?').pluck().get(parcelId) as number;
      const jobs = stmt(db, 'SELECT count(*) FROM archive.jobs WHERE ref = ?').pluck().get(parcelId) as number;
      return { at, file: file.split(/[\\/]/).pop()!, scans, jobs };
    },
    attached: () => archiveOf(db),
    /** The hot database's pages in use (what a parcel costs after archiving): page_count less the free list. */
    usedBytes(): { used: number; free: number } {
      const pages = db.pragma('main.page_count', { simple: true }) as number;
      const free = db.pragma('main.freelist_count', { simple: true }) as number;
      const size = db.pragma('main.page_size', { simple: true }) as number;
      return { used: (pages - free) * size, free: free * size };
    },
  };
}
