import type { JobDraft, PrinterData } from '../../../../db/event-types';
import { newId } from '../../../core/ids';
import { siteInfo, stationSettings, type ServiceContext } from '../../../core/context';
import { declare } from '../../lines/customs/declare';
import { localDate } from '../../station/zone';
import type { Cn23Model } from '../labels/cn23';
import { printerLane } from './health';
import { printerSetup } from './setup';
import { shippedItems } from './label-model';

/**
 * The CN23 of a parcel: only the items this parcel carries (a split order's parcel declares its own),
 * null when the parcel's line carries no customs or its contents stay under the CN22 limit.
 */
export function cn23ModelFor(ctx: ServiceContext, parcelId: string): Cn23Model | null {
  const parcel = ctx.store.read.parcels.get(parcelId);
  if (!parcel) return null;
  const line = ctx.store.read.lines.get(parcel.lineId);
  if (!line) return null;
  const customs = ctx.store.read.devices.lineCustoms(line.id);
  if (!customs?.enabled && !ctx.store.read.pack.rules(`line:${line.id}`)?.needsCustoms) return null;
  const order = ctx.store.read.orders.get(parcel.orderId)!;
  const { declaration } = declare(ctx, line.id, shippedItems(ctx, order.id, parcel.shipLines), false);
  if (declaration.form !== 'CN23') return null;
  const site = siteInfo(ctx);
  const net = declaration.items.reduce((n, i) => n + i.weightKg, 0);
  return {
    parcelId,
    trackingNumber: parcel.trackingNumber,
    orderName: order.name,
    ...(parcel.piece && parcel.pieces ? { piece: { index: parcel.piece, count: parcel.pieces } } : {}),
    sender: site.shipFrom,
    addressee: order.shipTo,
    declaration,
    totalWeightKg: parcel.weightG !== null ? parcel.weightG / 1000 : Math.round(net * 1000) / 1000,
    totalValue: Math.round(declaration.items.reduce((n, i) => n + i.value, 0) * 100) / 100,
    // Signed for the sender by who packed the parcel (an operator's name), else the sender itself.
    signedBy: ctx.store.read.operators.byId(parcel.pickedBy)?.name ?? site.shipFrom.company ?? site.shipFrom.name,
    date: localDate(new Date(parcel.pickedAt), site.zone),
  };
}

/**
 * Where a CN23 prints: an A4 form, so a PDF printer: the station's own when it takes PDF, else its
 * label printer's PDF fallback, else the site's first PDF printer. Null: none is set up.
 */
export function documentPrinter(ctx: ServiceContext): PrinterData | null {
  const printers = ctx.store.read.settings.printers();
  const own = stationSettings(ctx).printerId;
  const mine = own ? printers.find((p) => p.id === own) : undefined;
  if (mine?.language === 'pdf') return mine;
  const fb = mine ? printerSetup(ctx, mine).fallbackPrinterId : null;
  const fallback = fb ? printers.find((p) => p.id === fb && p.language === 'pdf') : undefined;
  return fallback ?? printers.find((p) => p.language === 'pdf') ?? null;
}

/** The job that prints a parcel's CN23 on the document printer; none when the parcel needs no CN23. */
export function planCustomsForm(ctx: ServiceContext, parcelId: string, at: Date): JobDraft[] {
  if (!cn23ModelFor(ctx, parcelId)) return [];
  const printer = documentPrinter(ctx);
  return [
    {
      id: newId('job', at),
      kind: 'print.customs_form',
      target: printerLane(printer?.id ?? null),
      ref: parcelId,
      payload: { parcelId, printerId: printer?.id ?? null },
    },
  ];
}
