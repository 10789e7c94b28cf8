import type { JobDraft } from '../event-types';

/** The one status set every source is normalized to (carrier API codes, aggregator stages, CSV words). */
export type TrackingStatus = 'info_received' | 'accepted' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'failed_attempt' | 'exception' | 'returned';

export type SourceKind = 'carrier_api' | 'aggregator' | 'file';

/** One carrier scan as a source reported it, normalized, with both times (their gap is gap 4). */
export interface ScanData {
  parcelId: string;
  status: TrackingStatus;
  /** When the carrier scanned (UTC). */
  scannedAt: string;
  /** When this console learned of it (UTC). */
  learnedAt: string;
  location: string | null;
  /** The source's own words or code, kept for support. */
  detail: string;
}

export type ExceptionCause = 'not_handed_over' | 'no_first_scan' | 'no_update' | 'failed_delivery' | 'lost';

/** Thresholds of one line (hours/days); absent fields take the site default for the line's route type. */
export interface LineRuleOverrides {
  noFirstScanHours?: number;
  noUpdateDays?: number;
  lostDays?: number;
}

export interface MonitorRulesData {
  noFirstScan: { enabled: boolean; hoursByRoute: Record<'postal' | 'private' | 'express' | 'domestic', number> };
  noUpdate: { enabled: boolean; days: number };
  failedDelivery: { enabled: boolean };
  notHandedOver: { enabled: boolean; graceHours: number; fallbackPickupHours: number };
  lost: { enabled: boolean; days: number };
  /** How long the team has to work an exception of each cause. */
  dueHours: Record<ExceptionCause, number>;
  lines: Record<string, LineRuleOverrides>;
}

export interface CostSettingsData {
  hourlyRate: number;
  minutesPerTicket: number;
  /** Share of parcels that turn into a tracking ticket, per route type (Table 4 footnote). */
  ticketRates: Record<'postal' | 'private' | 'express' | 'domestic', number>;
}

export interface ScheduledJob {
  job: JobDraft<'monitor.register' | 'monitor.poll'>;
  /** Not before this instant: spaces requests to a source's rate limit. */
  notBefore: string;
}

export interface MonitorEvents {
  'monitor.rules_saved': { rules: MonitorRulesData; reason: string };
  'monitor.costs_saved': { costs: CostSettingsData };
  /** The rules-and-schedule pass queued polls or registrations (outbox jobs `monitor.poll` / `monitor.register`). */
  'monitor.polls_queued': { sourceId: string; jobs: ScheduledJob[] };
  'monitor.registered': { sourceId: string; parcelIds: string[]; rejected: Array<{ parcelId: string; reason: string }> };
  /** Scans a source showed that this console did not have yet; milestones carry their Shopify jobs. */
  'monitor.scans_reported': {
    sourceId: string;
    via: 'poll' | 'push' | 'file';
    scans: ScanData[];
    milestones: Array<{ parcelId: string; milestone: string; jobs: JobDraft[] }>;
  };
  'monitor.exception_opened': {
    exceptionId: string;
    parcelId: string;
    cause: ExceptionCause;
    since: string;
    dueAt: string;
    detail: string;
    proposal: 'reship' | null;
  };
  'monitor.exception_changed': {
    exceptionId: string;
    parcelId: string;
    cause: ExceptionCause;
    since: string;
    dueAt: string;
    detail: string;
    proposal: 'reship' | null;
  };
  'monitor.exception_cleared': { exceptionId: string; parcelId: string; reason: string };
  'monitor.exception_assigned': { exceptionId: string; parcelId: string; owner: string | null };
  'monitor.exception_resolved': { exceptionId: string; parcelId: string; reason: string };
  'monitor.buyer_contacted': { exceptionId: string | null; parcelId: string; cause: string; to: string; subject: string; body: string; jobs: JobDraft[] };
  /** A replacement order for a parcel (subject: the old parcel); the order itself comes with `orders.imported`. */
  'monitor.reship_created': {
    exceptionId: string | null;
    oldParcelId: string;
    oldTrackingNumber: string;
    newOrderId: string;
    newOrderName: string;
    reason: string;
  };
  /** On the replacement order's timeline (subject: the new order). */
  'monitor.reship_opened': { oldParcelId: string; oldTrackingNumber: string; oldOrderName: string; newOrderName: string };
  /** The replacement was picked: on the old parcel's timeline with the new number. */
  'monitor.reship_picked': { oldParcelId: string; newParcelId: string; newTrackingNumber: string; newOrderName: string };
}
