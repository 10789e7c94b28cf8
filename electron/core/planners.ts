import type { JobDraft } from '../../db/event-types';
import type { OrderRow } from '../../db/readers/orders';
import type { ServiceContext } from './context';

export interface PickedParcel {
  parcelId: string;
  order: OrderRow;
  lineId: string;
  trackingNumber: string;
  printerId: string | null;
}

/**
 * Side effects a pick implies are planned as outbox jobs in the pick transaction. Capabilities
 * (printing, Shopify, ...) register a planner; the pick service does not know them.
 */
export type JobPlanner = (ctx: ServiceContext, parcel: PickedParcel, at: Date) => JobDraft[];

/** The planners of the app's capabilities, carried on its service context (none for a bare context). */
export function planJobs(ctx: ServiceContext, parcel: PickedParcel, at: Date): JobDraft[] {
  return (ctx.pickPlanners ?? []).flatMap((p) => p(ctx, parcel, at));
}
