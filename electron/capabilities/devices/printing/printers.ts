import type { PrinterData } from '../../../../db/event-types';
import { actorOf, type ServiceContext } from '../../../core/context';
import { printerLane } from './health';

export function listPrinters(ctx: ServiceContext) {
  return ctx.store.read.settings.printers().map((p) => ({
    ...p,
    queued: ctx.store.read.jobs.laneDepth(printerLane(p.id)),
    failing: ctx.store.read.jobs.laneError(printerLane(p.id)),
  }));
}

export function savePrinter(ctx: ServiceContext, printer: PrinterData): PrinterData {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'printer.saved', subject: printer.id, payload: { printer } }));
  return ctx.store.read.settings.printer(printer.id)!;
}
