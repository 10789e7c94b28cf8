/** One range's counter after a restore: it continues beyond the highest number seen anywhere. */
export interface RestoredRange {
  rangeId: string;
  lineId: string;
  /** next serial the backup held */
  from: number;
  /** next serial after the restore (from when nothing newer was found) */
  to: number;
  /** where the highest serial was seen: 'backup', 'labels', 'shopify', 'site' */
  seenIn: string[];
}

/** Events of the backup capability (merged into EventMap in db/event-types.ts). */
export interface BackupEvents {
  /** Where and how often this station backs up its database, and how many good copies it keeps. */
  'backup.settings_saved': { stationId: string; folder: string; everyHours: number; keep: number };
  /** A copy was written, opened again and checked (integrity_check ok, its event count matches). */
  'backup.completed': {
    stationId: string;
    folder: string;
    file: string;
    bytes: number;
    events: number;
    parcels: number;
    startedAt: string;
    ms: number;
    trigger: 'schedule' | 'console' | 'cli';
    /** older copies removed by the retention rule */
    pruned: string[];
  };
  'backup.failed': { stationId: string; folder: string; reason: string; startedAt: string; trigger: 'schedule' | 'console' | 'cli' };
  /**
   * The station runs on a restored copy: every range continues beyond the highest number the backup,
   * the printed-label record, Shopify and the site server knew; pool numbers seen elsewhere are spent.
   */
  'backup.restored': {
    stationId: string;
    file: string;
    backupAt: string;
    ranges: RestoredRange[];
    poolSpent: Array<{ lineId: string; number: string }>;
    /** the supervisor confirmed the numbers skipped between the backup and the highest seen */
    gapConfirmed: boolean;
    sources: Array<{ name: string; ok: boolean; note: string }>;
  };
}
