/** A closed manifest as sent to a carrier that accepts manifests electronically. */
export interface ManifestSubmission {
  manifestId: string;
  number: string;
  lineId: string;
  closedAt: string;
  trackingNumbers: string[];
}

/** Outbox jobs of dispatch (one lane per line, `carrier:<lineId>`). */
export interface DispatchJobs {
  'carrier.manifest': ManifestSubmission;
}
