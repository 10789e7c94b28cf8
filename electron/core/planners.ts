import type { JobDraft } from '../../db/event-types';
import type { OrderRow } from '../../db/orders/reader';
import type { ServiceContext } from './context';

export interface PickedParcel {
  parcelId: string;
  order: OrderRow;
  lineId: string;
  trackingNumber: string;
  printerId: string | null;
  /** Set when the order leaves in several parcels or in part (the pack bench): its place and what it carries. */
  pack?: PackedPiece;
}

export interface PackedPiece {
  /** 1-based place of this parcel among the order's parcels issued together ("2 of 3"). */
  piece: number;
  pieces: number;
  /** Every number issued together, in piece order (one fulfillment may carry them all). */
  numbers: string[];
  /** Order lines (idx) and quantities this shipment carries; null: the whole order. */
  lines: Array<{ idx: number; quantity: number }> | null;
}

/** What the pick screen is told when an order goes to the pack bench instead of straight to its label. */
export interface PickGateAnswer {
  orderId: string;
  orderName: string;
  message: string;
  next: string;
}

/**
 * A capability may take an order scanned at pick to its own flow (the pack bench: verify, weigh,
 * several parcels). None answers for stores that use none of it, and the pick stays one scan.
 */
export type PickGate = (ctx: ServiceContext, order: OrderRow, lineId: string) => PickGateAnswer | null;

export function gatePick(ctx: ServiceContext, order: OrderRow, lineId: string): PickGateAnswer | null {
  for (const g of ctx.pickGates ?? []) {
    const a = g(ctx, order, lineId);
    if (a) return a;
  }
  return null;
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
