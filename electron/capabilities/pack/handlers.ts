import type { AppEnv, Capability } from '../../app/capability';
import { nodeHidScaleSource } from '../../../native/scales/hid-source';
import { fakeScaleSource } from '../../../native/scales/fake';
import { RECORDINGS } from '../../../native/scales/recordings';
import type { ScaleSource } from '../../../native/scales/device';
import { packReader } from '../../../db/pack/reader';
import { ScaleHub } from './scale';
import { packGate } from './session';
import { packView } from './view';
import { benchScan } from './bench-scan';
import { setParcels } from './parcels';
import { weighFromScale, weighTyped } from './weigh';
import { printLabels } from './label';
import { saveRules } from './rules';
import { customsFormOf, customsFormPdf, printCustomsForm } from './customs-form';
import { BatchRunner, batchView, startBatch } from './batch';
import { customsSkus, importCustomsCsv } from '../lines/customs/skus';

interface PackRuntime {
  scale: ScaleHub;
  batches: BatchRunner;
}

export interface PackOptions {
  /** Where scales come from; default node-hid HID scales (FIRSTSCAN_FAKE_SCALE=<recording>: the fake one; FIRSTSCAN_HARDWARE=off: none). */
  scales?: () => ScaleSource[];
}

function systemScales(): ScaleSource[] {
  const fake = process.env.FIRSTSCAN_FAKE_SCALE;
  if (fake && fake in RECORDINGS) return [fakeScaleSource(fake, 1000)];
  if (process.env.FIRSTSCAN_HARDWARE === 'off') return [];
  return [nodeHidScaleSource()];
}

/** One runtime per app (tests run several apps in one process). */
const runtimes = new WeakMap<AppEnv, PackRuntime>();

export function packCapabilityWith(opts: PackOptions = {}): Capability {
  const rt = (env: AppEnv): PackRuntime => {
    let r = runtimes.get(env);
    if (!r) {
      r = { scale: new ScaleHub((opts.scales ?? systemScales)()), batches: new BatchRunner(env.ctx) };
      runtimes.set(env, r);
    }
    return r;
  };
  return {
    name: 'pack',
    pickGates: [packGate],
    start(env) {
      const r = rt(env);
      r.scale.start();
      return () => r.scale.stop();
    },
    handlers: (env) => {
      const ctx = env.ctx;
      const batch = (batchId: string) => batchView(ctx, rt(env).batches, batchId);
      return {
        'pack.view': ({ orderId }) => packView(ctx, orderId),
        'pack.scan': ({ orderId, code }) => benchScan(ctx, rt(env).scale, orderId, code),
        'pack.parcels': ({ orderId, parcels }) => ({ parcels: setParcels(ctx, orderId, parcels) }),
        'pack.weigh': ({ orderId }) => weighFromScale(ctx, orderId, rt(env).scale),
        'pack.weighTyped': ({ orderId, grams }) => weighTyped(ctx, orderId, grams),
        'pack.label': (req) => printLabels(ctx, req),
        'pack.scale': () => rt(env).scale.status(),
        'pack.scaleZero': async ({ tare }) => {
          const w = rt(env).scale.current();
          if (!w) return { ok: false, message: 'No scale is connected. Plug the USB scale in, then try again.' };
          await (tare ? w.device.tare() : w.device.zero());
          w.clear();
          return { ok: true, message: tare ? 'Tare sent: the scale now weighs from what is on it.' : 'Zero sent: empty the scale before the next parcel.' };
        },
        'pack.customsForm': ({ parcelId }) => customsFormOf(ctx, parcelId),
        'pack.customsFormPrint': ({ parcelId, reason }) => printCustomsForm(ctx, parcelId, reason),
        'pack.customsFormPdf': ({ parcelId }) => customsFormPdf(ctx, parcelId),
        'pack.rules': () => ctx.store.read.pack.allRules(),
        'pack.rulesSave': (rules) => saveRules(ctx, rules),
        'customs.skus': () => customsSkus(ctx),
        'customs.import': ({ csv }) => ({ imported: importCustomsCsv(ctx, csv).imported }),
        'pack.batchStart': (f) => {
          const id = startBatch(ctx, f);
          void rt(env).batches.run(id);
          return batch(id);
        },
        'pack.batch': ({ batchId }) => batch(batchId),
        'pack.batches': () =>
          ctx.store.read.pack.batches().map((b) => {
            const { results: _r, ...rest } = batch(b.id);
            return rest;
          }),
        'pack.batchStop': ({ batchId }) => {
          rt(env).batches.stop(batchId);
          return batch(batchId);
        },
        'pack.batchResume': ({ batchId }) => {
          void rt(env).batches.run(batchId);
          return batch(batchId);
        },
      };
    },
  };
}

export const packCapability: Capability = packCapabilityWith();
