import type { JobDraft } from '../../../db/event-types';
import type { OrderRow } from '../../../db/readers/orders';
import type { ServiceContext } from '../site/context';

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

const planners: JobPlanner[] = [];

export function registerPickPlanner(p: JobPlanner): void {
  if (!planners.includes(p)) planners.push(p);
}

export function planJobs(ctx: ServiceContext, parcel: PickedParcel, at: Date): JobDraft[] {
  return planners.flatMap((p) => p(ctx, parcel, at));
}
