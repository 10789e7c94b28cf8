import type { OrderRow } from '../../../db/orders/reader';
import type { ParcelRow } from '../../../db/pick/reader';
import { newId } from '../../core/ids';
import { numbersLowWarning } from '../lines/status';
import { actorOf, stationSettings, type ServiceContext } from '../../core/context';
import { emitPicked } from './emit-picked';
import { gatePick, planJobs } from '../../core/planners';
import { resolveScan } from './resolve';
import { parcelView, shipToLine } from './view';
import { isStoreBarcode, storeBarcode, storeName } from './stores';
import { printerWarning } from '../devices/printing/health';
import type { Output } from '../../contract/channels';
import { DiskFullError } from '../../../db/core/disk';
import { heldLabelVerdict } from '../backup/held-label';

type PickResult = Output<'pick.scan'>;
type RefusalCode = Extract<PickResult, { outcome: 'refused' }>['code'];

function refuse(ctx: ServiceContext, code: string, refusal: RefusalCode, message: string, next: string, orderId?: string): PickResult {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'scan.refused', subject: orderId ?? null, payload: { code, reason: refusal, orderId } }),
  );
  return { outcome: 'refused', code: refusal, message, next };
}

/**
 * The pick station's one verb. Only after the commit does the screen turn green. `choice` answers an
 * ambiguous code: the order the picker touched, or the pick-slip barcode of its store. A full disk
 * refuses the scan (nothing was issued) with what to do, never "try again".
 */
export function scan(ctx: ServiceContext, code: string, choice?: string): PickResult {
  const restore = ctx.store.read.backup.restorePending();
  if (restore)
    return {
      outcome: 'refused',
      code: 'restore_unconfirmed',
      message: 'Restored from a backup: no number until a supervisor confirms where the numbers continue.',
      next: `Call your supervisor: F7 Devices → Backup → Confirm the numbers (backup ${restore.file}). Then scan this order again.`,
    };
  try {
    return scanOnce(ctx, code, choice);
  } catch (err) {
    if (!(err instanceof DiskFullError)) throw err;
    return {
      outcome: 'refused',
      code: 'disk_full',
      message: err.message,
      next: `Nothing was issued. Free space on ${err.drive} (or call your supervisor), then scan this order again.`,
    };
  }
}

function scanOnce(ctx: ServiceContext, code: string, choice?: string): PickResult {
  const r = resolveScan(ctx.store, code);
  if (r.kind === 'parcel') return reprint(ctx, r.parcel, 'label rescanned at pick');
  if (r.kind === 'unknown') {
    const held = heldLabelVerdict(ctx, [code.trim(), code.trim().toUpperCase().replace(/\s+/g, '')]);
    if (held) return refuse(ctx, code, 'held_after_restore', held.message, held.next);
    if (isStoreBarcode(code))
      return refuse(
        ctx,
        code,
        'unknown',
        `"${code}" is a store's pick-slip barcode, not an order.`,
        'Scan the order number first. If the console then asks which store, scan this barcode again.',
      );
    return refuse(
      ctx,
      code,
      'unknown',
      `"${code}" is not an open order, an item of one, or a parcel label.`,
      'Check the pick slip and scan the order number. If the order is new, import or sync orders first.',
    );
  }
  if (r.kind === 'ambiguous') {
    const chosen = choice ? r.orders.filter((o) => o.id === choice || storeBarcode(o.store) === choice.trim().toUpperCase()) : [];
    if (chosen.length === 1) return pickOrder(ctx, chosen[0], code);
    return ambiguous(ctx, code, r.orders, choice);
  }
  return pickOrder(ctx, r.order, code);
}

function ambiguous(ctx: ServiceContext, code: string, orders: OrderRow[], choice?: string): PickResult {
  const stores = new Set(orders.map((o) => o.store));
  const byName = orders.every((o) => o.name === orders[0].name);
  const open = orders.every((o) => o.status === 'open');
  const which = byName && stores.size === orders.length;
  const missed = choice ? `"${choice}" is not one of these. ` : '';
  return {
    outcome: 'ambiguous',
    message: which
      ? `${orders[0].name} is ${open ? 'an open order' : 'an order'} of ${orders.length} stores.`
      : `"${code}" is on ${orders.length} ${open ? 'open ' : ''}orders.`,
    next: which
      ? `${missed}Touch the order of the store on the pick slip, or scan the store's barcode on the slip.`
      : `${missed}Touch the right order below, or scan the order number from the pick slip instead.`,
    candidates: orders.slice(0, 20).map((o) => ({
      orderId: o.id,
      orderName: o.name,
      shipToName: o.shipTo.name,
      store: storeName(ctx, o.store),
      storeBarcode: storeBarcode(o.store),
      status: o.status,
    })),
  };
}

function pickOrder(ctx: ServiceContext, order: OrderRow, scanned: string): PickResult {
  switch (order.status) {
    case 'picked': {
      const [parcel] = ctx.store.read.parcels.forOrder(order.id);
      return reprint(ctx, parcel, 'order rescanned at pick');
    }
    case 'shipped':
      return refuse(
        ctx,
        scanned,
        'shipped',
        `Order ${order.name} has already been handed to the carrier.`,
        'Put the goods aside and tell your supervisor: this may be a duplicate.',
        order.id,
      );
    case 'cancelled':
      return refuse(
        ctx,
        scanned,
        'cancelled',
        `Order ${order.name} was cancelled${order.statusNote ? `: ${order.statusNote}` : ''}.`,
        'Do not pack it. Return the goods to stock.',
        order.id,
      );
    case 'on_hold':
      return refuse(
        ctx,
        scanned,
        'on_hold',
        `Order ${order.name} is on hold${order.statusNote ? `: ${order.statusNote}` : ''}.`,
        'Set it aside on the hold shelf; a supervisor releases it.',
        order.id,
      );
    case 'open':
      break;
  }
  const line = order.lineId ? ctx.store.read.lines.get(order.lineId) : undefined;
  if (!line || !line.active)
    return refuse(
      ctx,
      scanned,
      'no_line',
      `Order ${order.name} has no active carrier line.`,
      'Ask a supervisor to assign a carrier line to the order, then scan again.',
      order.id,
    );
  const bench = gatePick(ctx, order, line.id);
  if (bench) return { outcome: 'pack', ...bench };

  const station = stationSettings(ctx);
  const at = ctx.clock.now();
  const parcelId = newId('pcl', at);
  const picked = ctx.store.write(actorOf(ctx), at, (emit) => {
    // Another station or process may have picked it since we looked: decide again inside the lock.
    if (ctx.store.read.orders.status(order.id) !== 'open') return 'changed' as const;
    if (emitPicked(ctx, emit, { parcelId, order, line, printerId: station.printerId, scanned, at }) === null) return null;
    return true;
  });
  if (picked === 'changed') return pickOrder(ctx, ctx.store.read.orders.get(order.id)!, scanned);
  if (!picked)
    return ctx.store.site.blocks
      ? refuse(
          ctx,
          scanned,
          'out_of_numbers',
          `This station has no ${line.name} numbers in hand.`,
          'It gets a new block from the site server as soon as it reaches it: check the network (Site status), then scan again. Other stations can still pick this order.',
          order.id,
        )
      : refuse(
          ctx,
          scanned,
          'out_of_numbers',
          `${line.name} has no tracking numbers left.`,
          line.numberSource === 'pool'
            ? 'Import a new pool of numbers from the carrier for this line in Setup, then scan again.'
            : 'Add a new number range from the carrier for this line in Setup, then scan again.',
          order.id,
        );

  const parcel = ctx.store.read.parcels.get(parcelId)!;
  return {
    outcome: 'issued',
    parcel: parcelView(parcel),
    carrier: line.carrier,
    shipTo: shipToLine(ctx, order.id),
    warnings: warningsFor(ctx, parcel),
  };
}

export function reprint(ctx: ServiceContext, parcel: ParcelRow, reason: string): PickResult {
  const station = stationSettings(ctx);
  const at = ctx.clock.now();
  const order = ctx.store.read.orders.get(parcel.orderId)!;
  const printerId = station.printerId ?? parcel.printerId;
  ctx.store.write(actorOf(ctx), at, (emit) => {
    const jobs = planJobs(ctx, { parcelId: parcel.id, order, lineId: parcel.lineId, trackingNumber: parcel.trackingNumber, printerId }, at).filter((j) =>
      j.kind.startsWith('print.'),
    );
    emit({ type: 'parcel.reprinted', subject: parcel.id, payload: { parcelId: parcel.id, reason, jobs } });
  });
  const fresh = ctx.store.read.parcels.get(parcel.id)!;
  const line = ctx.store.read.lines.get(parcel.lineId)!;
  return {
    outcome: 'reprinted',
    parcel: parcelView(fresh),
    carrier: line.carrier,
    shipTo: shipToLine(ctx, order.id),
    reason,
    warnings: warningsFor(ctx, fresh),
  };
}

function warningsFor(ctx: ServiceContext, parcel: ParcelRow) {
  const line = ctx.store.read.lines.get(parcel.lineId)!;
  return [numbersLowWarning(ctx, line), printerWarning(ctx, stationSettings(ctx).printerId)].filter((w) => w !== null);
}
