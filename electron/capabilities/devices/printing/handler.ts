import { jobHandler, PermanentJobError, type AnyJobHandler, type JobOutcome } from '../../../core/outbox/types';
import type { JobRow } from '../../../../db/outbox/reader';
import type { EventDraft, PrinterData } from '../../../../db/event-types';
import { PrinterError } from '../../../../native/printers/errors';
import { systemRunner, type CommandRunner } from '../../../../native/printers/command';
import type { ServiceContext } from '../../../core/context';
import { labelModelFor } from './label-model';
import { cn23ModelFor } from './customs-form';
import { buildCn23Pdf } from '../labels/cn23';
import { labelBytes, transportOf } from './output';
import { printerSetup } from './setup';
import { problemText } from './health';
import { testSheetZpl } from './testsheet';

export interface PrintDeps {
  run?: CommandRunner;
  /** A send failed: look at the printer now (the ~HS poller) instead of waiting for its next round. */
  onTrouble?: (printerId: string) => void;
  /** Raw 9100 timeouts (tests shorten the wait for a printer that never closes). */
  tcp?: { connectTimeoutMs?: number; idleTimeoutMs?: number };
}

const printerOf = (target: string) => target.replace(/^printer:/, '').replace(/:aside$/, '');

/**
 * Sends labels, one printer lane at a time in queue order (the runner's lanes). The printer is the
 * lane's: moving a job to another lane moves where it prints, in that printer's language and size.
 *
 * Never twice unless asked: a printer that took every byte but did not close the connection
 * (PrinterError with `sent`) may well have printed. Resending would risk a duplicate label with the
 * same tracking number on the wrong parcel, so the job is not retried: it is held as "printed?"
 * (print.unconfirmed) and the lane waits, in order, until a person answers on the Pick or Devices
 * screen — "it printed" completes the job, "print it again" sends it again. ~HS cannot tell whether
 * a given label came out, so no automatic answer is guessed.
 */
type PrintJob = JobRow<'print.label' | 'print.testsheet' | 'print.customs_form'>;

export function printJobHandler(ctx: ServiceContext, deps: PrintDeps = {}): AnyJobHandler {
  const run = deps.run ?? systemRunner;
  const hw = ctx.store.read.devices;
  return jobHandler({
    scope: 'station',
    concurrency: 4,
    backoff: { baseMs: 1_000, maxMs: 15_000 },
    maxAttempts: Infinity,
    runs: { 'print.label': print, 'print.testsheet': print, 'print.customs_form': print },
  });

  async function print(job: PrintJob): Promise<JobOutcome> {
    const printerId = printerOf(job.target);
    if (printerId === 'none') throw new Error('no printer set for this station — choose one in Setup');
    const printer = ctx.store.read.settings.printer(printerId);
    if (!printer) throw new Error(`printer ${printerId} is not set up — add it in Setup or move its labels in Devices`);
    const state = hw.state(printerId);
    if (state.paused) throw new Error(`${printer.name} is paused — resume it in Devices`);
    if (state.problems.length) throw new Error(`${printer.name}: ${problemText(state.problems)}`);
    if (hw.isHeld(job.id)) throw new Error('waiting for an answer: did the last label print?');

    const bytes = await bytesFor(job, printer);
    try {
      const sent = await transportOf(printer, printerSetup(ctx, printer), run, deps.tcp).send(bytes);
      return { result: { bytes: sent.bytes, ms: Math.round(sent.ms), printerId }, events: printed(job, printerId) };
    } catch (err) {
      deps.onTrouble?.(printerId);
      if (err instanceof PrinterError && err.sent) {
        const error = `${printer.name} took the label but did not confirm it. Check whether it printed, then answer on the Pick screen.`;
        ctx.store.write('outbox', ctx.clock.now(), (emit) =>
          emit({ type: 'print.unconfirmed', subject: job.ref ?? job.id, payload: { jobId: job.id, printerId, error } }),
        );
        throw new Error(error);
      }
      // PDF fallback: a ZPL printer that is down (not one that reports paper out: that holds the
      // lane) sends this label and every label behind it, in order, to its fallback printer.
      const setup = printerSetup(ctx, printer);
      const fb = setup.fallbackPrinterId ? ctx.store.read.settings.printer(setup.fallbackPrinterId) : undefined;
      if (!fb || job.attempts < 1 || job.kind !== 'print.label' || !(err instanceof PrinterError) || hw.state(fb.id).paused) throw err;
      const fbBytes = await bytesFor(job, fb);
      let sent;
      try {
        sent = await transportOf(fb, printerSetup(ctx, fb), run, deps.tcp).send(fbBytes);
      } catch (fbErr) {
        throw new Error(`${err.message}; the fallback ${fb.name} failed too: ${fbErr instanceof Error ? fbErr.message : String(fbErr)}`);
      }
      return {
        result: { bytes: sent.bytes, ms: Math.round(sent.ms), printerId: fb.id, fallbackFrom: printerId },
        events: [...printed(job, fb.id), { type: 'print.jobs_moved', subject: printerId, payload: { from: printerId, to: fb.id, reason: 'fallback' } }],
      };
    }
  }

  async function bytesFor(job: PrintJob, printer: PrinterData): Promise<Buffer> {
    if (job.kind === 'print.testsheet') {
      if (printer.language !== 'zpl') throw new PermanentJobError(`The scanner test sheet is ZPL: print it on a ZPL printer (${printer.name} takes PDF).`);
      return Buffer.from(testSheetZpl(printerSetup(ctx, printer)), 'utf8');
    }
    if (job.kind === 'print.customs_form') {
      if (printer.language !== 'pdf') throw new PermanentJobError(`The CN23 is an A4 form: print it on a PDF printer (${printer.name} takes ZPL labels).`);
      const form = cn23ModelFor(ctx, job.payload.parcelId);
      if (!form)
        throw new PermanentJobError(`parcel ${job.payload.parcelId} needs no CN23 (its contents are under the CN22 limit, or its line carries no customs)`);
      return buildCn23Pdf(form);
    }
    const label = labelModelFor(ctx, job.payload.parcelId);
    if (!label) throw new PermanentJobError(`parcel ${job.payload.parcelId} does not exist`);
    return labelBytes(printer, printerSetup(ctx, printer), label);
  }

  function printed(job: PrintJob, printerId: string): EventDraft[] {
    if (job.kind !== 'print.label') return [];
    const parcelId = job.payload.parcelId;
    return [{ type: 'label.printed', subject: parcelId, payload: { parcelId, jobId: job.id, printerId } }];
  }
}
