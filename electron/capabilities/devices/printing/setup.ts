import type { PrinterData } from '../../../../db/event-types';
import type { PrinterSetupData } from '../../../../db/devices/events';
import { badInput, notFound } from '../../../core/errors';
import { actorOf, type ServiceContext } from '../../../core/context';

/** A printer's transport, label size/resolution and fallback; a printer never set up gets the defaults. */
export function printerSetup(ctx: ServiceContext, printer: PrinterData): PrinterSetupData {
  return (
    ctx.store.read.devices.setup(printer.id) ?? {
      transport: 'tcp9100',
      queue: null,
      size: '4x6',
      dpi: 203,
      fallbackPrinterId: null,
      statusCheck: printer.language === 'zpl',
    }
  );
}

export function configurePrinter(ctx: ServiceContext, printerId: string, setup: PrinterSetupData): PrinterSetupData {
  const printer = ctx.store.read.settings.printer(printerId);
  if (!printer) throw notFound(`Printer "${printerId}"`, 'Add the printer in Setup first.');
  if (setup.transport !== 'tcp9100' && !setup.queue?.trim())
    throw badInput(`Give the ${setup.transport === 'cups' ? 'CUPS queue' : 'Windows printer'} name, exactly as the system shows it.`);
  if (setup.transport === 'system-pdf' && printer.language !== 'pdf')
    throw badInput('The system print command takes PDF: set this printer’s language to PDF, or choose a raw transport for ZPL.');
  if (setup.fallbackPrinterId) {
    if (setup.fallbackPrinterId === printerId) throw badInput('A printer cannot be its own fallback: choose another printer, or none.');
    if (!ctx.store.read.settings.printer(setup.fallbackPrinterId)) throw notFound(`Fallback printer "${setup.fallbackPrinterId}"`, 'Choose one from the list.');
  }
  const clean: PrinterSetupData = {
    ...setup,
    queue: setup.queue?.trim() || null,
    statusCheck: setup.statusCheck && printer.language === 'zpl' && setup.transport === 'tcp9100',
  };
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'printer.configured', subject: printerId, payload: { printerId, setup: clean } }));
  return clean;
}
