import type { OrderRow } from '../../../db/orders/reader';
import type { ParcelRow } from '../../../db/pick/reader';
import type { Store } from '../../../db/store';
import { gs1ItemCodes } from '../../../native/scanners/gs1';

export type Resolution =
  { kind: 'parcel'; parcel: ParcelRow } | { kind: 'order'; order: OrderRow } | { kind: 'ambiguous'; orders: OrderRow[] } | { kind: 'unknown' };

/** What a scanned code means: a parcel label, an order number, or an item of exactly one open order. */
export function resolveScan(store: Store, code: string): Resolution {
  const compact = code.replace(/[\s-]/g, '').toUpperCase();
  const parcel = store.read.parcels.byTracking(compact) ?? (compact === code ? undefined : store.read.parcels.byTracking(code));
  if (parcel) return { kind: 'parcel', parcel };

  // One order number on orders of several stores (every store starts at #1001): only the open ones
  // count; a real ambiguity is answered with the candidates and their stores.
  const byName = store.read.orders.byName(code);
  if (byName.length === 1) return { kind: 'order', order: byName[0] };
  if (byName.length > 1) {
    const open = byName.filter((o) => o.status === 'open');
    if (open.length === 1) return { kind: 'order', order: open[0] };
    return { kind: 'ambiguous', orders: open.length ? open : byName };
  }

  const byItem = store.read.orders.openByItemCode(code);
  if (byItem.length === 1) return { kind: 'order', order: byItem[0] };
  if (byItem.length > 1) return { kind: 'ambiguous', orders: byItem };
  // A GS1 item code (GTIN + lot/serial...) resolves like the item barcode it carries.
  for (const gtin of gs1ItemCodes(code)) if (store.read.orders.openByItemCode(gtin).length) return resolveScan(store, gtin);
  return { kind: 'unknown' };
}
