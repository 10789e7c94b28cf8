// A parcel's expected first-scan window: the cut-offs capability's (computed at pick from the line's
// calendar) when there is one, else Table 3's observed range for the route counted from handover.
import type { LineData } from '../../../db/event-types';

const H = 3_600_000;

/** Table 3, best case (Mon-Wed AM ship), in hours after the carrier takes the parcel. */
export const ROUTE_WINDOWS: Record<LineData['routeType'], { bestHours: number; worstHours: number; words: string }> = {
  postal: { bestHours: 72, worstHours: 120, words: '3-5 days' },
  private: { bestHours: 24, worstHours: 36, words: '24-36 hours' },
  express: { bestHours: 12, worstHours: 24, words: '12-24 hours' },
  domestic: { bestHours: 8, worstHours: 16, words: '8-16 hours' },
};

export interface Window {
  from: string;
  to: string;
  source: 'cutoffs' | 'table3';
}

export function firstScanWindow(
  p: { expectedFrom: string | null; expectedTo: string | null; handedOverAt: string | null; pickupAt: string | null; pickedAt: string },
  routeType: LineData['routeType'],
): Window | null {
  if (p.expectedFrom && p.expectedTo) return { from: p.expectedFrom, to: p.expectedTo, source: 'cutoffs' };
  const start = p.handedOverAt ?? p.pickupAt;
  if (!start) return null;
  const w = ROUTE_WINDOWS[routeType];
  const t = Date.parse(start);
  return { from: new Date(t + w.bestHours * H).toISOString(), to: new Date(t + w.worstHours * H).toISOString(), source: 'table3' };
}

/** The same window in epoch ms, for the pass (no date formatting on 50,000 parcels). */
export function windowMs(
  p: { windowFrom: number | null; windowTo: number | null; handedOverAt: number | null; pickupAt: number | null },
  routeType: LineData['routeType'],
): [number, number] | null {
  if (p.windowFrom !== null && p.windowTo !== null) return [p.windowFrom, p.windowTo];
  const start = p.handedOverAt ?? p.pickupAt;
  if (start === null) return null;
  const w = ROUTE_WINDOWS[routeType];
  return [start + w.bestHours * H, start + w.worstHours * H];
}
