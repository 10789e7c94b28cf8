// The exception queue and what a supervisor does with it: assign, contact the buyer, resolve with a
// reason (one or many at once). Each action is one event per exception, in one transaction.
import type { ExceptionRow, QueueFilter } from '../../../db/monitor/reader';
import type { EventDraft, JobDraft } from '../../../db/event-types';
import { badInput, conflict, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf, type ServiceContext } from '../../core/context';
import { parcelContext, templateFacts } from './facts';
import { renderTemplate } from './templates';

const H = 3_600_000;

export function exceptionView(e: ExceptionRow, nowMs: number) {
  return {
    ...e,
    ageHours: Math.round(((nowMs - Date.parse(e.openedAt)) / H) * 10) / 10,
    overdue: e.status === 'open' && Date.parse(e.dueAt) <= nowMs,
  };
}

export function queue(ctx: ServiceContext, f: QueueFilter) {
  const r = ctx.store.read.monitor;
  const now = ctx.clock.now().getTime();
  return { rows: r.queue(f).map((e) => exceptionView(e, now)), counts: r.openCounts(), owners: r.owners() };
}

/** The exceptions named, all still open, or a refusal naming the ones that are not. */
function openOnes(ctx: ServiceContext, ids: string[]): ExceptionRow[] {
  if (!ids.length) throw badInput('Select at least one exception first.');
  const r = ctx.store.read.monitor;
  const rows = ids.map((id) => ({ id, row: r.exception(id) }));
  const missing = rows.filter((x) => !x.row).map((x) => x.id);
  if (missing.length) throw notFound(`Exception${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, 'Reload the queue and select again.');
  const closed = rows.filter((x) => x.row!.status !== 'open').map((x) => `${x.row!.orderName} (${x.row!.resolution})`);
  if (closed.length) throw conflict(`Already closed: ${closed.join(', ')}. Reload the queue; nothing was changed.`);
  return rows.map((x) => x.row!);
}

export function assign(ctx: ServiceContext, ids: string[], owner: string | null) {
  const rows = openOnes(ctx, ids);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => {
    for (const e of rows) emit({ type: 'monitor.exception_assigned', subject: e.parcelId, payload: { exceptionId: e.id, parcelId: e.parcelId, owner } });
  });
  return { updated: rows.length };
}

export function resolve(ctx: ServiceContext, ids: string[], reason: string) {
  const rows = openOnes(ctx, ids);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => {
    for (const e of rows) emit({ type: 'monitor.exception_resolved', subject: e.parcelId, payload: { exceptionId: e.id, parcelId: e.parcelId, reason } });
  });
  return { updated: rows.length };
}

/** The message for one exception (or a parcel without one), ready to edit. */
export function contactPreview(ctx: ServiceContext, input: { exceptionId?: string; parcelId?: string }) {
  const r = ctx.store.read.monitor;
  const exc = input.exceptionId ? r.exception(input.exceptionId) : undefined;
  if (input.exceptionId && !exc) throw notFound(`Exception ${input.exceptionId}`, 'Reload the queue and select again.');
  const parcelId = exc?.parcelId ?? input.parcelId;
  if (!parcelId) throw badInput('Name an exception or a parcel to write about.');
  const pc = parcelContext(ctx, parcelId);
  const cause = exc?.cause ?? 'no_first_scan';
  const msg = renderTemplate(cause, templateFacts(ctx, pc));
  return { exceptionId: exc?.id ?? null, parcelId, cause, to: pc.order.email ?? '', ...msg };
}

export function contact(ctx: ServiceContext, input: { exceptionIds?: string[]; parcelId?: string; subject?: string; body?: string }) {
  const items: Array<{ exceptionId?: string; parcelId?: string }> = input.exceptionIds?.length
    ? input.exceptionIds.map((id) => ({ exceptionId: id }))
    : input.parcelId
      ? [{ parcelId: input.parcelId }]
      : [];
  if (!items.length) throw badInput('Select at least one exception (or a parcel) to contact its buyer.');
  if ((input.subject || input.body) && items.length > 1)
    throw badInput('An edited message goes to one buyer: send bulk messages from the templates, or select one exception.');
  if (input.exceptionIds?.length) openOnes(ctx, input.exceptionIds);
  const msgs = items.map((i) => contactPreview(ctx, i));
  const noMail = msgs.filter((m) => !m.to);
  if (noMail.length) {
    const names = noMail.map((m) => ctx.store.read.orders.get(ctx.store.read.parcels.get(m.parcelId)!.orderId)!.name);
    throw conflict(
      `No buyer e-mail on ${names.join(', ')}: contact ${noMail.length > 1 ? 'them' : 'the buyer'} through Shopify or by phone, then resolve with that reason. Nothing was sent.`,
    );
  }
  const at = ctx.clock.now();
  const events: EventDraft[] = msgs.map((m) => {
    const subject = input.subject?.trim() || m.subject;
    const body = input.body?.trim() || m.body;
    const job: JobDraft<'monitor.buyer_email'> = {
      id: newId('job', at),
      kind: 'monitor.buyer_email',
      target: 'mail',
      ref: m.parcelId,
      payload: { to: m.to, subject, body },
    };
    return {
      type: 'monitor.buyer_contacted',
      subject: m.parcelId,
      payload: { exceptionId: m.exceptionId, parcelId: m.parcelId, cause: m.cause, to: m.to, subject, body, jobs: [job] },
    };
  });
  ctx.store.write(actorOf(ctx), at, (emit) => events.forEach((e) => emit(e)));
  return { sent: events.length };
}
