import type { JobDraft } from '../job-types';

/** What one archive batch moved out of the hot database. */
export interface ArchivedRows {
  scans: number;
  polls: number;
  jobs: number;
}

/** Events of retention, the archive horizon (merged into EventMap in db/event-types.ts). */
export interface RetentionEvents {
  /** The site's horizon: delivered parcels older than this many days go to the archive. */
  'retention.settings_saved': { horizonDays: number };
  /** An archive run begins: parcels delivered before `cutoff`, in small batches, by its outbox job. */
  'retention.started': {
    runId: string;
    stationId: string;
    horizonDays: number;
    cutoff: string;
    file: string;
    trigger: 'schedule' | 'console' | 'cli';
    jobs: Array<JobDraft<'retention.archive'>>;
  };
  /**
   * One batch: these delivered parcels' tracking scans, poll state and finished jobs left the hot database
   * (its projection copies them into the archive file first, where it is attached, then deletes them).
   * The events themselves stay in the log.
   */
  'retention.archived': { runId: string; parcelIds: string[]; rows: ArchivedRows; bytes: number; exceptionsClosed: number };
  /** The run found nothing more to archive. */
  'retention.finished': { runId: string; parcels: number; rows: number; bytes: number; batches: number };
}
