import { badInput } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { benchState } from './session';

/** How many parcels the order goes in (scan PACK-ADD-PARCEL / PACK-REMOVE-PARCEL, or set it). Weights taken so far start again. */
export function setParcels(ctx: ServiceContext, orderId: string, parcels: number): number {
  const s = benchState(ctx, orderId);
  const items = s.lines.reduce((n, l) => n + l.toShip, 0);
  if (!Number.isInteger(parcels) || parcels < 1) throw badInput('An order goes in at least one parcel.');
  if (parcels > Math.max(1, items))
    throw badInput(`${s.order.name} has ${items} item${items === 1 ? '' : 's'} to ship: at most ${items} parcel${items === 1 ? '' : 's'}.`);
  if (parcels > 99) throw badInput('At most 99 parcels per order.');
  if (parcels !== s.session.parcels)
    ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'pack.parcels_set', subject: orderId, payload: { orderId, parcels } }));
  return parcels;
}
