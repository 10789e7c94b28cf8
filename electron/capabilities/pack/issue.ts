import type { EventDraft, EventType, LineData, StoredEvent } from '../../../db/event-types';
import type { OrderRow } from '../../../db/orders/reader';
import { newId } from '../../core/ids';
import { stationSettings, type ServiceContext } from '../../core/context';
import { emitPicked } from '../pick/emit-picked';

type Emit = <E extends EventType>(d: EventDraft<E>) => StoredEvent<E>;

/**
 * Issue `count` parcels of an order inside the caller's transaction: a number each from the line,
 * the jobs each implies (label; the Shopify fulfillment rides on the last, with every number), one
 * `parcel.picked` each (`emitPicked`, the pick's own). Returns the parcel ids, or null when the line
 * ran out of numbers (the caller throws to roll back what was issued before).
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
  const printerId = stationSettings(ctx).printerId;
  const numbers: string[] = [];
  const ids: string[] = [];
  for (let piece = 1; piece <= count; piece++) {
    const parcelId = newId('pcl', at);
    const pack = count > 1 || lines ? { piece, pieces: count, numbers: [...numbers], lines } : undefined;
    const number = emitPicked(ctx, emit, { parcelId, order, line, printerId, scanned, at, pack });
    if (number === null) return null;
    numbers.push(number);
    ids.push(parcelId);
  }
  return ids;
}
