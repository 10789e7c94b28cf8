import type { EventDraft, EventType, StoredEvent } from '../../../db/event-types';
import { conflict, notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { cn23ModelFor, documentPrinter, planCustomsForm } from '../devices/printing/customs-form';
import { buildCn23Pdf } from '../devices/labels/cn23';
import { declare } from '../lines/customs/declare';
import { shippedItems } from '../devices/printing/label-model';

type Emit = <E extends EventType>(d: EventDraft<E>) => StoredEvent<E>;

/** At issue: the CN23 of each parcel that needs one goes to the document printer in the same transaction. */
export function queueCustomsForms(ctx: ServiceContext, emit: Emit, parcelIds: string[], at: Date): void {
  for (const parcelId of parcelIds) {
    const jobs = planCustomsForm(ctx, parcelId, at);
    if (jobs.length) emit({ type: 'customs.form_queued', subject: parcelId, payload: { parcelId, form: 'CN23', reason: 'with the labels', jobs } });
  }
}

/** The customs form of a parcel, from the items it carries: which form, its items, value. */
export function customsFormOf(ctx: ServiceContext, parcelId: string) {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) throw notFound(`Parcel ${parcelId}`, 'Scan its label or pick it from the Parcels list.');
  const line = ctx.store.read.lines.get(parcel.lineId);
  const enabled = !!ctx.store.read.devices.lineCustoms(parcel.lineId)?.enabled || !!ctx.store.read.pack.rules(`line:${parcel.lineId}`)?.needsCustoms;
  if (!line || !enabled) return { form: null, items: [], value: 0, currency: '' };
  const { declaration } = declare(ctx, line.id, shippedItems(ctx, parcel.orderId, parcel.shipLines), false);
  return {
    form: declaration.form,
    items: declaration.items.map((i) => ({ description: i.description, quantity: i.quantity, value: i.value, hsCode: i.hsCode ?? null, origin: i.origin })),
    value: Math.round(declaration.items.reduce((n, i) => n + i.value, 0) * 100) / 100,
    currency: declaration.currency,
  };
}

/** Print a parcel's CN23 again (from the bench or the parcel), through the printer's outbox lane. */
export function printCustomsForm(ctx: ServiceContext, parcelId: string, reason: string) {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) throw notFound(`Parcel ${parcelId}`, 'Scan its label or pick it from the Parcels list.');
  if (!cn23ModelFor(ctx, parcelId))
    throw conflict(
      `${parcel.trackingNumber} needs no CN23: its contents are under the CN22 limit (the CN22 is on its label) or its line carries no customs. Reprint the label instead.`,
    );
  const printer = documentPrinter(ctx);
  if (!printer) throw conflict('No PDF printer is set up for the CN23 (an A4 form). Add one in Setup → Printers (language PDF), then print again.');
  const at = ctx.clock.now();
  ctx.store.write(actorOf(ctx), at, (emit) =>
    emit({ type: 'customs.form_queued', subject: parcelId, payload: { parcelId, form: 'CN23', reason, jobs: planCustomsForm(ctx, parcelId, at) } }),
  );
  return { message: `CN23 for ${parcel.trackingNumber} sent to ${printer.name}.` };
}

/** The CN23 of a parcel as a PDF, to look at or save. */
export async function customsFormPdf(ctx: ServiceContext, parcelId: string) {
  const form = cn23ModelFor(ctx, parcelId);
  if (!form) throw conflict('This parcel needs no CN23: its contents are under the CN22 limit, or its line carries no customs.');
  return { fileName: `CN23-${form.orderName.replace(/[^\w-]+/g, '')}-${form.trackingNumber}.pdf`, pdfBase64: (await buildCn23Pdf(form)).toString('base64') };
}
