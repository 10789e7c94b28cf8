import type { AddressData, OrderData } from '../../../db/event-types';
import type { ShopifyOrderLink } from '../../../db/shopify/events';
import type { ShopifyStoreRow } from '../../../db/shopify/reader';
import { newId } from '../../core/ids';
import { ApiError } from '../../core/errors';
import type { ServiceContext } from '../../core/context';
import { ShopifyRequestError } from './client';
import { ASSIGNED_FULFILLMENT_ORDERS, FULFILLMENT_ORDERS, FULFILLMENT_ORDER_STATES } from './documents';
import type { ShopifyRuntime } from './runtime';

export interface FoNode {
  id: string;
  status: string;
  requestStatus: string;
  orderId: string;
  orderName: string;
  orderProcessedAt: string;
  assignedLocation: { location: { id: string } | null } | null;
  deliveryMethod: { methodType: string; presentedName: string | null; serviceCode: string | null } | null;
  destination: {
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    zip: string | null;
    countryCode: string | null;
    phone: string | null;
    email: string | null;
  } | null;
  fulfillmentHolds: Array<{ reason: string; reasonNotes: string | null }>;
  lineItems: {
    nodes: Array<{
      id: string;
      remainingQuantity: number;
      sku: string | null;
      productTitle: string;
      variantTitle: string | null;
      lineItem: { variant: { barcode: string | null } | null };
    }>;
  };
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: FoNode[];
}

const OPEN = new Set(['OPEN', 'IN_PROGRESS']);
const opt = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);
const numericId = (gid: string) => gid.split('/').pop()!;
const holdNote = (fo: { fulfillmentHolds: Array<{ reason: string; reasonNotes: string | null }> }) => {
  const h = fo.fulfillmentHolds[0];
  return `Held in Shopify${h ? `: ${h.reason.toLowerCase().replace(/_/g, ' ')}${h.reasonNotes ? ` (${h.reasonNotes})` : ''}` : ''}`;
};

function shipTo(d: NonNullable<FoNode['destination']>): AddressData | null {
  const name = [d.firstName, d.lastName].filter(Boolean).join(' ').trim();
  if (!name || !d.address1 || !d.city || !d.zip || !d.countryCode) return null;
  const a: AddressData = { name, address1: d.address1, city: d.city, zip: d.zip, country: d.countryCode };
  const extra = { company: opt(d.company), address2: opt(d.address2), province: opt(d.province), phone: opt(d.phone) };
  for (const k of Object.keys(extra) as Array<keyof typeof extra>) {
    const v = extra[k];
    if (v) a[k] = v;
  }
  return a;
}

/** A Shopify fulfillment order as a console order (the pick station's unit of work). */
export function orderFromFo(ctx: ServiceContext, store: ShopifyStoreRow, fo: FoNode, name: string, at: Date): OrderData | null {
  if (!fo.destination || (fo.deliveryMethod && fo.deliveryMethod.methodType !== 'SHIPPING')) return null;
  const address = shipTo(fo.destination);
  const items = fo.lineItems.nodes
    .filter((li) => li.remainingQuantity > 0)
    .map((li) => ({
      sku: li.sku ?? '',
      ...(li.lineItem.variant?.barcode ? { barcode: li.lineItem.variant.barcode } : {}),
      title: li.variantTitle ? `${li.productTitle} - ${li.variantTitle}` : li.productTitle,
      quantity: li.remainingQuantity,
      externalId: li.id,
    }));
  if (!address || items.length === 0) return null;
  const method = fo.deliveryMethod?.presentedName ?? '';
  const lineId = store.lineRules[method] ?? store.defaultLineId;
  const line = lineId ? ctx.store.read.lines.get(lineId) : undefined;
  const held = fo.status === 'ON_HOLD';
  return {
    id: newId('ord', at),
    store: store.id,
    name,
    status: held ? 'on_hold' : 'open',
    ...(held ? { statusNote: holdNote(fo) } : {}),
    lineId: line ? line.id : null,
    shipTo: address,
    ...(fo.destination.email ? { email: fo.destination.email } : {}),
    createdAt: fo.orderProcessedAt,
    source: 'shopify',
    externalId: fo.id,
    items,
  };
}

type StatusChange = { orderId: string; foGid: string; foStatus: string; status: 'open' | 'on_hold' | 'cancelled'; note?: string };

/** What a fulfillment order's Shopify state means for a console order that waits to be picked. */
function changeFor(
  link: { orderId: string; orderStatus: string; foStatus: string },
  foGid: string,
  foStatus: string,
  note: string | undefined,
  cancelled: boolean,
): StatusChange | null {
  if (link.orderStatus !== 'open' && link.orderStatus !== 'on_hold') return null; // picked or shipped: the outbox owns it now
  if (cancelled) return { orderId: link.orderId, foGid, foStatus, status: 'cancelled', note: note ?? 'Cancelled in Shopify' };
  if (foStatus === 'ON_HOLD')
    return link.orderStatus === 'on_hold' && link.foStatus === 'ON_HOLD' ? null : { orderId: link.orderId, foGid, foStatus, status: 'on_hold', note };
  if (OPEN.has(foStatus))
    return link.orderStatus === 'on_hold' && link.foStatus !== foStatus ? { orderId: link.orderId, foGid, foStatus, status: 'open' } : null;
  if (foStatus === 'CLOSED' && link.foStatus !== 'CLOSED')
    return {
      orderId: link.orderId,
      foGid,
      foStatus,
      status: 'on_hold',
      note: 'Closed in Shopify (fulfilled outside this site?). Check with the office before packing.',
    };
  if (foStatus === 'MOVED' && link.foStatus !== 'MOVED')
    return { orderId: link.orderId, foGid, foStatus, status: 'on_hold', note: 'Moved to another location in Shopify. Do not pack here.' };
  return null;
}

function write(ctx: ServiceContext, storeId: string, orders: OrderData[], links: ShopifyOrderLink[], changes: StatusChange[]) {
  if (!orders.length && !changes.length) return;
  ctx.store.write('shopify-intake', ctx.clock.now(), (emit) => {
    if (orders.length) {
      emit({ type: 'orders.imported', payload: { orders } });
      emit({ type: 'shopify.orders_linked', payload: { storeId, links } });
    }
    for (const c of changes) {
      emit({ type: 'order.status_changed', subject: c.orderId, payload: { orderId: c.orderId, status: c.status, ...(c.note ? { note: c.note } : {}) } });
      emit({ type: 'shopify.fo_changed', subject: c.orderId, payload: { storeId, orderId: c.orderId, foGid: c.foGid, foStatus: c.foStatus } });
    }
  });
}

/**
 * Pull the fulfillment orders assigned to the site's location: new ones become orders at the pick
 * station, holds and cancellations block picking. Incremental: known fulfillment orders are only
 * compared. Progress (pages, seen, imported) is visible in the runtime while it runs.
 */
export async function runIntake(ctx: ServiceContext, rt: ShopifyRuntime, storeId: string): Promise<{ imported: number; changed: number; seen: number }> {
  const reader = ctx.store.read.shopify;
  const store = reader.store(storeId);
  if (!store) throw new ApiError('NOT_FOUND', `Store ${storeId} is not connected. Connect it in Sync first.`);
  const progress = { running: true, pages: 0, seen: 0, imported: 0, error: null as string | null };
  if (rt.intake.get(storeId)?.running) throw new ApiError('CONFLICT', `An order intake of ${storeId} is already running. Wait for it to finish.`);
  rt.intake.set(storeId, progress);
  const client = rt.client(storeId);
  const links = reader.linksOf(storeId);
  const seen = new Set<string>();
  let changed = 0;
  try {
    let after: string | null = null;
    for (;;) {
      const page: Page =
        store.flow === 'service'
          ? (
              await client.request<{ assignedFulfillmentOrders: Page }>('AssignedFulfillmentOrders', ASSIGNED_FULFILLMENT_ORDERS, {
                first: 50,
                after,
                locationIds: store.locationId ? [store.locationId] : null,
                assignmentStatus: 'FULFILLMENT_ACCEPTED',
              })
            ).assignedFulfillmentOrders
          : (
              await client.request<{ fulfillmentOrders: Page }>('FulfillmentOrders', FULFILLMENT_ORDERS, {
                first: 50,
                after,
                query: store.locationId ? `assigned_location_id:${numericId(store.locationId)}` : null,
              })
            ).fulfillmentOrders;
      const at = ctx.clock.now();
      const orders: OrderData[] = [];
      const newLinks: ShopifyOrderLink[] = [];
      const changes: StatusChange[] = [];
      const names = new Set<string>();
      for (const fo of page.nodes) {
        if (store.locationId && fo.assignedLocation?.location && fo.assignedLocation.location.id !== store.locationId) continue;
        seen.add(fo.id);
        const link = links.get(fo.id);
        if (link) {
          const c = changeFor(link, fo.id, fo.status, fo.status === 'ON_HOLD' ? holdNote(fo) : undefined, false);
          if (c) changes.push(c);
          continue;
        }
        if (!OPEN.has(fo.status) && fo.status !== 'ON_HOLD') continue;
        // A fulfillment request not accepted (yet) is not ours to pick: it comes in once accepted in Sync.
        if (fo.requestStatus === 'SUBMITTED' || fo.requestStatus === 'REJECTED') continue;
        let name = fo.orderName;
        for (let n = 2; names.has(name) || ctx.store.read.orders.existingNames(storeId, [name]).size; n++) name = `${fo.orderName}/${n}`;
        const order = orderFromFo(ctx, store, fo, name, at);
        if (!order) continue;
        names.add(name);
        orders.push(order);
        newLinks.push({ orderId: order.id, foGid: fo.id, orderGid: fo.orderId, foStatus: fo.status });
      }
      write(ctx, storeId, orders, newLinks, changes);
      for (const l of newLinks) links.set(l.foGid, { orderId: l.orderId, orderStatus: 'open', foStatus: l.foStatus });
      changed += changes.length;
      progress.pages++;
      progress.seen = seen.size;
      progress.imported += orders.length;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    // Known orders still waiting to be picked that left the open list: cancelled, closed, moved.
    const gone = [...links.entries()].filter(([gid, l]) => !seen.has(gid) && (l.orderStatus === 'open' || l.orderStatus === 'on_hold'));
    for (let i = 0; i < gone.length; i += 50) {
      const batch = gone.slice(i, i + 50);
      const r = await client.request<{
        nodes: Array<{ id: string; status: string; order: { cancelledAt: string | null; cancelReason: string | null } | null } | null>;
      }>('FulfillmentOrderStates', FULFILLMENT_ORDER_STATES, { ids: batch.map(([gid]) => gid) });
      const changes: StatusChange[] = [];
      batch.forEach(([gid, link], k) => {
        const node = r.nodes[k];
        const cancelled = !!node?.order?.cancelledAt || node?.status === 'CANCELLED';
        const note = cancelled ? `Cancelled in Shopify${node?.order?.cancelReason ? ` (${node.order.cancelReason.toLowerCase()})` : ''}` : undefined;
        const c = changeFor(link, gid, node ? (OPEN.has(node.status) ? 'MOVED' : node.status) : 'CANCELLED', note, cancelled || !node);
        if (c) changes.push(c);
      });
      write(ctx, storeId, [], [], changes);
      changed += changes.length;
    }
    const result = { imported: progress.imported, changed, seen: seen.size };
    // A quiet periodic intake leaves no trace in the log; the first one and any change do.
    if (result.imported || result.changed || !store.lastIntakeAt)
      ctx.store.write('shopify-intake', ctx.clock.now(), (emit) => emit({ type: 'shopify.intake_done', subject: null, payload: { storeId, ...result } }));
    return result;
  } catch (e) {
    progress.error = e instanceof ShopifyRequestError || e instanceof ApiError ? e.message : String(e);
    throw e instanceof ShopifyRequestError ? new ApiError('UNAVAILABLE', `${e.message} Orders imported so far are kept; run the intake again.`) : e;
  } finally {
    progress.running = false;
  }
}
