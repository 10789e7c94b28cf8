import type { EventDraft, EventType, LineData, StoredEvent } from '../../../db/event-types';
import type { OrderRow } from '../../../db/orders/reader';
import { planJobs, type PackedPiece } from '../../core/planners';
import type { ServiceContext } from '../../core/context';
import { nextNumber } from './issue-number';
import { shipByForPick } from './ship-by';

type Emit = <E extends EventType>(d: EventDraft<E>) => StoredEvent<E>;

export interface PickedDraft {
  parcelId: string;
  order: OrderRow;
  line: LineData;
  printerId: string | null;
  scanned: string;
  at: Date;
  /** A piece of a pack bench issue ("2 of 3", a partial shipment's lines); `numbers` are the earlier pieces' (this one's is added). */
  pack?: PackedPiece;
}

/**
 * One parcel issued inside the caller's transaction: the line's next number, the jobs it implies,
 * the ship date, one `parcel.picked`. The one place a parcel is picked, for the one-scan pick and the
 * pack bench alike. Returns the number, or null when the line has none left (the caller rolls back).
 */
export function emitPicked(ctx: ServiceContext, emit: Emit, d: PickedDraft): string | null {
  const { parcelId, order, line, printerId, scanned, at } = d;
  const issued = nextNumber(ctx.store, line, (skipped) => emit({ type: 'number.skipped', subject: line.id, payload: skipped }));
  if ('empty' in issued) return null;
  const jobs = planJobs(
    ctx,
    {
      parcelId,
      order,
      lineId: line.id,
      trackingNumber: issued.number,
      printerId,
      ...(d.pack ? { pack: { ...d.pack, numbers: [...d.pack.numbers, issued.number] } } : {}),
    },
    at,
  );
  const shipBy = shipByForPick(ctx, line.id, at) ?? undefined;
  emit({
    type: 'parcel.picked',
    subject: parcelId,
    payload: {
      parcelId,
      orderId: order.id,
      lineId: line.id,
      trackingNumber: issued.number,
      source: issued.source,
      printerId,
      scanned,
      jobs,
      shipBy,
    },
  });
  return issued.number;
}
