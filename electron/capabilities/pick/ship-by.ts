import { IANAZone } from 'luxon';
import type { CutoffSettingsRow } from '../../../db/cutoffs/reader';
import { shipByFor, type ShipBy } from '../cutoffs/for-parcel';
import { localDayOf } from '../cutoffs/zoned';
import type { ServiceContext } from '../../core/context';

const DAY = 86_400_000;
const MIN = 60_000;

/** A line's last ship date, and the picks it holds for: the same calendar version, [from, to]. */
export interface KnownShipBy {
  version: number;
  from: number;
  to: number;
  shipBy: ShipBy | null;
}

/**
 * A parcel rides the first open pickup whose cut-off is >= its pick, judged on the pick's local day;
 * so until that cut-off, and within that local day, every later pick gets the same ship date. The
 * pick path asks once per cut-off instead of doing the zone arithmetic on every scan.
 */
export function rememberShipBy(
  known: Map<string, KnownShipBy>,
  lineId: string,
  version: number,
  at: Date,
  settings: () => CutoffSettingsRow | undefined,
): ShipBy | null {
  const t = at.getTime();
  const k = known.get(lineId);
  if (k && k.version === version && t >= k.from && t <= k.to) return k.shipBy;
  const s = settings();
  if (!s || s.version !== version) return s ? shipByFor(s, at) : null;
  const shipBy = shipByFor(s, at);
  known.set(lineId, { version, from: t, to: shipBy ? sameUntil(s.calendar.zone, t, Date.parse(shipBy.cutoffAt)) : t, shipBy });
  return shipBy;
}

/** Last instant <= cutoffMs on t's local day; t itself when a zone offset change is near. */
function sameUntil(zone: string, t: number, cutoffMs: number): number {
  const z = IANAZone.create(zone);
  const offset = z.offset(t);
  const nextDay = (localDayOf(t, zone) + 1) * DAY - offset * MIN;
  if (z.offset(nextDay) !== offset || z.offset(Math.min(cutoffMs, nextDay - 1)) !== offset) return t;
  return Math.max(t, Math.min(cutoffMs, nextDay - 1));
}

const perStore = new WeakMap<object, Map<string, KnownShipBy>>();

/** The pickup a parcel picked now on this line will make (see pickupForPick), remembered per database. */
export function shipByForPick(ctx: ServiceContext, lineId: string, at: Date): ShipBy | null {
  const reader = ctx.store.read.cutoffs;
  const version = reader.currentVersion(lineId);
  if (version === undefined) return null;
  let known = perStore.get(ctx.store);
  if (!known) perStore.set(ctx.store, (known = new Map()));
  return rememberShipBy(known, lineId, version, at, () => reader.current(lineId));
}
