/** Outbox jobs of retention. */
export interface RetentionJobs {
  /** Archive every delivered parcel older than the cutoff, batch by batch; idempotent (a batch takes what is left). */
  'retention.archive': { runId: string; cutoff: string };
}
