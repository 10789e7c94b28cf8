import type { PrinterData } from '../../../../db/event-types';
import type { PrinterSetupData } from '../../../../db/devices/events';
import { systemRunner, type CommandRunner } from '../../../../native/printers/command';
import { tcp9100Transport, transportFor, type PrintTransport } from '../../../../native/printers/transports';
import type { LabelModel } from '../labels/model';
import { renderLabelPdf } from '../labels/render';
import { buildZpl } from '../labels/zpl';

/** The bytes one printer gets for one label: ZPL at its size and resolution, or a PDF page. */
export async function labelBytes(printer: PrinterData, setup: PrinterSetupData, label: LabelModel): Promise<Buffer> {
  if (printer.language === 'zpl') return Buffer.from(buildZpl(label, { size: setup.size, dpi: setup.dpi }), 'utf8');
  return renderLabelPdf(label, { size: setup.size });
}

export function transportOf(
  printer: PrinterData,
  setup: PrinterSetupData,
  run: CommandRunner = systemRunner,
  tcp?: { connectTimeoutMs?: number; idleTimeoutMs?: number },
): PrintTransport {
  if (setup.transport === 'tcp9100') return tcp9100Transport(printer.host, printer.port, tcp);
  return transportFor({ kind: setup.transport, queue: setup.queue ?? printer.name }, run);
}
