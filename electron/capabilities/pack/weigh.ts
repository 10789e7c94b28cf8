import type { WeightSource } from '../../../db/pack/events';
import { badInput, conflict } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import type { ScaleHub } from './scale';
import { benchState } from './session';

export interface WeighReply {
  outcome: 'weighed' | 'refused';
  message: string;
  next: string;
  grams: number | null;
  /** Parcels weighed so far, and how many the order goes in. */
  weighed: number;
  parcels: number;
}

function record(ctx: ServiceContext, orderId: string, grams: number, source: WeightSource, device?: string): WeighReply {
  const s = benchState(ctx, orderId);
  if (s.session.weights.length >= s.session.parcels)
    throw conflict(
      `All ${s.session.parcels} parcel${s.session.parcels === 1 ? ' is' : 's are'} weighed. Scan PACK-ADD-PARCEL for another parcel, or print the labels.`,
    );
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'pack.weighed', subject: orderId, payload: { orderId, grams, source, ...(device ? { device } : {}) } }),
  );
  const weighed = s.session.weights.length + 1;
  const of = s.session.parcels > 1 ? ` (parcel ${weighed} of ${s.session.parcels})` : '';
  return {
    outcome: 'weighed',
    message: `${(grams / 1000).toFixed(3)} kg${of}`,
    next: weighed < s.session.parcels ? `Put parcel ${weighed + 1} on the scale and weigh it.` : 'Weighed. Print the labels (scan PACK-LABEL).',
    grams,
    weighed,
    parcels: s.session.parcels,
  };
}

/** Take the scale's weight: only a reading the scale calls stable lands; anything else is refused with what to do. */
export async function weighFromScale(ctx: ServiceContext, orderId: string, hub: ScaleHub, waitMs = 3000): Promise<WeighReply> {
  const s = benchState(ctx, orderId);
  const watch = hub.current();
  if (!watch)
    return {
      outcome: 'refused',
      message: 'No scale is connected to this station.',
      next: 'Plug the USB scale in (it is found within a few seconds), or type the weight in grams.',
      grams: null,
      weighed: s.session.weights.length,
      parcels: s.session.parcels,
    };
  const r = await watch.stable(waitMs);
  if ('refused' in r)
    return {
      outcome: 'refused',
      message: r.refused,
      next: 'Nothing was recorded.',
      grams: null,
      weighed: s.session.weights.length,
      parcels: s.session.parcels,
    };
  watch.clear();
  return record(ctx, orderId, r.reading.grams, watch.device.info.kind === 'hid' ? 'scale_hid' : 'scale_serial', watch.device.info.name);
}

/** A weight typed by the picker (a floor scale, a scale that is down): recorded as typed. */
export function weighTyped(ctx: ServiceContext, orderId: string, grams: number): WeighReply {
  if (!Number.isInteger(grams) || grams <= 0 || grams > 70_000) throw badInput('Type the weight in whole grams, between 1 and 70000.');
  return record(ctx, orderId, grams, 'typed');
}
