// The ship date and expected first-scan window of a parcel at the moment it is picked.
import type { CutoffSettingsRow } from '../../../db/cutoffs/reader';
import type { ShipByData } from '../../../db/cutoffs/events';
import type { Slot } from './schedule';
import { nearSlots, nextPickup, shipDateFrom, type ShipDate } from './shipdate';
import { expectedFirstScan, type ExpectedFirstScan } from './window';
import { localDayOf } from './zoned';
import type { ServiceContext } from '../../core/context';

export type ShipBy = ShipByData;

// The scan path runs this per pick: the schedule of a pick's day and the window of a pickup are
// computed once per calendar content (zone math is the expensive part). Keyed by content, not by
// version, because several consoles (tests) may share this process.
const dayCache = new Map<string, Slot[]>();
const windowCache = new Map<string, ExpectedFirstScan>();
const MAX_CACHED = 256;

function remember<V>(m: Map<string, V>, key: string, make: () => V): V {
  let v = m.get(key);
  if (v === undefined) {
    if (m.size >= MAX_CACHED) m.clear();
    m.set(key, (v = make()));
  }
  return v;
}

/** The pickup a parcel picked at `at` on `lineId` will make; null when the line has no calendar or no pickup within 60 days. */
export function pickupForPick(ctx: ServiceContext, lineId: string, at: Date): ShipBy | null {
  const settings = ctx.store.read.cutoffs.current(lineId);
  if (!settings) return null;
  return shipByFor(settings, at);
}

export function shipByFor(settings: CutoffSettingsRow, at: Date): ShipBy | null {
  const cal = settings.calendar;
  const version = JSON.stringify([cal, settings.firstScan]);
  const day = localDayOf(at.getTime(), cal.zone);
  let ship: ShipDate | undefined;
  try {
    const slots = remember(dayCache, `${version}:${day}`, () => nearSlots(cal, day));
    ship = shipDateFrom(cal, slots, at.getTime()) ?? nextPickup(cal, at);
  } catch {
    // A calendar with no pickup in 60 days must not stop the pick; the parcel simply has no ship date.
    return null;
  }
  const pickupMs = ship.pickupAt.getTime();
  const scan = remember(windowCache, `${version}:${pickupMs}`, () => expectedFirstScan(cal, settings.firstScan, ship.pickupAt));
  return {
    cutoffAt: ship.cutoffAt.toISOString(),
    pickupAt: ship.pickupAt.toISOString(),
    label: ship.label,
    late: ship.late,
    firstScanFrom: scan.earliest.toISOString(),
    firstScanTo: scan.latest.toISOString(),
  };
}
