import type { TrackingRow } from './reader';
// Earliest source wins: several sources report the same carrier scan at different times and in
// slightly different words; the console keeps one line per scan, credited to whoever showed it first.
import type { ScanData, TrackingStatus } from './events';
import { isPhysical } from './statuses';

/** Sources disagree on a scan's time by minutes (local vs UTC rounding, facility clocks), never by an hour. */
export const SAME_SCAN_MS = 60 * 60_000;

export interface KnownScan {
  status: TrackingStatus;
  scannedAt: string;
  learnedAt: string;
  sourceId: string;
}

export function sameScan(a: { status: string; scannedAt: string }, b: { status: string; scannedAt: string }): boolean {
  return a.status === b.status && Math.abs(Date.parse(a.scannedAt) - Date.parse(b.scannedAt)) <= SAME_SCAN_MS;
}

/** The incoming scans that are not already known (nor repeated within the batch). */
export function newScans<T extends { parcelId: string; status: string; scannedAt: string }>(
  known: Map<string, Array<{ status: string; scannedAt: string }>>,
  incoming: T[],
): T[] {
  const kept: T[] = [];
  const seen = new Map<string, Array<{ status: string; scannedAt: string }>>();
  for (const s of incoming) {
    const k = known.get(s.parcelId) ?? [];
    const b = seen.get(s.parcelId) ?? [];
    if (k.some((x) => sameScan(x, s)) || b.some((x) => sameScan(x, s))) continue;
    b.push(s);
    seen.set(s.parcelId, b);
    kept.push(s);
  }
  return kept;
}

const RANK: Record<TrackingStatus, number> = {
  info_received: 0,
  accepted: 1,
  in_transit: 2,
  exception: 3,
  out_for_delivery: 4,
  failed_attempt: 5,
  returned: 6,
  delivered: 7,
};

/** A parcel's folded tracking: the stored summary row without its key. */
export type TrackingSummary = Omit<TrackingRow, 'parcelId'>;

/** Fold a parcel's scans: current status, first physical scan, and the source that showed one first. */
export function summarize(scans: KnownScan[]): TrackingSummary | null {
  if (!scans.length) return null;
  const byTime = [...scans].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt) || RANK[a.status] - RANK[b.status]);
  const last = byTime[byTime.length - 1];
  const physical = scans.filter((s) => isPhysical(s.status));
  const firstScan = physical.length ? physical.reduce((m, s) => (s.scannedAt < m.scannedAt ? s : m)) : null;
  const firstLearned = physical.length
    ? physical.reduce((m, s) => (s.learnedAt < m.learnedAt || (s.learnedAt === m.learnedAt && s.scannedAt < m.scannedAt) ? s : m))
    : null;
  return {
    status: last.status,
    statusAt: last.scannedAt,
    firstScanAt: firstScan?.scannedAt ?? null,
    firstLearnedAt: firstLearned?.learnedAt ?? null,
    firstSource: firstLearned?.sourceId ?? null,
    lastScanAt: last.scannedAt,
    lastLearnedAt: scans.reduce((m, s) => (s.learnedAt > m ? s.learnedAt : m), scans[0].learnedAt),
    scans: scans.length,
  };
}

export type { ScanData };
