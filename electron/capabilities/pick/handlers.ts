import { notFound } from '../../core/errors';
import type { Capability } from '../../app/capability';
import { scan, reprint } from './scan';
import { pickStats } from './stats';
import { parcelView } from './view';
import { jobView } from '../devices/printing/retry';
import { pickSlipStores } from './stores';
import { renderBarcodePng } from '../devices/labels/barcode';
import { relinkParcel } from './relink';

export const pickCapability: Capability = {
  name: 'pick',
  handlers: ({ ctx }) => ({
    'pick.scan': ({ code, choice }) => scan(ctx, code, choice),
    'pick.stores': async () =>
      Promise.all(
        pickSlipStores(ctx).map(async (s) => ({ ...s, pngBase64: (await renderBarcodePng(s.barcode, { scale: 3, heightMm: 12 })).png.toString('base64') })),
      ),
    'pick.reprint': ({ parcelId, reason }) => {
      const parcel = ctx.store.read.parcels.get(parcelId);
      if (!parcel) throw notFound(`Parcel ${parcelId}`, 'Scan its label or find it in Parcels.');
      return reprint(ctx, parcel, reason);
    },
    'pick.stats': () => pickStats(ctx),
    'parcel.relink': (input) => relinkParcel(ctx, input),
    'parcels.list': (q) => {
      const { rows, total } = ctx.store.read.parcels.list(q);
      return { rows: rows.map(parcelView), total };
    },
    'parcels.get': ({ id }) => {
      const parcel = ctx.store.read.parcels.get(id) ?? ctx.store.read.parcels.byTracking(id);
      if (!parcel) throw notFound(`Parcel ${id}`, 'Check the number, or search in Parcels.');
      const order = ctx.store.read.orders.get(parcel.orderId)!;
      return {
        parcel: parcelView(parcel),
        order: { id: order.id, name: order.name, status: order.status, shipTo: order.shipTo, items: ctx.store.read.orders.items(order.id) },
        events: ctx.store.read.events.about([parcel.id, order.id]),
        jobs: (() => {
          const hot = ctx.store.read.jobs.forRef(parcel.id);
          const ids = new Set(hot.map((j) => j.id));
          return [...ctx.store.read.retention.archivedJobs(parcel.id).filter((j) => !ids.has(j.id)), ...hot].map(jobView);
        })(),
        archived: ctx.store.read.retention.archivedOf(parcel.id),
      };
    },
  }),
};
