import type { Capability } from '../capability';
import { dispatchBoard } from '../../services/dispatch/board';
import { carrierJobHandler } from '../../services/dispatch/carrier';
import { handoverByScan } from '../../services/dispatch/handover';
import { closeManifest, reopenManifest, unloadParcel, voidManifest } from '../../services/dispatch/lifecycle';
import { dispatchScan } from '../../services/dispatch/load';
import { manifestCsv } from '../../services/dispatch/manifest-csv';
import { manifestPdf } from '../../services/dispatch/manifest-pdf';
import { openManifest } from '../../services/dispatch/open';
import { resolveDiscrepancy, voidParcel } from '../../services/dispatch/reconcile';
import { saveRules } from '../../services/dispatch/rules';
import { manifestDetail } from '../../services/dispatch/view';

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
