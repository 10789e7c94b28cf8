/** Parcels asked about in one request to a tracking source. */
export type MonitorNumbers = Array<{ parcelId: string; trackingNumber: string }>;

/** Outbox jobs of the first-scan monitor. */
export interface MonitorJobs {
  /** Register a batch of numbers with an aggregator source. */
  'monitor.register': { sourceId: string; numbers: MonitorNumbers };
  /** One request to a source, paced under its rate limit. */
  'monitor.poll': { sourceId: string; numbers: MonitorNumbers };
  /** A message to the buyer about an exception. */
  'monitor.buyer_email': { to: string; subject: string; body: string };
}
