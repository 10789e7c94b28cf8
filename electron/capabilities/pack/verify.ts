import { conflict, notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { codeKeys, itemKeys } from './match';
import { benchLines } from './state';
import { rulesFor } from './rules';

export interface ItemScanReply {
  outcome: 'counted' | 'complete' | 'wrong' | 'extra';
  message: string;
  next: string;
  sku: string | null;
  /** This line's count after the scan, and what ships. */
  counted: number;
  needed: number;
  /** All lines of the order after the scan. */
  totalCounted: number;
  totalNeeded: number;
  /** SKUs still short (for a wrong item: what was expected). */
  expected: string[];
}

/**
 * Scan-to-verify: one item barcode (GTIN/UPC/EAN, a GS1 element string, or the SKU) counted against
 * the order, one event, the reply after the commit. A code of no line is refused naming what is
 * expected; one more than the order takes is flagged as an extra and not counted.
 */
export function scanItem(ctx: ServiceContext, orderId: string, code: string): ItemScanReply {
  const reader = ctx.store.read.pack;
  const at = ctx.clock.now();
  return ctx.store.write(actorOf(ctx), at, (emit) => {
    const session = reader.session(orderId);
    if (!session || session.status !== 'open') {
      const order = ctx.store.read.orders.get(orderId);
      if (!order) throw notFound(`Order ${orderId}`, 'Scan the order number on the pick screen first.');
      throw conflict(`${order.name} is not open at the bench. Scan the order number on the pick screen to start.`);
    }
    const lines = benchLines(ctx, orderId);
    const keys = codeKeys(code);
    const hits = lines.filter((l) => itemKeys(l).some((k) => keys.includes(k)));
    const short = lines.filter((l) => l.counted < l.toShip);
    const expected = short.map((l) => l.sku);
    const totalNeeded = lines.reduce((n, l) => n + l.toShip, 0);
    const totalCounted = lines.reduce((n, l) => n + l.counted, 0);
    if (hits.length === 0) {
      emit({ type: 'pack.item_refused', subject: orderId, payload: { orderId, code, reason: 'wrong', expected } });
      return {
        outcome: 'wrong' as const,
        message: `WRONG ITEM: "${code}" is not on this order.${expected.length ? ` Expected ${expected.join(', ')}.` : ''}`,
        next: 'Take it out of the parcel and put it back. Scan an item of this order.',
        sku: null,
        counted: 0,
        needed: 0,
        totalCounted,
        totalNeeded,
        expected,
      };
    }
    const line = hits.find((l) => l.counted < l.toShip);
    if (!line) {
      const l = hits[0];
      emit({ type: 'pack.item_refused', subject: orderId, payload: { orderId, code, reason: 'extra', sku: l.sku, expected } });
      return {
        outcome: 'extra' as const,
        message: `EXTRA: ${l.sku} ${l.title} is already complete (${l.counted} of ${l.toShip}).`,
        next: 'Take the extra one out of the parcel and put it back.',
        sku: l.sku,
        counted: l.counted,
        needed: l.toShip,
        totalCounted,
        totalNeeded,
        expected,
      };
    }
    // The box it goes in: on a "one parcel per N items" line the boxes fill N at a time, else the newest parcel (after PACK-ADD-PARCEL).
    const order = ctx.store.read.orders.get(orderId)!;
    const per = rulesFor(ctx, order.store, order.lineId)?.itemsPerParcel ?? null;
    const parcel = per ? Math.min(session.parcels, Math.floor(totalCounted / per) + 1) : session.parcels;
    emit({ type: 'pack.item_counted', subject: orderId, payload: { orderId, idx: line.idx, sku: line.sku, code, parcel } });
    const done = totalCounted + 1 === totalNeeded;
    return {
      outcome: done ? ('complete' as const) : ('counted' as const),
      message: `${line.sku} ${line.title}: ${line.counted + 1} of ${line.toShip}`,
      next: done ? 'All items are in. Print the labels (scan PACK-LABEL).' : 'Scan the next item.',
      sku: line.sku,
      counted: line.counted + 1,
      needed: line.toShip,
      totalCounted: totalCounted + 1,
      totalNeeded,
      expected: done ? [] : expected.filter((s) => s !== line.sku || line.counted + 1 < line.toShip),
    };
  });
}
