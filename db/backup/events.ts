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
  /**
   * The first start on a restored copy: jobs it holds queued may have run after the backup. Those that
   * reach the outside world look there before they run again (`lookFirst`: counted as an attempt, so
   * the Shopify handler finds its own fulfillment by tracking number instead of creating another);
   * labels are never printed again unasked (`setAside`: each also a `print.unconfirmed` for a person).
   */
  'backup.jobs_held': {
    stationId: string;
    file: string;
    lookFirst: string[];
    setAside: string[];
    /**
     * Jobs that reach a person and cannot be looked up (buyer e-mails, the webhook, a manifest to a carrier
     * that cannot be asked): taken out of their lane until a supervisor answers `backup.job_answered`.
     * (Added later: absent in older events.)
     */
    askSupervisor?: string[];
    /** Jobs that only read or are idempotent by nature: left to run. (Added later: absent in older events.) */
    run?: string[];
  };
  /** A supervisor answered a job set aside after a restore: it went (done, never sent again), or send it again. */
  'backup.job_answered': { jobId: string; kind: string; decision: 'went' | 'send_again'; note: string };
  /**
   * An order the backup shows open was picked after it: Shopify holds a fulfillment of it, or a label
   * was printed for it, with a number this station no longer knows. It is held (never picked again
   * unchecked) until a supervisor answers `backup.order_released`.
   */
  'backup.order_held': {
    stationId: string;
    orderId: string;
    orderName: string;
    store: string;
    /** tracking numbers seen for it outside this database (on its printed label, in its Shopify fulfillment) */
    numbers: string[];
    seenIn: Array<'shopify' | 'labels'>;
    /** Shopify shows the order fulfilled */
    fulfilled: boolean;
  };
  /** The supervisor checked a held order: pick it again (nothing left the building), or it was shipped. */
  'backup.order_released': { orderId: string; orderName: string; decision: 'pick_again' | 'shipped'; note: string };
}
