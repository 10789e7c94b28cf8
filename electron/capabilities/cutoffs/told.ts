// When the buyer is told of a parcel, per the stores' "e-mail the buyer at" setting: the what-if and
// the silence matrix measure the buyer's silence from that moment.
import type { LineData } from '../../../db/event-types';
import type { ServiceContext } from '../../core/context';

export type SilenceFrom = 'pick' | 'pickup';

/**
 * The stores that send orders to the line (by their delivery-method rules or default line), else
 * every store. Any of them e-mailing at pick makes the pick the start: silence is never understated.
 */
export function silenceStart(ctx: ServiceContext, lineId?: string): { from: SilenceFrom; why: string } {
  const all = ctx.store.read.shopify.stores();
  if (all.length === 0) return { from: 'pickup', why: 'No Shopify store is connected: measured from the carrier pickup.' };
  const feeding = lineId ? all.filter((s) => s.defaultLineId === lineId || Object.values(s.lineRules).includes(lineId)) : [];
  const stores = feeding.length ? feeding : all;
  const atPick = stores.filter((s) => s.notifyAt === 'pick');
  if (atPick.length)
    return {
      from: 'pick',
      why: `${atPick.map((s) => s.shopName).join(', ')} e-mail${atPick.length === 1 ? 's' : ''} buyers the tracking at pick, so their wait starts at the pick.`,
    };
  return { from: 'pickup', why: 'Shopify e-mails the buyers at handover (the carrier pickup), so their wait starts there.' };
}

/**
 * The Thursday shift holds Friday and Saturday production for Monday. It pays on postal (and
 * private consolidation) lines, whose weekend pickups sit unscanned in sorting until Monday anyway;
 * an express or domestic carrier scans a Friday pickup the same evening, so holding the parcels only
 * adds silence. Null when the line may use it, else why not.
 */
export function thursdayShiftRefusal(line: Pick<LineData, 'name' | 'routeType'>): string | null {
  if (line.routeType === 'postal' || line.routeType === 'private') return null;
  return `The Thursday shift is a postal-line rule: ${line.name} is an ${line.routeType} line, whose carrier scans a Friday pickup the same evening, so holding Friday and Saturday parcels to Monday only adds silence.`;
}
