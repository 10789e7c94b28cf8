import type { PrintJobRow } from '../../../../db/devices/reader';
import { badInput, conflict, notFound } from '../../../core/errors';
import { actorOf, type ServiceContext } from '../../../core/context';
import { printerLane, problemText } from './health';

function printerOrThrow(ctx: ServiceContext, id: string) {
  const p = ctx.store.read.settings.printer(id);
  if (!p) throw notFound(`Printer "${id}"`, 'Choose one from the list on the Devices screen.');
  return p;
}

export function pausePrinter(ctx: ServiceContext, printerId: string, note?: string) {
  printerOrThrow(ctx, printerId);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'printer.paused', subject: printerId, payload: note ? { printerId, note } : { printerId } }),
  );
  return printerQueue(ctx, printerId);
}

export function resumePrinter(ctx: ServiceContext, printerId: string) {
  printerOrThrow(ctx, printerId);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'printer.resumed', subject: printerId, payload: { printerId } }));
  return printerQueue(ctx, printerId);
}

/** Every waiting label of one printer goes to another, keeping their order. */
export function moveJobs(ctx: ServiceContext, from: string, to: string) {
  printerOrThrow(ctx, from);
  printerOrThrow(ctx, to);
  if (from === to) throw badInput('Choose a different printer to move the labels to.');
  const holds = ctx.store.read.devices.holds(from);
  if (holds.length) throw conflict('First answer whether the last label printed (Pick or Devices screen); then move the rest.');
  const moved = ctx.store.read.jobs.laneDepth(printerLane(from));
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'print.jobs_moved', subject: from, payload: { from, to, reason: 'operator' } }));
  return { moved };
}

/** A person answers "did that label print?" for a label the printer took without confirming. */
export function confirmPrint(ctx: ServiceContext, jobId: string, printed: boolean) {
  const hold = ctx.store.read.devices.holds().find((h) => h.jobId === jobId);
  if (!hold) throw notFound(`An open question for job ${jobId}`, 'It was already answered; refresh the screen.');
  const job = ctx.store.read.jobs.get(jobId)!;
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => {
    if (printed) {
      emit({
        type: 'job.succeeded',
        subject: job.ref ?? job.id,
        payload: { jobId, ref: job.ref, result: { printerId: hold.printerId, confirmedBy: actorOf(ctx) } },
      });
      if (job.kind === 'print.label' && job.ref)
        emit({ type: 'label.printed', subject: job.ref, payload: { parcelId: job.ref, jobId, printerId: hold.printerId } });
    }
    emit({ type: 'print.confirmed', subject: job.ref ?? job.id, payload: { jobId, printerId: hold.printerId, printed } });
  });
  return { jobId, printed };
}

export type PrintJobStatus = 'queued' | 'sending' | 'printed' | 'failed' | 'held' | 'printed?' | 'dead';

/** One label job as a person reads it. */
export function printJobView(ctx: ServiceContext, j: PrintJobRow) {
  const tracking = j.parcelId ? (ctx.store.read.parcels.get(j.parcelId)?.trackingNumber ?? null) : null;
  let status: PrintJobStatus;
  if (j.status === 'done') status = 'printed';
  else if (j.status === 'dead') status = 'dead';
  else if (j.unconfirmed) status = 'printed?';
  else if (j.sending) status = 'sending';
  else if (j.held) status = 'held';
  else if (j.lastError) status = 'failed';
  else status = 'queued';
  return {
    id: j.id,
    kind: j.kind,
    printerId: j.printerId,
    parcelId: j.parcelId,
    tracking,
    status,
    reason: j.unconfirmed ?? j.lastError,
    attempts: j.attempts,
    createdAt: j.createdAt,
    doneAt: j.doneAt,
    printedOn: (j.result?.printerId as string | undefined) ?? null,
  };
}

export function printJobs(ctx: ServiceContext, q: { printerId?: string; limit: number }) {
  return ctx.store.read.devices.printJobs({ ...q, now: ctx.clock.now().toISOString() }).map((j) => printJobView(ctx, j));
}

/** What the Pick screen shows before the picker scans: can this printer print right now? */
export function printerQueue(ctx: ServiceContext, printerId: string) {
  const printer = printerOrThrow(ctx, printerId);
  const hw = ctx.store.read.devices;
  const state = hw.state(printerId);
  const lane = printerLane(printerId);
  const failing = ctx.store.read.jobs.laneError(lane);
  const questions = hw.holds(printerId).map((h) => ({ ...h, tracking: h.parcelId ? (ctx.store.read.parcels.get(h.parcelId)?.trackingNumber ?? null) : null }));
  let level: 'ok' | 'warn' | 'bad';
  let message: string;
  if (questions.length) {
    level = 'bad';
    // A label set aside after a crash does not hold the lane: the next labels print meanwhile.
    const aside = ctx.store.read.jobs.get(questions[0].jobId)?.target.endsWith(':aside');
    message = aside
      ? `The console stopped while sending label ${questions[0].tracking ?? ''} to ${printer.name}. Did it come out? Answer when you can; the next labels print meanwhile.`
      : `Did the label ${questions[0].tracking ?? ''} come out of ${printer.name}? Answer before scanning on.`;
  } else if (state.problems.length) {
    level = 'bad';
    message = `${printer.name}: ${problemText(state.problems)}. Labels wait and print in order when it is ready.`;
  } else if (state.paused) {
    level = 'warn';
    message = `${printer.name} is paused. Labels wait in the queue; resume it in Devices.`;
  } else if (state.divertedTo) {
    level = 'warn';
    message = `${printer.name} is down: labels print on ${ctx.store.read.settings.printer(state.divertedTo)?.name ?? state.divertedTo} (PDF) until it is back.`;
  } else if (failing) {
    level = 'bad';
    message = `${printer.name} is not printing (${failing}).`;
  } else if (state.health === 'unreachable') {
    level = 'warn';
    message = `${printer.name} does not answer status checks: ${state.healthNote ?? 'check power and cable'}.`;
  } else {
    level = 'ok';
    message = state.health === 'ok' ? `${printer.name} is ready.` : `${printer.name}: no status reported (labels print as usual).`;
  }
  return {
    printerId,
    name: printer.name,
    level,
    message,
    health: state.health,
    problems: state.problems,
    paused: state.paused,
    divertedTo: state.divertedTo,
    queued: ctx.store.read.jobs.laneDepth(lane),
    checkedAt: state.healthAt,
    questions,
  };
}
