import type { ServiceContext } from '../../../core/context';

export const printerLane = (printerId: string | null) => `printer:${printerId ?? 'none'}`;

const PROBLEM_TEXT: Record<string, string> = {
  head_open: 'the print head is open — close it',
  paper_out: 'out of labels — load a new roll',
  ribbon_out: 'out of ribbon — load a new ribbon',
  paused: 'paused on the printer — press its pause button',
};

export const problemText = (problems: string[]) => problems.map((p) => PROBLEM_TEXT[p] ?? p).join('; ');

/** Said on the pick screen after a scan: the parcel is safe, the label waits. */
export function printerWarning(ctx: ServiceContext, printerId: string | null): { code: string; message: string } | null {
  if (!printerId) return { code: 'no_printer', message: 'No label printer is set for this station. The label waits in the queue: choose a printer in Setup.' };
  const name = ctx.store.read.settings.printer(printerId)?.name ?? printerId;
  const state = ctx.store.read.devices.state(printerId);
  if (state.problems.length)
    return {
      code: 'printer_problem',
      message: `${name}: ${problemText(state.problems)}. The label waits in the queue and prints, in order, as soon as the printer is ready.`,
    };
  if (state.paused) return { code: 'printer_paused', message: `${name} is paused in Devices. The label waits in the queue; resume the printer to print it.` };
  const error = ctx.store.read.jobs.laneError(printerLane(printerId));
  if (!error) return null;
  return {
    code: 'printer_offline',
    message: `${name} is not printing (${error}). The parcel and its number are safe; the label prints when the printer is back. Check power, paper and cable.`,
  };
}
