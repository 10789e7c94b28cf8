/**
 * Maps store records to objects graphql's default field resolver can serve: plain properties
 * for scalars, functions `(args) => value` for fields with arguments. `__typename` drives
 * interface resolution (node).
 */
import type { EmulatorState } from './state';
import type { Address, FulfillmentEventRecord, FulfillmentOrderRecord, FulfillmentRecord, LineItemRecord, LocationRecord, OrderRecord } from './model';
import { gid } from './gid';

type Obj = Record<string, unknown>;
interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

const cursorOf = (id: number) => Buffer.from(JSON.stringify({ last_id: id, last_value: id })).toString('base64');
const idOfCursor = (c: string | null | undefined): number | null => {
  if (!c) return null;
  try {
    const v = JSON.parse(Buffer.from(c, 'base64').toString('utf8')) as { last_id?: unknown };
    return typeof v.last_id === 'number' ? v.last_id : null;
  } catch {
    return null;
  }
};

/** Relay connection over records with numeric ids. */
export function connection<T extends { id: number }>(items: T[], args: PageArgs, view: (t: T) => Obj): Obj {
  let list = args.reverse ? [...items].reverse() : items;
  const after = idOfCursor(args.after);
  if (after !== null) {
    const i = list.findIndex((x) => x.id === after);
    list = i >= 0 ? list.slice(i + 1) : [];
  }
  const before = idOfCursor(args.before);
  if (before !== null) {
    const i = list.findIndex((x) => x.id === before);
    list = i >= 0 ? list.slice(0, i) : list;
  }
  const total = list.length;
  let page = list;
  if (typeof args.first === 'number') page = page.slice(0, Math.max(0, args.first));
  else if (typeof args.last === 'number') page = page.slice(Math.max(0, page.length - args.last));
  const startIdx = list.indexOf(page[0]);
  const nodes = page.map(view);
  return {
    __typename: 'Connection',
    nodes,
    edges: page.map((t, i) => ({ cursor: cursorOf(t.id), node: nodes[i] })),
    pageInfo: {
      hasNextPage: page.length > 0 && startIdx + page.length < total,
      hasPreviousPage: (page.length > 0 && startIdx > 0) || after !== null,
      startCursor: page.length ? cursorOf(page[0].id) : null,
      endCursor: page.length ? cursorOf(page[page.length - 1].id) : null,
    },
  };
}

/** Plain list fields that take `first` (e.g. Fulfillment.trackingInfo, Order.fulfillments). */
const firstOf = <T>(items: T[], args: { first?: number | null }) => (typeof args?.first === 'number' ? items.slice(0, args.first) : items);

export function addressView(a: Address | null): Obj | null {
  if (!a) return null;
  return {
    ...a,
    name: `${a.firstName} ${a.lastName}`.trim(),
    country: a.country,
    countryCodeV2: a.countryCode,
    formatted: [a.address1, a.address2, `${a.city}${a.provinceCode ? ' ' + a.provinceCode : ''} ${a.zip}`, a.country].filter(Boolean),
  };
}

export function locationView(l: LocationRecord): Obj {
  return {
    __typename: 'Location',
    id: gid('Location', l.id),
    legacyResourceId: String(l.id),
    name: l.name,
    isActive: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    isFulfillmentService: false,
    address: { ...l.address, formatted: [l.address.address1, l.address.city, l.address.country] },
  };
}

export function createViews(state: EmulatorState) {
  const money = (amount: string, currencyCode: string) => ({ shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } });

  const lineItem = (li: LineItemRecord, o: OrderRecord): Obj => {
    const fulfilled = state.fulfilledQuantity(o.id, li.id);
    return {
      __typename: 'LineItem',
      id: gid('LineItem', li.id),
      title: li.title,
      name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
      variantTitle: li.variantTitle,
      sku: li.sku,
      quantity: li.quantity,
      currentQuantity: o.cancelledAt ? 0 : li.quantity,
      fulfillableQuantity: o.cancelledAt ? 0 : Math.max(0, li.quantity - fulfilled),
      unfulfilledQuantity: o.cancelledAt ? 0 : Math.max(0, li.quantity - fulfilled),
      requiresShipping: li.requiresShipping,
      variant: { __typename: 'ProductVariant', id: gid('ProductVariant', li.id), sku: li.sku, barcode: li.barcode, title: li.variantTitle ?? 'Default Title' },
      originalUnitPriceSet: money(li.price, o.currencyCode),
    };
  };

  const event = (e: FulfillmentEventRecord): Obj => ({ __typename: 'FulfillmentEvent', ...e, id: gid('FulfillmentEvent', e.id) });

  const fulfillment = (f: FulfillmentRecord): Obj => {
    const o = state.orders.get(f.orderId)!;
    const loc = state.location(f.locationId);
    return {
      __typename: 'Fulfillment',
      id: gid('Fulfillment', f.id),
      legacyResourceId: String(f.id),
      name: f.name,
      status: f.status,
      displayStatus: f.displayStatus,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      deliveredAt: f.deliveredAt,
      inTransitAt: f.inTransitAt,
      estimatedDeliveryAt: f.estimatedDeliveryAt,
      requiresShipping: true,
      totalQuantity: f.lineItems.reduce((s, l) => s + l.quantity, 0),
      trackingInfo: (args: { first?: number | null }) => firstOf(f.trackingInfo, args).map((t) => ({ __typename: 'FulfillmentTrackingInfo', ...t })),
      events: (args: PageArgs) => connection(f.events, args, event),
      fulfillmentLineItems: (args: PageArgs) =>
        connection(f.lineItems, args, (fl) => ({
          __typename: 'FulfillmentLineItem',
          id: gid('FulfillmentLineItem', fl.id),
          quantity: fl.quantity,
          lineItem: lineItem(
            o.lineItems.find((l) => l.id === fl.lineItemId)!,
            o,
          ),
        })),
      fulfillmentOrders: (args: PageArgs) =>
        connection(f.fulfillmentOrderIds.map((id) => state.fulfillmentOrders.get(id)!).filter(Boolean), args, fulfillmentOrder),
      location: loc ? locationView(loc) : null,
      originAddress: null,
      service: {
        __typename: 'FulfillmentService',
        id: 'gid://shopify/FulfillmentService/manual',
        handle: 'manual',
        serviceName: 'Manual',
        trackingSupport: false,
        type: 'MANUAL',
        location: loc ? locationView(loc) : null,
      },
      order: () => order(o),
    };
  };

  const supportedActions = (fo: FulfillmentOrderRecord): { action: string }[] => {
    switch (fo.status) {
      case 'OPEN':
        return ['CREATE_FULFILLMENT', 'MOVE', 'HOLD', 'SPLIT'].map((action) => ({ action }));
      case 'IN_PROGRESS':
        return ['CREATE_FULFILLMENT', 'REPORT_PROGRESS', 'MOVE', 'HOLD'].map((action) => ({ action }));
      case 'ON_HOLD':
        return ['RELEASE_HOLD', 'HOLD', 'MOVE'].map((action) => ({ action }));
      default:
        return [];
    }
  };

  const fulfillmentOrder = (fo: FulfillmentOrderRecord): Obj => {
    const o = state.orders.get(fo.orderId)!;
    const loc = state.location(fo.locationId);
    return {
      __typename: 'FulfillmentOrder',
      id: gid('FulfillmentOrder', fo.id),
      status: fo.status,
      requestStatus: fo.requestStatus,
      createdAt: fo.createdAt,
      updatedAt: fo.updatedAt,
      fulfillAt: fo.fulfillAt,
      fulfillBy: null,
      orderId: gid('Order', o.id),
      orderName: o.name,
      orderProcessedAt: o.createdAt,
      supportedActions: supportedActions(fo),
      fulfillmentHolds: fo.holds.map((h) => ({
        __typename: 'FulfillmentHold',
        id: gid('FulfillmentHold', h.id),
        handle: null,
        reason: h.reason,
        reasonNotes: h.reasonNotes,
        displayReason: h.reason.charAt(0) + h.reason.slice(1).toLowerCase().replace(/_/g, ' '),
        heldByApp: null,
        heldByRequestingApp: true,
      })),
      assignedLocation: loc
        ? {
            name: loc.name,
            address1: loc.address.address1,
            city: loc.address.city,
            countryCode: loc.address.countryCode,
            province: loc.address.province,
            zip: loc.address.zip,
            phone: loc.address.phone,
            location: locationView(loc),
          }
        : null,
      deliveryMethod: {
        __typename: 'DeliveryMethod',
        id: gid('DeliveryMethod', fo.id),
        methodType: fo.deliveryMethodType,
        serviceCode: fo.serviceCode,
        presentedName: o.shippingLineTitle,
      },
      destination: o.shippingAddress
        ? {
            __typename: 'FulfillmentOrderDestination',
            id: gid('FulfillmentOrderDestination', fo.id),
            ...o.shippingAddress,
            countryCode: o.shippingAddress.countryCode,
            email: o.email,
          }
        : null,
      lineItems: (args: PageArgs) =>
        connection(fo.lineItems, args, (li) => {
          const item = o.lineItems.find((l) => l.id === li.lineItemId)!;
          return {
            __typename: 'FulfillmentOrderLineItem',
            id: gid('FulfillmentOrderLineItem', li.id),
            totalQuantity: li.totalQuantity,
            remainingQuantity: li.remainingQuantity,
            sku: item.sku,
            productTitle: item.title,
            variantTitle: item.variantTitle,
            requiresShipping: item.requiresShipping,
            lineItem: lineItem(item, o),
          };
        }),
      fulfillments: (args: PageArgs) => connection(state.fulfillmentsOf(gid('FulfillmentOrder', fo.id)), args, fulfillment),
      merchantRequests: (args: PageArgs) =>
        connection(
          fo.merchantMessages.map((m, i) => ({ ...m, id: i + 1 })),
          args,
          (m) => ({
            __typename: 'FulfillmentOrderMerchantRequest',
            id: gid('FulfillmentOrderMerchantRequest', m.id),
            kind: m.kind,
            message: m.message,
            requestOptions: null,
            sentAt: fo.updatedAt,
          }),
        ),
      order: () => order(o),
    };
  };

  const order = (o: OrderRecord): Obj => {
    const total = o.lineItems.reduce((s, li) => s + Number(li.price) * li.quantity, 0).toFixed(2);
    return {
      __typename: 'Order',
      id: gid('Order', o.id),
      legacyResourceId: String(o.id),
      name: o.name,
      email: o.email,
      phone: o.shippingAddress?.phone ?? null,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      processedAt: o.createdAt,
      cancelledAt: o.cancelledAt,
      cancelReason: o.cancelledAt ? o.cancelReason : null,
      closed: o.closed,
      closedAt: o.closed ? o.updatedAt : null,
      note: o.note,
      tags: o.tags,
      test: false,
      currencyCode: o.currencyCode,
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: state.displayFulfillmentStatus(o.id),
      shippingAddress: addressView(o.shippingAddress),
      totalPriceSet: money(total, o.currencyCode),
      currentTotalPriceSet: money(o.cancelledAt ? '0.00' : total, o.currencyCode),
      subtotalPriceSet: money(total, o.currencyCode),
      shippingLine: { title: o.shippingLineTitle, code: o.shippingLineTitle },
      lineItems: (args: PageArgs) => connection(o.lineItems, args, (li) => lineItem(li, o)),
      fulfillmentOrders: (args: PageArgs & { displayable?: boolean | null }) => connection(state.fulfillmentOrdersOf(o.id), args, fulfillmentOrder),
      fulfillments: (args: { first?: number | null }) => firstOf(state.fulfillmentsOf(o.id), args).map(fulfillment),
    };
  };

  return { order, fulfillmentOrder, fulfillment, event, lineItem, location: locationView };
}

export type Views = ReturnType<typeof createViews>;
