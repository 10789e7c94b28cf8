// Which pickup a parcel picked at a given instant rides.
//
// The parcel rides the first open pickup whose cut-off is >= pickedAt
// (a pick exactly at the cut-off still makes it). Holidays and cancelled
// overrides have no pickup; extra overrides add one.
//
// Rule 'thursday-shift' (see thursdayShift.ts): per ISO week, pickups after
// the last pickup on or before Thursday (normally Fri/Sat) still run but take
// no new parcels. A parcel picked after that Thursday cut-off and before the
// next week's first cut-off ships on the next week's first pickup (normally
// Monday; the first pickup after it when Monday is a holiday). All other
// parcels ship exactly as without the rule.
//
// Expects a calendar that passed validateCalendar.
import type { LineCalendar } from './calendar';
import { isoWeekStart } from './civil';
import { buildSchedule, type Slot } from './schedule';
import { formatInZone, localDayOf } from './zoned';

export const PICKUP_HORIZON_DAYS = 60;

export type ShipDate = {
  cutoffAt: Date;
  pickupAt: Date;
  /** local date of the pickup, YYYY-MM-DD */
  localDate: string;
  /** ISO weekday of the pickup, Mon = 1 */
  weekday: number;
  /** the pick's local day has a pickup, but this parcel misses it (after its cut-off, or closed by a rule) */
  late: boolean;
  /** e.g. "ships Mon 27 Nov 17:30" in the warehouse zone (pickup time) */
  label: string;
};

export function nextPickup(cal: LineCalendar, pickedAt: Date): ShipDate {
  const pickMs = pickedAt.getTime();
  if (Number.isNaN(pickMs)) throw new Error('nextPickup: pickedAt is an invalid Date');
  const pickDay = localDayOf(pickMs, cal.zone);
  // Nearly every parcel ships within two weeks; only build 60 days when needed.
  return (
    shipDateFrom(cal, nearSlots(cal, pickDay), pickMs) ??
    shipDateFrom(cal, buildSchedule(cal, isoWeekStart(pickDay), pickDay + PICKUP_HORIZON_DAYS), pickMs) ??
    noPickup(cal, pickedAt)
  );
}

/** The slots nextPickup looks at first for picks on local day `pickDay`; callers may cache them per day. */
export function nearSlots(cal: LineCalendar, pickDay: number): Slot[] {
  return buildSchedule(cal, isoWeekStart(pickDay), pickDay + 14);
}

/** The ship date from slots covering the pick's ISO week onwards; undefined when none of them takes the parcel. */
export function shipDateFrom(cal: LineCalendar, slots: readonly Slot[], pickMs: number): ShipDate | undefined {
  const slot = slots.find((s) => s.open && s.cutoffMs >= pickMs);
  if (!slot) return undefined;
  const pickDay = localDayOf(pickMs, cal.zone);
  const hasPickupToday = slots.some((s) => s.day === pickDay);
  return {
    cutoffAt: new Date(slot.cutoffMs),
    pickupAt: new Date(slot.pickupMs),
    localDate: slot.date,
    weekday: slot.weekday,
    late: hasPickupToday && slot.day !== pickDay,
    label: `ships ${formatInZone(slot.pickupMs, cal.zone, 'ccc d LLL HH:mm')}`,
  };
}

function noPickup(cal: LineCalendar, pickedAt: Date): never {
  throw new Error(
    `no pickup within ${PICKUP_HORIZON_DAYS} days after ${pickedAt.toISOString()} on this line (${cal.zone}) — ` +
      'check the weekly pickups, holidays, cancelled overrides and effectiveFrom',
  );
}
