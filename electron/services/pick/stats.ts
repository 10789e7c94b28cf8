import { countByType, lastPickedParcel } from '../../../db/events';
import { siteInfo, stationSettings, type ServiceContext } from '../../core/context';
import { startOfLocalDay } from '../site/zone';
import { printerLane } from '../printing/health';
import { parcelView } from './view';

/** Today's counters for this station; "today" is the warehouse's day, not UTC's. */
export function pickStats(ctx: ServiceContext) {
  const since = startOfLocalDay(ctx.clock.now(), siteInfo(ctx).zone);
  const counts = countByType(ctx.store.db, ctx.stationId, since);
  const lastId = lastPickedParcel(ctx.store.db, ctx.stationId);
  const last = lastId ? ctx.store.parcels.get(lastId) : undefined;
  const lane = printerLane(stationSettings(ctx).printerId);
  return {
    pickedToday: counts['parcel.picked'] ?? 0,
    reprintsToday: counts['parcel.reprinted'] ?? 0,
    refusedToday: counts['scan.refused'] ?? 0,
    printQueue: ctx.store.jobs.laneDepth(lane),
    printFailed: ctx.store.jobs.laneError(lane) ? 1 : 0,
    openOrders: ctx.store.orders.countByStatus().open ?? 0,
    last: last ? parcelView(last) : null,
  };
}
