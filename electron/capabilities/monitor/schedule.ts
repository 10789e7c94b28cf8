// Adaptive polling: often in the expected first-scan window, rarely in long transit, never once
// delivered. Pure: interval from what is known of the parcel at an instant.
import type { TrackingStatus } from '../../../db/monitor/events';
import { isFinal } from '../../../db/monitor/statuses';

const H = 3_600_000;

/** Times in epoch ms. */
export interface PollFacts {
  handedOverAt: number | null;
  /** Expected first-scan window (cut-offs), or the line's default from handover. */
  windowFrom: number | null;
  windowTo: number | null;
  trackStatus: TrackingStatus | null;
  firstScanAt: number | null;
  lastScanAt: number | null;
}

export type PollPhase = 'never' | 'awaiting_handover' | 'before_window' | 'in_window' | 'late_first_scan' | 'last_mile' | 'moving' | 'long_transit';

export const INTERVALS: Record<Exclude<PollPhase, 'never'>, number> = {
  awaiting_handover: 12 * H,
  before_window: 6 * H,
  in_window: 1 * H,
  late_first_scan: 2 * H,
  last_mile: 2 * H,
  moving: 6 * H,
  long_transit: 24 * H,
};

export function pollPhase(f: PollFacts, nowMs: number): PollPhase {
  if (isFinal(f.trackStatus)) return 'never';
  if (f.firstScanAt === null) {
    if (f.handedOverAt === null) return 'awaiting_handover';
    const from = f.windowFrom ?? f.handedOverAt;
    const to = f.windowTo ?? from + 72 * H;
    // The window opens a little early: some parcels are scanned before the best case.
    if (nowMs < from - 6 * H) return 'before_window';
    if (nowMs <= to + 24 * H) return 'in_window';
    return 'late_first_scan';
  }
  if (f.trackStatus === 'out_for_delivery' || f.trackStatus === 'failed_attempt' || f.trackStatus === 'exception') return 'last_mile';
  const quiet = f.lastScanAt !== null ? nowMs - f.lastScanAt : 0;
  return quiet >= 3 * 24 * H ? 'long_transit' : 'moving';
}

/** When a source should next be asked about a parcel (null: never again). */
export function nextPollAt(f: PollFacts, lastPolledAt: number | null, nowMs: number): number | null {
  const phase = pollPhase(f, nowMs);
  if (phase === 'never') return null;
  if (lastPolledAt === null) return nowMs;
  return lastPolledAt + INTERVALS[phase];
}

/**
 * The earliest instant at which `nextPollAt(f, lastPolledAt, t) <= t` (null: never), for the incremental
 * pass: the phase moves with time (before the window, in it, late; moving, long transit), so each
 * stretch of one phase is tried in time order and the first that reaches its interval wins.
 */
export function pollDueAt(f: PollFacts, lastPolledAt: number | null): number | null {
  if (isFinal(f.trackStatus)) return null;
  if (lastPolledAt === null) return 0;
  const last = lastPolledAt;
  if (f.firstScanAt === null) {
    if (f.handedOverAt === null) return last + INTERVALS.awaiting_handover;
    const from = f.windowFrom ?? f.handedOverAt;
    const to = f.windowTo ?? from + 72 * H;
    const open = from - 6 * H; // in_window from here
    const close = to + 24 * H; // in_window up to here, inclusive
    if (last + INTERVALS.before_window < open) return last + INTERVALS.before_window;
    const inWin = Math.max(open, last + INTERVALS.in_window);
    if (inWin <= close) return inWin;
    return Math.max(close + 1, last + INTERVALS.late_first_scan);
  }
  if (f.trackStatus === 'out_for_delivery' || f.trackStatus === 'failed_attempt' || f.trackStatus === 'exception') return last + INTERVALS.last_mile;
  if (f.lastScanAt === null) return last + INTERVALS.moving;
  const quietFrom = f.lastScanAt + 3 * 24 * H; // long_transit from here
  if (last + INTERVALS.moving < quietFrom) return last + INTERVALS.moving;
  return Math.max(quietFrom, last + INTERVALS.long_transit);
}

/**
 * The next instant after nowMs at which the parcel's polling phase changes by time alone (null: not
 * before something new is learned). A poll waiting for its source keeps its place (when it fell due,
 * `nextPollAt`) until then; the pass looks at the parcel again at that instant.
 */
export function phaseEndsAt(f: PollFacts, nowMs: number): number | null {
  if (isFinal(f.trackStatus)) return null;
  if (f.firstScanAt === null) {
    if (f.handedOverAt === null) return null;
    const from = f.windowFrom ?? f.handedOverAt;
    const to = f.windowTo ?? from + 72 * H;
    if (nowMs < from - 6 * H) return from - 6 * H;
    if (nowMs <= to + 24 * H) return to + 24 * H + 1;
    return null;
  }
  if (f.trackStatus === 'out_for_delivery' || f.trackStatus === 'failed_attempt' || f.trackStatus === 'exception') return null;
  if (f.lastScanAt === null) return null;
  const quietFrom = f.lastScanAt + 3 * 24 * H;
  return nowMs < quietFrom ? quietFrom : null;
}
