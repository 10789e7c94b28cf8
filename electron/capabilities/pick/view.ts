import type { ParcelRow } from '../../../db/pick/reader';
import type { ServiceContext } from '../../core/context';

export function parcelView(p: ParcelRow) {
  const { numberSource: _source, shipLines: _lines, ...rest } = p;
  return rest;
}

export function shipToLine(ctx: ServiceContext, orderId: string): string {
  const o = ctx.store.read.orders.get(orderId);
  if (!o) return '';
  return `${o.shipTo.name}, ${o.shipTo.city} ${o.shipTo.country}`;
}
