import type { AppEnv, Capability } from '../../app/capability';
import { nodeHidScaleSource } from '../../../native/scales/hid-source';
import { fakeScaleSource } from '../../../native/scales/fake';
import { RECORDINGS } from '../../../native/scales/recordings';
import type { ScaleSource } from '../../../native/scales/device';
import { ScaleHub } from './scale';
import { BAUD_RATES, SCALE_PROTOCOLS, saveSerialScale, savedSerialScale, serialOpener, serialPorts } from './scale-settings';
import { fakeSerialScaleBinding } from '../../../native/scales/fake-serial';
import { systemSerialBinding } from '../../../native/scanners/serial';
import { packGate } from './session';
import { actorOf } from '../../core/context';
import { packView } from './view';
import { benchScan } from './bench-scan';
import { setParcels } from './parcels';
import { weighFromScale, weighTyped } from './weigh';
import { printLabels } from './label';
import { removeRules, saveRules } from './rules';
import { customsFormOf, customsFormPdf, printCustomsForm } from './customs-form';
import { BatchRunner, batchView, startBatch } from './batch';
import { customsSkus, importCustomsCsv } from '../lines/customs/skus';

interface PackRuntime {
  scale: ScaleHub;
  batches: BatchRunner;
  serial: Promise<SerialBinding | null>;
}

export interface PackOptions {
  /** Where scales come from; default node-hid HID scales (FIRSTSCAN_FAKE_SCALE=<recording>: the fake one; FIRSTSCAN_HARDWARE=off: none). */
  scales?: () => ScaleSource[];
  /** The serial ports a serial scale is set up on; default the machine's (FIRSTSCAN_FAKE_SERIAL_SCALE=<recording>: a fake port playing it). */
  serialBinding?: () => Promise<SerialBinding | null>;
}

type SerialBinding = Parameters<typeof serialOpener>[0];

function systemSerial(): Promise<SerialBinding | null> {
  const fake = process.env.FIRSTSCAN_FAKE_SERIAL_SCALE;
  if (fake && fake in RECORDINGS) return Promise.resolve(fakeSerialScaleBinding(fake));
  if (process.env.FIRSTSCAN_HARDWARE === 'off') return Promise.resolve(null);
  return systemSerialBinding();
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
      r = { scale: new ScaleHub((opts.scales ?? systemScales)()), batches: new BatchRunner(env.ctx), serial: (opts.serialBinding ?? systemSerial)() };
      runtimes.set(env, r);
    }
    return r;
  };
  return {
    name: 'pack',
    pickGates: [packGate],
    start(env) {
      const r = rt(env);
      const saved = savedSerialScale(env.ctx);
      // A serial scale set up on this station opens first (its problem shows on the bench and in Devices).
      if (saved) void r.serial.then((b) => (b ? r.scale.useSerial(serialOpener(b, saved), saved.path) : null)).catch(() => undefined);
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
        'pack.label': (req) => {
          const out = printLabels(ctx, req);
          // A supervisor's override is a one-off: the bench goes back to whom it was taken from.
          const back = req.override ? env.sessions.handBack(actorOf(ctx)) : null;
          return back ? { ...out, message: `${out.message} ${back.message}`, handBack: { supervisor: back.supervisor, operator: back.operator } } : out;
        },
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
        'pack.scaleSettings': async () => {
          const binding = await rt(env).serial;
          return {
            serial: savedSerialScale(ctx),
            protocols: SCALE_PROTOCOLS,
            baudRates: [...BAUD_RATES],
            ports: await serialPorts(binding),
            serialAvailable: !!binding,
          };
        },
        'pack.scaleSave': async ({ serial }) => saveSerialScale(ctx, rt(env).scale, await rt(env).serial, serial),
        'pack.rules': () => ctx.store.read.pack.allRules(),
        'pack.rulesSave': (rules) => saveRules(ctx, rules),
        'pack.rulesRemove': ({ scope }) => removeRules(ctx, scope),
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
