/**
 * Root value for graphql `execute`: the query and mutation fields the console uses.
 * Everything below the root is served by views.ts through graphql's default field resolver.
 */
import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { EmulatorState } from './state';
import type { FulfillmentOrderRecord } from './model';
import { createViews, connection } from './views';
import { gid, gidType, parseGid } from './gid';
import * as ops from './fulfillment-ops';

type Obj = Record<string, unknown>;
type Args = Record<string, any>;

function notFound(id: string, info: GraphQLResolveInfo): GraphQLError {
  return new GraphQLError(`Invalid id: ${id}`, { nodes: info.fieldNodes, extensions: { code: 'RESOURCE_NOT_FOUND' } });
}

/** `query` search syntax subset: status:open, request_status:submitted, assigned_location_id:N, order_id:N. */
function matchesQuery(fo: FulfillmentOrderRecord, query: string | null | undefined): boolean {
  if (!query) return true;
  for (const term of query.split(/\s+(?:AND\s+)?/i).filter(Boolean)) {
    const m = /^(-)?(\w+):(.+)$/.exec(term);
    if (!m) continue;
    const [, neg, key, raw] = m;
    const value = raw.replace(/^['"]|['"]$/g, '').toLowerCase();
    let hit = true;
    if (key === 'status') hit = fo.status.toLowerCase() === value;
    else if (key === 'request_status') hit = fo.requestStatus.toLowerCase() === value;
    else if (key === 'assigned_location_id') hit = String(fo.locationId) === value;
    else if (key === 'order_id') hit = String(fo.orderId) === value;
    else if (key === 'id') hit = String(fo.id) === value;
    if (neg ? hit : !hit) return false;
  }
  return true;
}

const ASSIGNMENT: Record<string, string> = {
  FULFILLMENT_REQUESTED: 'SUBMITTED',
  FULFILLMENT_ACCEPTED: 'ACCEPTED',
  CANCELLATION_REQUESTED: 'CANCELLATION_REQUESTED',
  FULFILLMENT_UNSUBMITTED: 'UNSUBMITTED',
};

const PLAN_NAMES = { standard: 'Shopify', advanced: 'Advanced', plus: 'Shopify Plus', enterprise: 'Commerce Components' } as const;

export function createRootValue(state: EmulatorState, schema: GraphQLSchema): Obj {
  const v = createViews(state);
  const foView = (fo: FulfillmentOrderRecord | undefined) => (fo ? v.fulfillmentOrder(fo) : null);
  const allFos = () => [...state.fulfillmentOrders.values()].sort((a, b) => a.id - b.id);
  const userErrors = (r: { userErrors: ops.UserError[] }) => r.userErrors;

  return {
    // ----- queries -----
    shop: () => ({
      __typename: 'Shop',
      id: gid('Shop', 1),
      name: state.shop.name,
      myshopifyDomain: state.shop.myshopifyDomain,
      email: state.shop.email,
      currencyCode: state.shop.currencyCode,
      ianaTimezone: 'America/New_York',
      plan: {
        displayName: PLAN_NAMES[state.shop.plan],
        publicDisplayName: PLAN_NAMES[state.shop.plan],
        partnerDevelopment: false,
        shopifyPlus: state.shop.plan === 'plus' || state.shop.plan === 'enterprise',
      },
    }),
    currentAppInstallation: () => ({
      __typename: 'AppInstallation',
      id: gid('AppInstallation', 1),
      accessScopes: state.shop.accessScopes.map((handle) => ({ handle, description: handle.replace(/_/g, ' ') })),
    }),
    locations: (args: Args) => connection(state.locations, args, v.location),
    location: (args: Args) => {
      const id = parseGid(args.id, 'Location');
      const loc = id === null ? undefined : state.location(id);
      return loc ? v.location(loc) : null;
    },
    order: (args: Args) => {
      const o = state.order(args.id);
      return o ? v.order(o) : null;
    },
    orders: (args: Args) =>
      connection(
        [...state.orders.values()].sort((a, b) => a.id - b.id),
        args,
        v.order,
      ),
    fulfillmentOrder: (args: Args) => foView(state.fulfillmentOrder(args.id)),
    fulfillment: (args: Args) => {
      const f = state.fulfillment(args.id);
      return f ? v.fulfillment(f) : null;
    },
    fulfillmentOrders: (args: Args) => {
      const list = allFos().filter((fo) => (args.includeClosed ? true : fo.status !== 'CLOSED' && fo.status !== 'CANCELLED') && matchesQuery(fo, args.query));
      return connection(list, args, v.fulfillmentOrder);
    },
    assignedFulfillmentOrders: (args: Args) => {
      const want = args.assignmentStatus ? ASSIGNMENT[args.assignmentStatus as string] : null;
      const locs = (args.locationIds as string[] | null | undefined)?.map((l) => parseGid(l, 'Location'));
      const list = allFos().filter(
        (fo) => fo.status !== 'CLOSED' && fo.status !== 'CANCELLED' && (!want || fo.requestStatus === want) && (!locs || locs.includes(fo.locationId)),
      );
      return connection(list, args, v.fulfillmentOrder);
    },
    node: (args: Args) => {
      switch (gidType(args.id)) {
        case 'Order': {
          const o = state.order(args.id);
          return o ? v.order(o) : null;
        }
        case 'FulfillmentOrder':
          return foView(state.fulfillmentOrder(args.id));
        case 'Fulfillment': {
          const f = state.fulfillment(args.id);
          return f ? v.fulfillment(f) : null;
        }
        case 'Location': {
          const id = parseGid(args.id, 'Location');
          const l = id === null ? undefined : state.location(id);
          return l ? v.location(l) : null;
        }
        default:
          return null;
      }
    },
    nodes: (args: Args, ctx: unknown, info: GraphQLResolveInfo) =>
      (args.ids as string[]).map((id) => (createRootValue(state, schema).node as (a: Args, c: unknown, i: GraphQLResolveInfo) => unknown)({ id }, ctx, info)),

    // ----- mutations -----
    fulfillmentCreate: (args: Args) => {
      const r = ops.fulfillmentCreate(state, schema, args.fulfillment, args.message ?? null);
      return { fulfillment: r.ok ? v.fulfillment(r.ok) : null, userErrors: userErrors(r) };
    },
    fulfillmentCreateV2: (args: Args) => {
      const r = ops.fulfillmentCreate(state, schema, args.fulfillment, args.message ?? null);
      return { fulfillment: r.ok ? v.fulfillment(r.ok) : null, userErrors: userErrors(r) };
    },
    fulfillmentTrackingInfoUpdate: (args: Args) => {
      const r = ops.fulfillmentTrackingInfoUpdate(state, schema, args.fulfillmentId, args.trackingInfoInput, args.notifyCustomer ?? null);
      return { fulfillment: r.ok ? v.fulfillment(r.ok) : null, userErrors: userErrors(r) };
    },
    fulfillmentTrackingInfoUpdateV2: (args: Args) => {
      const r = ops.fulfillmentTrackingInfoUpdate(state, schema, args.fulfillmentId, args.trackingInfoInput, args.notifyCustomer ?? null);
      return { fulfillment: r.ok ? v.fulfillment(r.ok) : null, userErrors: userErrors(r) };
    },
    fulfillmentEventCreate: (args: Args) => {
      const r = ops.fulfillmentEventCreate(state, args.fulfillmentEvent);
      return { fulfillmentEvent: r.ok ? v.event(r.ok) : null, userErrors: userErrors(r) };
    },
    fulfillmentCancel: (args: Args) => {
      const r = ops.fulfillmentCancel(state, args.id);
      return { fulfillment: r.ok ? v.fulfillment(r.ok) : null, userErrors: userErrors(r) };
    },
    fulfillmentOrderAcceptFulfillmentRequest: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => {
      try {
        const r = ops.acceptFulfillmentRequest(state, args.id, args.message ?? null);
        return { fulfillmentOrder: foView(r.ok ?? undefined), userErrors: userErrors(r) };
      } catch (e) {
        if (e instanceof ops.ResourceNotFound) throw notFound(e.id, info);
        throw e;
      }
    },
    fulfillmentOrderRejectFulfillmentRequest: (args: Args, _ctx: unknown, info: GraphQLResolveInfo) => {
      try {
        const r = ops.rejectFulfillmentRequest(state, args.id, args.message ?? null);
        return { fulfillmentOrder: foView(r.ok ?? undefined), userErrors: userErrors(r) };
      } catch (e) {
        if (e instanceof ops.ResourceNotFound) throw notFound(e.id, info);
        throw e;
      }
    },
  };
}
