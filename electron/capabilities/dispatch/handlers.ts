import type { Capability } from '../../app/capability';
import { dispatchBoard } from './board';
import { carrierJobHandler } from './carrier';
import { handoverByScan } from './handover';
import { closeManifest, reopenManifest, unloadParcel, voidManifest } from './lifecycle';
import { dispatchScan } from './load';
import { manifestCsv } from './manifest-csv';
import { manifestPdf } from './manifest-pdf';
import { openManifest } from './open';
import { resolveDiscrepancy, voidParcel } from './reconcile';
import { saveRules } from './rules';
import { manifestDetail } from './view';

export const dispatchCapability: Capability = {
  name: 'dispatch',
  jobHandlers: ({ ctx }) => [carrierJobHandler(ctx)],
  handlers: ({ ctx }) => ({
    'dispatch.board': () => dispatchBoard(ctx),
    'dispatch.rules.save': (rules) => saveRules(ctx, rules),
    'dispatch.open': ({ lineId, pickupDate }) => openManifest(ctx, lineId, pickupDate),
    'dispatch.manifest': ({ manifestId, recent }) => manifestDetail(ctx, manifestId, recent),
    'dispatch.scan': ({ manifestId, code, weightGrams }) => dispatchScan(ctx, manifestId, code, weightGrams),
    'dispatch.unload': ({ manifestId, parcelId, reason }) => unloadParcel(ctx, manifestId, parcelId, reason),
    'dispatch.close': ({ manifestId }) => closeManifest(ctx, manifestId),
    'dispatch.reopen': ({ manifestId, reason }) => reopenManifest(ctx, manifestId, reason),
    'dispatch.void': ({ manifestId, reason }) => voidManifest(ctx, manifestId, reason),
    'dispatch.pdf': async ({ manifestId }) => {
      const { fileName, pdf } = await manifestPdf(ctx, manifestId);
      return { fileName, pdfBase64: pdf.toString('base64') };
    },
    'dispatch.csv': ({ manifestId }) => manifestCsv(ctx, manifestId),
    'dispatch.handover': ({ code, driver, via }) => handoverByScan(ctx, code, driver, via),
    'dispatch.resolve': ({ id, resolution, note }) => resolveDiscrepancy(ctx, id, resolution, note),
    'dispatch.voidParcel': ({ parcelId, reason }) => voidParcel(ctx, parcelId, reason),
  }),
};
