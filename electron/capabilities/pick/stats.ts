import { siteInfo, stationSettings, type ServiceContext } from '../../core/context';
import { startOfLocalDay } from '../station/zone';
import { printerLane } from '../devices/printing/health';
import { parcelView } from './view';

/** Today's counters for this station; "today" is the warehouse's day, not UTC's. */
export function pickStats(ctx: ServiceContext) {
  const since = startOfLocalDay(ctx.clock.now(), siteInfo(ctx).zone);
  const counts = ctx.store.read.events.countByType(ctx.stationId, since);
  const lastId = ctx.store.read.events.lastPickedParcel(ctx.stationId);
  const last = lastId ? ctx.store.read.parcels.get(lastId) : undefined;
  const lane = printerLane(stationSettings(ctx).printerId);
  return {
    pickedToday: counts['parcel.picked'] ?? 0,
    reprintsToday: counts['parcel.reprinted'] ?? 0,
    refusedToday: counts['scan.refused'] ?? 0,
    printQueue: ctx.store.read.jobs.laneDepth(lane),
    printFailed: ctx.store.read.jobs.laneError(lane) ? 1 : 0,
    openOrders: ctx.store.read.orders.countByStatus().open ?? 0,
    last: last ? parcelView(last) : null,
  };
}
