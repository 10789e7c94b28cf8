import type { ShopifyStoreRow } from '../../../db/shopify/reader';
import type { NotifyAt, ShopifyStoreData } from '../../../db/shopify/events';
import { ApiError, badInput } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { ShopifyClient, ShopifyRequestError } from './client';
import { SHOP_INFO } from './documents';
import { CostPacer } from './pacer';
import { StoreHealth } from './health';
import type { ShopifyRuntime } from './runtime';

export const REQUIRED_SCOPES = {
  merchant: ['read_orders', 'read_locations', 'read_merchant_managed_fulfillment_orders', 'write_merchant_managed_fulfillment_orders'],
  service: ['read_orders', 'read_locations', 'read_assigned_fulfillment_orders', 'write_assigned_fulfillment_orders'],
} as const;

export interface ConnectionInput {
  shopDomain: string;
  accessToken?: string;
  apiVersion: string;
  endpoint?: string | null;
  flow?: 'merchant' | 'service';
}

export interface ShopCheck {
  shopName: string;
  plan: string;
  scopes: string[];
  missingScopes: string[];
  locations: Array<{ id: string; name: string }>;
}

interface ShopInfo {
  shop: { name: string; myshopifyDomain: string; plan: { displayName: string } };
  currentAppInstallation: { accessScopes: Array<{ handle: string }> };
  locations: { nodes: Array<{ id: string; name: string; isActive: boolean }> };
}

export function checkDomain(domain: string): string {
  const d = domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(d))
    throw badInput('The shop domain must look like your-shop.myshopify.com (see Settings > Domains in Shopify).', [
      { path: 'shopDomain', message: 'use the .myshopify.com domain' },
    ]);
  return d;
}

/** "Test connection": the shop's name and which scopes the token lacks for the chosen flow. */
export async function testConnection(rt: ShopifyRuntime, input: ConnectionInput & { accessToken: string }): Promise<ShopCheck> {
  const shopDomain = checkDomain(input.shopDomain);
  const client = new ShopifyClient(
    { shopDomain, apiVersion: input.apiVersion, accessToken: input.accessToken, fetch: rt.fetchFor(input.endpoint ?? null), timeoutMs: 15_000 },
    new CostPacer(),
    new StoreHealth(() => rt.ctx.clock.now().getTime()),
  );
  let info: ShopInfo;
  try {
    info = await client.request<ShopInfo>('ShopInfo', SHOP_INFO, undefined, { maxGateWaitMs: 0 });
  } catch (e) {
    if (e instanceof ShopifyRequestError && e.kind === 'unauthorized')
      throw new ApiError('BAD_INPUT', 'Shopify refused this access token. Copy the Admin API access token (shpat_…) of the app again and retry.', [
        { path: 'accessToken', message: 'refused by Shopify' },
      ]);
    if (e instanceof ShopifyRequestError && e.kind === 'refused')
      throw new ApiError('BAD_INPUT', `${e.message}. Check the API version (e.g. 2026-07).`, [{ path: 'apiVersion', message: 'refused by Shopify' }]);
    throw new ApiError('UNAVAILABLE', `Could not reach ${shopDomain}: ${(e as Error).message}. Check the shop domain and this PC's network, then test again.`);
  }
  const scopes = info.currentAppInstallation.accessScopes.map((s) => s.handle);
  const have = new Set(scopes);
  // write_* implies read_* in Shopify.
  for (const s of scopes) if (s.startsWith('write_')) have.add(`read_${s.slice(6)}`);
  return {
    shopName: info.shop.name,
    plan: info.shop.plan.displayName,
    scopes,
    missingScopes: REQUIRED_SCOPES[input.flow ?? 'merchant'].filter((s) => !have.has(s)),
    locations: info.locations.nodes.filter((l) => l.isActive).map(({ id, name }) => ({ id, name })),
  };
}

export interface ConnectInput extends ConnectionInput {
  id: string;
  locationId?: string | null;
  lineRules?: Record<string, string>;
  defaultLineId?: string | null;
  notifyAt?: NotifyAt;
}

/** Connect (or re-connect) a store: test it, keep the token in the station's secret store, record the rest. */
export async function connectStore(rt: ShopifyRuntime, input: ConnectInput): Promise<{ store: ShopifyStoreRow; check: ShopCheck }> {
  const ctx = rt.ctx;
  const token = input.accessToken ?? rt.secrets.get(input.id);
  if (!token) throw badInput("Paste the store's Admin API access token.", [{ path: 'accessToken', message: 'required for a new store' }]);
  if (input.endpoint && !/^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(input.endpoint))
    throw badInput('An endpoint is only for an emulated store on this PC (http://127.0.0.1:<port>). Leave it empty for a real store.', [
      { path: 'endpoint', message: 'loopback only' },
    ]);
  for (const [title, lineId] of Object.entries(input.lineRules ?? {}))
    if (!ctx.store.read.lines.get(lineId))
      throw badInput(`Delivery method "${title}" points to carrier line "${lineId}", which does not exist. Pick a line from Setup.`, [
        { path: 'lineRules', message: 'unknown line' },
      ]);
  if (input.defaultLineId && !ctx.store.read.lines.get(input.defaultLineId))
    throw badInput(`Carrier line "${input.defaultLineId}" does not exist. Pick a line from Setup.`, [{ path: 'defaultLineId', message: 'unknown line' }]);
  const check = await testConnection(rt, { ...input, accessToken: token });
  const location = input.locationId ? check.locations.find((l) => l.id === input.locationId) : check.locations[0];
  if (input.locationId && !location)
    throw badInput(`Location ${input.locationId} is not an active location of ${check.shopName}.`, [{ path: 'locationId', message: 'not found in the shop' }]);
  const data: ShopifyStoreData = {
    id: input.id,
    shopDomain: checkDomain(input.shopDomain),
    apiVersion: input.apiVersion,
    endpoint: input.endpoint ? input.endpoint.replace(/\/$/, '') : null,
    shopName: check.shopName,
    locationId: location?.id ?? null,
    locationName: location?.name ?? null,
    flow: input.flow ?? 'merchant',
    lineRules: input.lineRules ?? {},
    defaultLineId: input.defaultLineId ?? null,
    notifyAt: input.notifyAt ?? ctx.store.read.shopify.store(input.id)?.notifyAt ?? 'handover',
  };
  rt.secrets.set(input.id, token);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'shopify.store_connected', subject: null, payload: { store: data, missingScopes: check.missingScopes } }),
  );
  rt.forget(input.id);
  return { store: ctx.store.read.shopify.store(input.id)!, check };
}

export function disconnectStore(rt: ShopifyRuntime, storeId: string): void {
  const ctx: ServiceContext = rt.ctx;
  if (!ctx.store.read.shopify.store(storeId)) throw new ApiError('NOT_FOUND', `Store ${storeId} is not connected.`);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'shopify.store_removed', subject: null, payload: { storeId } }));
  rt.secrets.delete(storeId);
  rt.forget(storeId);
}

/** When Shopify e-mails the buyers of a store: at handover (the default) or at pick. */
export function setNotifyAt(ctx: ServiceContext, storeId: string, notifyAt: NotifyAt): { storeId: string; notifyAt: NotifyAt } {
  if (!ctx.store.read.shopify.store(storeId)) throw new ApiError('NOT_FOUND', `Store ${storeId} is not connected.`);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'shopify.notify_set', subject: null, payload: { storeId, notifyAt } }));
  return { storeId, notifyAt };
}
