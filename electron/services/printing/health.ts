import type { ServiceContext } from '../site/context';

export const printerLane = (printerId: string | null) => `printer:${printerId ?? 'none'}`;

/** Said on the pick screen after a scan: the parcel is safe, the label waits. */
export function printerWarning(ctx: ServiceContext, printerId: string | null): { code: string; message: string } | null {
  if (!printerId)
    return { code: 'no_printer', message: 'No label printer is set for this station. The label waits in the queue: choose a printer in Setup.' };
  const error = ctx.store.jobs.laneError(printerLane(printerId));
  if (!error) return null;
  const name = ctx.store.settings.printer(printerId)?.name ?? printerId;
  return {
    code: 'printer_offline',
    message: `${name} is not printing (${error}). The parcel and its number are safe; the label prints when the printer is back. Check power, paper and cable.`,
  };
}
