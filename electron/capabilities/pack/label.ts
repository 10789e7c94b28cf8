import { ApiError, badInput, conflict } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { parcelView } from '../pick/view';
import { issueParcels } from './issue';
import { benchState } from './session';
import { blockers } from './state';

export interface LabelRequest {
  orderId: string;
  /** Ship part of the order now: the lines and quantities that go, and why the rest waits. */
  partial?: { lines: Array<{ idx: number; quantity: number }>; reason: string };
  /** A supervisor lets the labels go with counts that do not match. */
  override?: { supervisor: string; reason: string };
}

class OutOfNumbers extends Error {}

/**
 * The bench's last step: when the counts match (or a supervisor overrode them), every parcel is
 * weighed where the line needs it and the customs declaration is complete, issue all the order's
 * parcels in one transaction ("1 of 3" … "3 of 3"). Anything missing refuses before a number is taken.
 */
export function printLabels(ctx: ServiceContext, req: LabelRequest) {
  const first = benchState(ctx, req.orderId, req.partial?.lines);
  const ship = checkShip(first, req.partial?.lines);
  const at = ctx.clock.now();
  const operator = actorOf(ctx);
  try {
    const ids = ctx.store.write(operator, at, (emit) => {
      // Decide again inside the lock: another scan may have changed the session or the order.
      const s = benchState(ctx, req.orderId, req.partial?.lines);
      if (s.order.status !== 'open') throw conflict(`${s.order.name} is ${s.order.status.replace('_', ' ')} now: no labels were issued.`);
      const line = s.order.lineId ? ctx.store.read.lines.get(s.order.lineId) : undefined;
      if (!line || !line.active) throw conflict(`${s.order.name} has no active carrier line. Ask a supervisor to assign one, then print again.`);
      const override = req.override && s.rules.verify ? req.override : undefined;
      const stop = blockers(override ? { ...s, session: { ...s.session, overrideBy: override.supervisor } } : s, ship);
      if (stop.length) throw new ApiError('CONFLICT', `${stop[0].message} ${stop[0].next}`);
      if (override) {
        const want = new Map(ship.map((x) => [x.idx, x.quantity]));
        const short = s.lines
          .filter((l) => l.counted !== (want.get(l.idx) ?? 0))
          .map((l) => ({ sku: l.sku, counted: l.counted, ordered: want.get(l.idx) ?? 0 }));
        emit({
          type: 'pack.overridden',
          subject: s.order.id,
          payload: { orderId: s.order.id, supervisor: override.supervisor, reason: override.reason, short },
        });
      }
      const earlier = s.lines.some((l) => l.shipped > 0);
      const remaining = s.lines
        .map((l) => ({ idx: l.idx, quantity: l.toShip - (ship.find((x) => x.idx === l.idx)?.quantity ?? 0) }))
        .filter((r) => r.quantity > 0);
      const partial = remaining.length > 0;
      const parcelIds = issueParcels(ctx, emit, s.order, line, s.session.parcels, partial || earlier ? ship : null, s.order.name, at);
      if (!parcelIds) throw new OutOfNumbers(line.name);
      emit({
        type: 'pack.issued',
        subject: s.order.id,
        payload: {
          orderId: s.order.id,
          parcelIds,
          weightG: s.session.weights.reduce((n, w) => n + w.grams, 0) || null,
          lines: ship,
          partial: partial ? { reason: req.partial?.reason ?? 'shipped in part', remaining } : null,
        },
      });
      return parcelIds;
    });
    const parcels = ids.map((id) => parcelView(ctx.store.read.parcels.get(id)!));
    return {
      parcels,
      message:
        parcels.length > 1
          ? `${parcels.length} labels for ${first.order.name}: ${parcels.map((p) => `${p.piece} of ${p.pieces} ${p.trackingNumber}`).join(', ')}.`
          : `Label for ${first.order.name}: ${parcels[0].trackingNumber}.`,
    };
  } catch (err) {
    if (err instanceof OutOfNumbers)
      throw conflict(
        `${err.message} has no tracking numbers left for these ${first.session.parcels} parcels. Add a range or import a pool in Setup, then print again.`,
      );
    throw err;
  }
}

/** What ships now: the partial lines (checked against what is still open), else everything still open. */
function checkShip(s: ReturnType<typeof benchState>, partial?: Array<{ idx: number; quantity: number }>) {
  if (!partial) return s.lines.filter((l) => l.toShip > 0).map((l) => ({ idx: l.idx, quantity: l.toShip }));
  for (const p of partial) {
    const l = s.lines.find((x) => x.idx === p.idx);
    if (!l) throw badInput(`Line ${p.idx + 1} is not a line of ${s.order.name}.`);
    if (p.quantity > l.toShip) throw badInput(`${l.sku}: ${p.quantity} cannot ship, only ${l.toShip} ${l.toShip === 1 ? 'is' : 'are'} still open.`);
  }
  const ship = partial.filter((p) => p.quantity > 0);
  if (ship.length === 0) throw badInput('Choose at least one item to ship now.');
  return ship;
}
