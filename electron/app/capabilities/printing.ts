import { notFound } from '../../core/errors';
import type { Capability } from '../capability';
import { labelModelFor } from '../../services/printing/label-model';
import { buildZpl } from '../../services/labels/zpl';
import { renderZplPng } from '../../services/labels/preview';
import { listPrinters, savePrinter } from '../../services/printing/printers';
import { jobView, retryJob } from '../../services/printing/retry';
import { printPlanner } from '../../services/printing/planner';
import { printJobHandler } from '../../services/printing/handler';

export const printingCapability: Capability = {
  name: 'printing',
  planners: [printPlanner],
  jobHandlers: ({ ctx }) => [printJobHandler(ctx)],
  handlers: ({ ctx }) => ({
    'labels.preview': async ({ parcelId }) => {
      const model = labelModelFor(ctx, parcelId);
      if (!model) throw notFound(`Parcel ${parcelId}`, 'Scan its label or find it in Parcels.');
      const zpl = buildZpl(model);
      const png = await renderZplPng(zpl);
      return { zpl, pngBase64: png.toString('base64') };
    },
    'printers.list': () => listPrinters(ctx),
    'printers.save': (p) => savePrinter(ctx, p),
    'jobs.list': ({ status, kind, limit }) => ctx.store.jobs.list({ status, kindPrefix: kind, limit }).map(jobView),
    'jobs.retry': ({ id }) => jobView(retryJob(ctx, id)),
  }),
};
