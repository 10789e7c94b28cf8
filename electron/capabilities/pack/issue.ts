import type { EventDraft, EventType, LineData, StoredEvent } from '../../../db/event-types';
import type { OrderRow } from '../../../db/orders/reader';
import { newId } from '../../core/ids';
import { planJobs } from '../../core/planners';
import { stationSettings, type ServiceContext } from '../../core/context';
import { nextNumber } from '../pick/issue-number';
import { shipByForPick } from '../pick/ship-by';

type Emit = <E extends EventType>(d: EventDraft<E>) => StoredEvent<E>;

/**
 * Issue `count` parcels of an order inside the caller's transaction: a number each from the line,
 * the jobs each implies (label; the Shopify fulfillment rides on the last, with every number), one
 * `parcel.picked` each. Returns the parcel ids, or null when the line ran out of numbers (the caller
 * throws to roll back what was issued before).
 */
export function issueParcels(
  ctx: ServiceContext,
  emit: Emit,
  order: OrderRow,
  line: LineData,
  count: number,
  lines: Array<{ idx: number; quantity: number }> | null,
  scanned: string,
  at: Date,
): string[] | null {
  const station = stationSettings(ctx);
  const shipBy = shipByForPick(ctx, line.id, at) ?? undefined;
  const numbers: string[] = [];
  const ids: string[] = [];
  for (let piece = 1; piece <= count; piece++) {
    const issued = nextNumber(ctx.store, line, (skipped) => emit({ type: 'number.skipped', subject: line.id, payload: skipped }));
    if ('empty' in issued) return null;
    numbers.push(issued.number);
    const parcelId = newId('pcl', at);
    const pack = count > 1 || lines ? { piece, pieces: count, numbers: [...numbers], lines } : undefined;
    const jobs = planJobs(ctx, { parcelId, order, lineId: line.id, trackingNumber: issued.number, printerId: station.printerId, pack }, at);
    emit({
      type: 'parcel.picked',
      subject: parcelId,
      payload: {
        parcelId,
        orderId: order.id,
        lineId: line.id,
        trackingNumber: issued.number,
        source: issued.source,
        printerId: station.printerId,
        scanned,
        jobs,
        shipBy,
      },
    });
    ids.push(parcelId);
  }
  return ids;
}
