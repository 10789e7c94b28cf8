// What a line starts with when nobody has set its first-scan window or ticket rate: Table 3's
// observed ranges by route type, and Table 4's footnote ticket rates.
import type { FirstScanData } from '../../../db/cutoffs/events';
import type { LineData } from '../../../db/event-types';
import { defaultWindows, type DefaultRoute } from './window';

const ROUTE_OF: Record<LineData['routeType'], DefaultRoute> = {
  postal: 'postal-us',
  private: 'private-line-us',
  express: 'express-us',
  domestic: 'us-3pl',
};

export function defaultFirstScan(routeType: LineData['routeType']): FirstScanData {
  const { observedFridayPmHours: _fri, route, ...w } = defaultWindows[ROUTE_OF[routeType]];
  return { ...w, carrierWorkdays: [...w.carrierWorkdays], route };
}

/**
 * Share of parcels whose long silence turns into a ticket: ~15-20 % on low-cost postal lines,
 * ~3-5 % on private lines (Table 4 footnote); express is not in the table, so the private figure.
 */
export function defaultTicketRate(routeType: LineData['routeType']): number {
  return routeType === 'postal' ? 0.175 : 0.04;
}

/** "Tickets land within 4 days" (Table 3, postal to US); the same threshold for other lines. */
export const TICKET_AFTER_DAYS = 4;

export const RULES = [
  {
    id: 'thursday-shift' as const,
    name: 'Last weekly cut-off moves to Thursday end of day',
    detail: 'Friday and Saturday production ships on the next Monday pickup (meant for low-cost postal lines).',
  },
];
