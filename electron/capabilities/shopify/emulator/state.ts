/**
 * The emulator's stateful store: shop, locations, orders, fulfillment orders, fulfillments.
 * Business rules of the mutations live in fulfillment-ops.ts; seeding in seed.ts.
 */
import type {
  Address,
  BuyerMailRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  LineItemRecord,
  LocationRecord,
  OrderRecord,
  Plan,
  ShopRecord,
} from './model';
import { parseGid } from './gid';
import { seedOrders as seed } from './seed';

export type IdKind =
  | 'Order'
  | 'LineItem'
  | 'FulfillmentOrder'
  | 'FulfillmentOrderLineItem'
  | 'Fulfillment'
  | 'FulfillmentLineItem'
  | 'FulfillmentEvent'
  | 'FulfillmentHold'
  | 'Location';

const ID_BASE: Record<IdKind, number> = {
  Order: 5_100_000_000,
  LineItem: 13_400_000_000,
  FulfillmentOrder: 6_200_000_000,
  FulfillmentOrderLineItem: 12_800_000_000,
  Fulfillment: 4_700_000_000,
  FulfillmentLineItem: 10_300_000_000,
  FulfillmentEvent: 21_500_000_000,
  FulfillmentHold: 180_000_000,
  Location: 71_000_000_000,
};

/** One fulfillment event as the emulator's record shows it. */
export interface FulfillmentEventView {
  id: number;
  orderName: string;
  fulfillmentId: number;
  trackingNumbers: string[];
  status: string;
  message: string | null;
  happenedAt: string;
  createdAt: string;
}

export interface NewOrderInput {
  email?: string;
  createdAt?: string;
  shippingAddress?: Address | null;
  shippingLineTitle?: string;
  tags?: string[];
  note?: string | null;
  currencyCode?: string;
  lineItems: { title: string; sku: string; barcode: string; quantity: number; price?: string; variantTitle?: string | null; requiresShipping?: boolean }[];
  /** Split line items over several fulfillment orders: index of location per line item (default all at the first location). */
  locationIndexes?: number[];
}

/** Everything the store holds, as plain JSON (see persist.ts). */
export interface EmulatorSnapshot {
  version: 1;
  shop: ShopRecord;
  locations: LocationRecord[];
  orders: OrderRecord[];
  fulfillmentOrders: FulfillmentOrderRecord[];
  fulfillments: FulfillmentRecord[];
  counters: Partial<Record<IdKind, number>>;
  nextOrderNumber: number;
  /** E-mails Shopify would have sent the buyers (absent in files saved before they were recorded). */
  mails?: BuyerMailRecord[];
}

export class EmulatorState {
  shop: ShopRecord;
  readonly locations: LocationRecord[] = [];
  readonly orders = new Map<number, OrderRecord>();
  readonly fulfillmentOrders = new Map<number, FulfillmentOrderRecord>();
  readonly fulfillments = new Map<number, FulfillmentRecord>();
  /** Every e-mail Shopify would have sent a buyer, in order. */
  readonly mails: BuyerMailRecord[] = [];
  private counters = new Map<IdKind, number>();
  private nextOrderNumber = 1001;
  /** Clock used for timestamps (ms since epoch). */
  now: () => number;

  constructor(opts: { shopDomain?: string; shopName?: string; plan?: Plan; clock?: () => number } = {}) {
    const domain = opts.shopDomain ?? 'firstscan-demo.myshopify.com';
    this.now = opts.clock ?? Date.now;
    this.shop = {
      name: opts.shopName ?? 'Firstscan Demo Store',
      myshopifyDomain: domain,
      email: `owner@${domain.replace(/\.myshopify\.com$/, '')}.example`,
      currencyCode: 'USD',
      plan: opts.plan ?? 'standard',
      accessScopes: [
        'read_orders',
        'write_orders',
        'read_merchant_managed_fulfillment_orders',
        'write_merchant_managed_fulfillment_orders',
        'read_assigned_fulfillment_orders',
        'write_assigned_fulfillment_orders',
        'read_locations',
      ],
    };
    this.addLocation('Main Warehouse', {
      firstName: '',
      lastName: '',
      company: 'Firstscan',
      address1: '500 Industrial Pkwy',
      address2: null,
      city: 'Columbus',
      province: 'Ohio',
      provinceCode: 'OH',
      country: 'United States',
      countryCode: 'US',
      zip: '43219',
      phone: '+16145550100',
    });
    this.addLocation('Overflow Warehouse', {
      firstName: '',
      lastName: '',
      company: 'Firstscan',
      address1: '12 Dock Road',
      address2: null,
      city: 'Reno',
      province: 'Nevada',
      provinceCode: 'NV',
      country: 'United States',
      countryCode: 'US',
      zip: '89502',
      phone: '+17755550100',
    });
  }

  nextId(kind: IdKind): number {
    const n = (this.counters.get(kind) ?? ID_BASE[kind]) + 1;
    this.counters.set(kind, n);
    return n;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  addLocation(name: string, address: Address): LocationRecord {
    const loc: LocationRecord = { id: this.nextId('Location'), name, address, fulfillsOnlineOrders: true, isActive: true };
    this.locations.push(loc);
    return loc;
  }

  /** Creates an order and its fulfillment order(s), like orderCreate does. */
  addOrder(input: NewOrderInput): OrderRecord {
    const createdAt = input.createdAt ?? this.isoNow();
    const lineItems: LineItemRecord[] = input.lineItems.map((li) => ({
      id: this.nextId('LineItem'),
      title: li.title,
      variantTitle: li.variantTitle ?? null,
      sku: li.sku,
      barcode: li.barcode,
      quantity: li.quantity,
      price: li.price ?? '10.00',
      requiresShipping: li.requiresShipping ?? true,
    }));
    const number = this.nextOrderNumber++;
    const order: OrderRecord = {
      id: this.nextId('Order'),
      name: `#${number}`,
      email: input.email ?? `customer${number}@example.com`,
      createdAt,
      updatedAt: createdAt,
      cancelledAt: null,
      cancelReason: null,
      closed: false,
      note: input.note ?? null,
      tags: input.tags ?? [],
      currencyCode: input.currencyCode ?? this.shop.currencyCode,
      shippingAddress: input.shippingAddress ?? null,
      shippingLineTitle: input.shippingLineTitle ?? 'Standard Shipping',
      lineItems,
      fulfillmentCount: 0,
    };
    this.orders.set(order.id, order);
    const groups = new Map<number, LineItemRecord[]>();
    lineItems.forEach((li, i) => {
      const idx = Math.min(input.locationIndexes?.[i] ?? 0, this.locations.length - 1);
      const list = groups.get(idx) ?? [];
      list.push(li);
      groups.set(idx, list);
    });
    for (const [idx, items] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
      const fo: FulfillmentOrderRecord = {
        id: this.nextId('FulfillmentOrder'),
        orderId: order.id,
        status: 'OPEN',
        requestStatus: 'UNSUBMITTED',
        locationId: this.locations[idx].id,
        lineItems: items.map((li) => ({
          id: this.nextId('FulfillmentOrderLineItem'),
          lineItemId: li.id,
          totalQuantity: li.quantity,
          remainingQuantity: li.quantity,
        })),
        deliveryMethodType: 'SHIPPING',
        serviceCode: order.shippingLineTitle.toLowerCase().replace(/\s+/g, '_'),
        fulfillAt: createdAt.slice(0, 11) + '00:00:00Z',
        holds: [],
        createdAt,
        updatedAt: createdAt,
        merchantMessages: [],
      };
      this.fulfillmentOrders.set(fo.id, fo);
    }
    return order;
  }

  /** Deterministic realistic orders (see seed.ts). */
  seedOrders(count: number, seedValue = 1): OrderRecord[] {
    return seed(this, count, seedValue);
  }

  // ----- lookups -----

  order(idOrGid: number | string): OrderRecord | undefined {
    const id = typeof idOrGid === 'number' ? idOrGid : parseGid(idOrGid, 'Order');
    return id === null ? undefined : this.orders.get(id);
  }

  fulfillmentOrder(idOrGid: number | string): FulfillmentOrderRecord | undefined {
    const id = typeof idOrGid === 'number' ? idOrGid : parseGid(idOrGid, 'FulfillmentOrder');
    return id === null ? undefined : this.fulfillmentOrders.get(id);
  }

  fulfillment(idOrGid: number | string): FulfillmentRecord | undefined {
    const id = typeof idOrGid === 'number' ? idOrGid : parseGid(idOrGid, 'Fulfillment');
    return id === null ? undefined : this.fulfillments.get(id);
  }

  location(id: number): LocationRecord | undefined {
    return this.locations.find((l) => l.id === id);
  }

  lineItem(orderId: number, lineItemId: number): LineItemRecord | undefined {
    return this.orders.get(orderId)?.lineItems.find((li) => li.id === lineItemId);
  }

  fulfillmentOrdersOf(orderId: number): FulfillmentOrderRecord[] {
    return [...this.fulfillmentOrders.values()].filter((fo) => fo.orderId === orderId);
  }

  /** Fulfillments of an order or of a fulfillment order (number or gid). */
  fulfillmentsOf(orderOrFoId: number | string): FulfillmentRecord[] {
    const all = [...this.fulfillments.values()];
    const foId = typeof orderOrFoId === 'string' ? parseGid(orderOrFoId, 'FulfillmentOrder') : null;
    if (foId !== null) return all.filter((f) => f.fulfillmentOrderIds.includes(foId));
    const orderId = typeof orderOrFoId === 'number' ? orderOrFoId : parseGid(orderOrFoId, 'Order');
    if (orderId !== null && this.orders.has(orderId)) return all.filter((f) => f.orderId === orderId);
    if (typeof orderOrFoId === 'number' && this.fulfillmentOrders.has(orderOrFoId)) return all.filter((f) => f.fulfillmentOrderIds.includes(orderOrFoId));
    return [];
  }

  /** UNFULFILLED / PARTIALLY_FULFILLED / FULFILLED from the remaining quantities. */
  displayFulfillmentStatus(orderId: number): string {
    const fos = this.fulfillmentOrdersOf(orderId).filter((fo) => fo.status !== 'CANCELLED');
    let total = 0;
    let remaining = 0;
    for (const fo of fos)
      for (const li of fo.lineItems) {
        total += li.totalQuantity;
        remaining += li.remainingQuantity;
      }
    const fulfilled = [...this.fulfillments.values()].some((f) => f.orderId === orderId && f.status === 'SUCCESS');
    if (total > 0 && remaining === 0 && fulfilled) return 'FULFILLED';
    if (fulfilled && remaining < total) return 'PARTIALLY_FULFILLED';
    return 'UNFULFILLED';
  }

  /** Fulfilled quantity per line item over successful fulfillments. */
  fulfilledQuantity(orderId: number, lineItemId: number): number {
    let q = 0;
    for (const f of this.fulfillments.values()) {
      if (f.orderId !== orderId || f.status !== 'SUCCESS') continue;
      for (const li of f.lineItems) if (li.lineItemId === lineItemId) q += li.quantity;
    }
    return q;
  }

  // ----- persistence -----

  snapshot(): EmulatorSnapshot {
    return structuredClone({
      version: 1 as const,
      shop: this.shop,
      locations: this.locations,
      orders: [...this.orders.values()],
      fulfillmentOrders: [...this.fulfillmentOrders.values()],
      fulfillments: [...this.fulfillments.values()],
      counters: Object.fromEntries(this.counters),
      nextOrderNumber: this.nextOrderNumber,
      mails: this.mails,
    });
  }

  /** Replace everything with a snapshot (ids keep counting from where they were). */
  restore(snap: EmulatorSnapshot): void {
    if (snap.version !== 1) throw new Error(`unknown emulator state version ${String(snap.version)}`);
    const s = structuredClone(snap);
    this.shop = s.shop;
    this.locations.splice(0, this.locations.length, ...s.locations);
    this.orders.clear();
    for (const o of s.orders) this.orders.set(o.id, o);
    this.fulfillmentOrders.clear();
    for (const fo of s.fulfillmentOrders) this.fulfillmentOrders.set(fo.id, fo);
    this.fulfillments.clear();
    for (const f of s.fulfillments) this.fulfillments.set(f.id, f);
    this.counters = new Map(Object.entries(s.counters) as Array<[IdKind, number]>);
    this.nextOrderNumber = s.nextOrderNumber;
    this.mails.splice(0, this.mails.length, ...(s.mails ?? []));
  }

  /** Records the e-mail Shopify sends the buyer of a fulfillment's order. */
  recordMail(kind: BuyerMailRecord['kind'], f: FulfillmentRecord): BuyerMailRecord {
    const order = this.orders.get(f.orderId);
    const mail: BuyerMailRecord = {
      id: this.mails.length + 1,
      kind,
      orderId: f.orderId,
      orderName: order?.name ?? '',
      fulfillmentId: f.id,
      to: order?.email ?? '',
      trackingNumbers: f.trackingInfo.map((t) => t.number).filter((n): n is string => !!n),
      sentAt: this.isoNow(),
    };
    this.mails.push(mail);
    return mail;
  }

  /**
   * Every fulfillment event (fulfillmentEventCreate) in the order Shopify took them, with the order and
   * tracking they belong to: what an order page and a tracking app show the buyer (also GET /emulator/events).
   */
  fulfillmentEvents(): FulfillmentEventView[] {
    const out: FulfillmentEventView[] = [];
    for (const f of this.fulfillments.values())
      for (const e of f.events)
        out.push({
          id: e.id,
          orderName: this.orders.get(f.orderId)?.name ?? '',
          fulfillmentId: f.id,
          trackingNumbers: f.trackingInfo.map((t) => t.number).filter((n): n is string => !!n),
          status: e.status,
          message: e.message,
          happenedAt: e.happenedAt,
          createdAt: e.createdAt,
        });
    return out.sort((a, b) => a.id - b.id);
  }

  // ----- test helpers -----

  /** Cancels an order like orderCancel: open fulfillment orders become CLOSED. */
  cancelOrder(idOrGid: number | string, reason = 'OTHER'): OrderRecord {
    const order = this.order(idOrGid);
    if (!order) throw new Error(`unknown order ${String(idOrGid)}`);
    const now = this.isoNow();
    order.cancelledAt = now;
    order.cancelReason = reason;
    order.closed = true;
    order.updatedAt = now;
    for (const fo of this.fulfillmentOrdersOf(order.id)) {
      if (fo.status === 'CLOSED' || fo.status === 'CANCELLED') continue;
      fo.status = 'CLOSED';
      fo.updatedAt = now;
    }
    return order;
  }

  /** Puts a fulfillment order ON_HOLD like fulfillmentOrderHold. */
  holdFulfillmentOrder(idOrGid: number | string, reason = 'OTHER', reasonNotes: string | null = null): FulfillmentOrderRecord {
    const fo = this.fulfillmentOrder(idOrGid);
    if (!fo) throw new Error(`unknown fulfillment order ${String(idOrGid)}`);
    fo.status = 'ON_HOLD';
    fo.holds.push({ id: this.nextId('FulfillmentHold'), reason, reasonNotes });
    fo.updatedAt = this.isoNow();
    return fo;
  }

  releaseHold(idOrGid: number | string): FulfillmentOrderRecord {
    const fo = this.fulfillmentOrder(idOrGid);
    if (!fo) throw new Error(`unknown fulfillment order ${String(idOrGid)}`);
    fo.holds = [];
    if (fo.status === 'ON_HOLD') fo.status = 'OPEN';
    fo.updatedAt = this.isoNow();
    return fo;
  }

  /** Marks a fulfillment request as sent to the (app's) fulfillment service. */
  submitFulfillmentRequest(idOrGid: number | string, message: string | null = null): FulfillmentOrderRecord {
    const fo = this.fulfillmentOrder(idOrGid);
    if (!fo) throw new Error(`unknown fulfillment order ${String(idOrGid)}`);
    fo.requestStatus = 'SUBMITTED';
    fo.merchantMessages.push({ kind: 'FULFILLMENT_REQUEST', message });
    fo.updatedAt = this.isoNow();
    return fo;
  }

  counts(): { orders: number; fulfillmentOrders: number; fulfillments: number; events: number; openFulfillmentOrders: number } {
    let events = 0;
    for (const f of this.fulfillments.values()) events += f.events.length;
    return {
      orders: this.orders.size,
      fulfillmentOrders: this.fulfillmentOrders.size,
      fulfillments: this.fulfillments.size,
      events,
      openFulfillmentOrders: [...this.fulfillmentOrders.values()].filter((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS').length,
    };
  }
}
