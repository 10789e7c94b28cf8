import { DateTime } from 'luxon';
import { TRACKING_SINCE } from './documents';
import type { ShopifyRuntime } from './runtime';

/** An order Shopify shows with fulfillments carrying tracking numbers (cancelled fulfillments left out). */
export interface ShopifyOrderTracking {
  storeId: string;
  orderGid: string;
  name: string;
  numbers: string[];
  /** Shopify's displayFulfillmentStatus is FULFILLED */
  fulfilled: boolean;
}

/**
 * Every tracking number on the fulfillments of each connected store's orders updated since `since`:
 * what a restored station must never issue again, and which orders were picked after the backup.
 * A store that cannot be read is named, never skipped silently.
 */
export async function trackingNumbersInShopify(
  rt: ShopifyRuntime,
  since: string | null,
): Promise<{ ok: boolean; note: string; numbers: string[]; orders: ShopifyOrderTracking[] }> {
  const numbers = new Set<string>();
  const orders: ShopifyOrderTracking[] = [];
  const notes: string[] = [];
  let ok = true;
  const query = since ? `updated_at:>='${DateTime.fromISO(since).minus({ days: 1 }).toUTC().toISO()}'` : null;
  for (const store of rt.ctx.store.read.shopify.stores()) {
    try {
      const client = rt.client(store.id);
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: {
          orders: {
            nodes: Array<{
              id: string;
              name: string;
              displayFulfillmentStatus: string;
              fulfillments: Array<{ status: string; trackingInfo: Array<{ number: string | null }> }>;
            }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } = await client.request('TrackingSince', TRACKING_SINCE, { first: 250, after, query });
        for (const o of r.orders.nodes) {
          const own = new Set<string>();
          for (const f of o.fulfillments) for (const t of f.trackingInfo) if (t.number) numbers.add(t.number.toUpperCase());
          for (const f of o.fulfillments) if (f.status !== 'CANCELLED') for (const t of f.trackingInfo) if (t.number) own.add(t.number.toUpperCase());
          if (own.size)
            orders.push({ storeId: store.id, orderGid: o.id, name: o.name, numbers: [...own], fulfilled: o.displayFulfillmentStatus === 'FULFILLED' });
        }
        pages++;
        if (!r.orders.pageInfo.hasNextPage || pages > 400) break;
        after = r.orders.pageInfo.endCursor;
      }
      notes.push(`${store.shopName || store.shopDomain}: read`);
    } catch (err) {
      ok = false;
      notes.push(`${store.shopName || store.shopDomain}: not read (${(err as Error).message})`);
    }
  }
  return { ok, note: notes.length ? `${notes.join('; ')}; ${numbers.size} tracking numbers` : 'no Shopify store connected', numbers: [...numbers], orders };
}
