import type { PrinterData } from '../../../db/event-types';
import { actorOf, type ServiceContext } from '../../core/context';
import { printerLane } from './health';

export function listPrinters(ctx: ServiceContext) {
  return ctx.store.settings.printers().map((p) => ({
    ...p,
    queued: ctx.store.jobs.laneDepth(printerLane(p.id)),
    failing: ctx.store.jobs.laneError(printerLane(p.id)),
  }));
}

export function savePrinter(ctx: ServiceContext, printer: PrinterData): PrinterData {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'printer.saved', subject: printer.id, payload: { printer } }));
  return ctx.store.settings.printer(printer.id)!;
}
