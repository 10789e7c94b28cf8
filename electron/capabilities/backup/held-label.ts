import type { ServiceContext } from '../../core/context';

/** Where a supervisor decides on an order held after a restore. */
export const HOLD_SCREEN = 'F7 Devices → Backup';

/**
 * A label scanned at Dispatch or Pick that no parcel here carries, but that an order held after a restore
 * names (its printed label or its Shopify fulfillment showed the number): the verdict for the person
 * holding the parcel, instead of "unknown parcel". Null when no hold names the number.
 */
export function heldLabelVerdict(ctx: ServiceContext, numbers: string[]): { message: string; next: string; orderName: string } | null {
  for (const n of numbers) {
    const h = n ? ctx.store.read.backup.holdOfNumber(n) : null;
    if (!h) continue;
    if (!h.releasedAt)
      return {
        orderName: h.orderName,
        message: `HELD AFTER A RESTORE: ${n} is the label of order ${h.orderName}, picked after the last backup.`,
        next: `Do not load it: put the parcel aside on the hold shelf. A supervisor decides on ${HOLD_SCREEN} (it was shipped, or pick it again).`,
      };
    return h.decision === 'pick_again'
      ? {
          orderName: h.orderName,
          message: `OLD LABEL: ${n} was order ${h.orderName}'s label before a restore; a supervisor had the order picked again with a new number.`,
          next: `Do not load it: take this parcel to the supervisor desk (${HOLD_SCREEN} shows the order).`,
        }
      : {
          orderName: h.orderName,
          message: `${n} is order ${h.orderName}'s label, recorded as shipped after a restore: this parcel should have left already.`,
          next: `Do not load it: set it aside and tell the supervisor (${HOLD_SCREEN}).`,
        };
  }
  return null;
}
