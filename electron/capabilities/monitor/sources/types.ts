// The adapter interface every tracking source implements: a carrier's API, an aggregator
// (17TRACK / AfterShip style: register numbers in batches, then poll or receive pushes), or a
// file of scans a carrier e-mails. Adapters return scans already normalized to one status set.
import type { SourceKind, TrackingStatus } from '../../../../db/monitor/events';

export type { SourceKind };

export interface SourceScan {
  trackingNumber: string;
  status: TrackingStatus;
  /** When the carrier scanned (UTC ISO). */
  scannedAt: string;
  location: string | null;
  detail: string;
}

export interface PollAnswer {
  scans: SourceScan[];
  /** Numbers the source does not know (not registered, not in the carrier's system yet). */
  unknown: string[];
  /** Scans the adapter could not normalize, with why (kept for support, never guessed). */
  skipped: Array<{ trackingNumber: string; reason: string }>;
}

export interface SourceInfo {
  id: string;
  name: string;
  kind: SourceKind;
  /** Requests per minute the source allows. */
  ratePerMin: number;
  /** Tracking numbers per request. */
  batchSize: number;
  /** Aggregators: numbers must be registered before they can be polled. */
  needsRegistration: boolean;
  /** poll: the console asks; push: the source calls the console's webhook (monitor.push). */
  delivery: 'poll' | 'push';
  /** Carrier line ids this source covers; 'all' for an aggregator. */
  lineIds: string[] | 'all';
  emulated: boolean;
}

export interface TrackingSource extends SourceInfo {
  poll(numbers: string[]): Promise<PollAnswer>;
  register?(numbers: string[]): Promise<{ accepted: string[]; rejected: Array<{ trackingNumber: string; reason: string }> }>;
}

/** The source said "too many requests": retry after its window, this is not a failure of the parcel. */
export class RateLimitedError extends Error {
  constructor(
    readonly sourceId: string,
    readonly retryAfterMs: number,
  ) {
    super(`${sourceId} is rate limited: it asks to wait ${Math.ceil(retryAfterMs / 1000)} s before the next request. The poll is retried by itself.`);
  }
}

/** The source did not answer properly this time (5xx, timeout): retried with backoff. */
export class SourceUnavailableError extends Error {}

export const covers = (s: SourceInfo, lineId: string) => s.lineIds === 'all' || s.lineIds.includes(lineId);
