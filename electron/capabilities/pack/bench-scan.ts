import { ApiError } from '../../core/errors';
import type { ServiceContext } from '../../core/context';
import { type parcelView } from '../pick/view';
import { printLabels } from './label';
import { PACK_COMMANDS } from './match';
import { benchState } from './session';
import { setParcels } from './parcels';
import type { ScaleHub } from './scale';
import { scanItem, type ItemScanReply } from './verify';
import { weighFromScale } from './weigh';

export type BenchScanReply = Partial<Omit<ItemScanReply, 'outcome' | 'message' | 'next'>> & {
  outcome: ItemScanReply['outcome'] | 'parcels' | 'weighed' | 'issued' | 'refused';
  message: string;
  next: string;
  parcels?: Array<ReturnType<typeof parcelView>>;
};

/** A scan at the bench: a command barcode (add/remove a parcel, weigh, print) or an item to count. */
export async function benchScan(ctx: ServiceContext, hub: ScaleHub, orderId: string, code: string): Promise<BenchScanReply> {
  const c = code.trim().toUpperCase();
  try {
    if (c === PACK_COMMANDS.addParcel || c === PACK_COMMANDS.removeParcel) {
      const n = setParcels(ctx, orderId, benchState(ctx, orderId).session.parcels + (c === PACK_COMMANDS.addParcel ? 1 : -1));
      return { outcome: 'parcels', message: `${n} parcel${n === 1 ? '' : 's'}`, next: n > 1 ? `Labels will say 1 of ${n} … ${n} of ${n}.` : 'One parcel.' };
    }
    if (c === PACK_COMMANDS.weigh) {
      const w = await weighFromScale(ctx, orderId, hub);
      return { outcome: w.outcome, message: w.message, next: w.next };
    }
    if (c === PACK_COMMANDS.label) {
      const r = printLabels(ctx, { orderId });
      return { outcome: 'issued', message: r.message, next: 'Stick each label on its parcel. Scan the next order.', parcels: r.parcels };
    }
    return scanItem(ctx, orderId, code);
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'CONFLICT' || err.code === 'BAD_INPUT')) {
      const [message, ...rest] = err.message.split(/(?<=\.) /);
      return { outcome: 'refused', message, next: rest.join(' ') || 'Nothing was changed.' };
    }
    throw err;
  }
}
