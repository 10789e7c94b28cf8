import { PermanentJobError } from '../../core/outbox/types';
import { ApiError } from '../../core/errors';
import { ShopifyRequestError, type ShopifyClient } from './client';
import type { ShopifyRuntime } from './runtime';

export type UserError = { field: string[] | null; message: string };
export const userErrorText = (errs: UserError[]) => errs.map((e) => `${e.message}${e.field?.length ? ` (field ${e.field.join('.')})` : ''}`).join('; ');

/** Requests that Shopify refuses for good become dead letters; everything else retries. */
export async function send<T>(client: ShopifyClient, rt: ShopifyRuntime, op: string, doc: string, vars: Record<string, unknown>): Promise<T> {
  try {
    return await client.request<T>(op, doc, vars, { maxGateWaitMs: rt.settings.maxGateWaitMs });
  } catch (e) {
    if (e instanceof ShopifyRequestError && e.kind === 'refused') throw new PermanentJobError(e.message);
    throw e;
  }
}

export function clientFor(rt: ShopifyRuntime, storeId: string): ShopifyClient {
  try {
    return rt.client(storeId);
  } catch (e) {
    // A disconnected store or a missing token: keep the job, say how to fix it.
    throw new Error(e instanceof ApiError ? e.message : String(e));
  }
}
