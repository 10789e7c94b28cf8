import { notFound, ApiError } from '../../../core/errors';
import type { AppEnv, Capability } from '../../../app/capability';
import { labelModelFor } from './label-model';
import { buildZpl } from '../labels/zpl';
import { renderZplPng } from '../labels/preview';
import { listPrinters, savePrinter } from './printers';
import { jobView, retryJob } from './retry';
import { printPlanner } from './planner';
import { printJobHandler, type PrintDeps } from './handler';
import { HealthPoller, type StatusQuery } from './poller';
import { configurePrinter, printerSetup } from './setup';
import { confirmPrint, moveJobs, pausePrinter, printerQueue, printJobs, resumePrinter } from './queue';
import { stationSettings } from '../../../core/context';
import { FakePrinter } from '../../../../native/printers/fake9100';

export interface PrintingOptions {
  /** ~HS poll interval (default 3 s). */
  healthIntervalMs?: number;
  statusQuery?: StatusQuery;
  run?: PrintDeps['run'];
  tcp?: PrintDeps['tcp'];
}

const pollers = new WeakMap<AppEnv, HealthPoller>();
const pollerOf = (env: AppEnv, opts: PrintingOptions) => {
  let p = pollers.get(env);
  if (!p) pollers.set(env, (p = new HealthPoller(env.ctx, { intervalMs: opts.healthIntervalMs, query: opts.statusQuery })));
  return p;
};

export function printingCapabilityWith(opts: PrintingOptions = {}): Capability {
  return {
    name: 'printing',
    planners: [printPlanner],
    jobHandlers: (env) => [printJobHandler(env.ctx, { run: opts.run, tcp: opts.tcp, onTrouble: (id) => void pollerOf(env, opts).poll(id) })],
    start(env) {
      const p = pollerOf(env, opts);
      p.start();
      return () => p.stop();
    },
    handlers: (env) => {
      const { ctx } = env;
      return {
        'labels.preview': async ({ parcelId }) => {
          const model = labelModelFor(ctx, parcelId);
          if (!model) throw notFound(`Parcel ${parcelId}`, 'Scan its label or find it in Parcels.');
          // The preview is the label as the station's printer gets it: its size and resolution.
          const printer = stationSettings(ctx).printerId ? ctx.store.read.settings.printer(stationSettings(ctx).printerId!) : undefined;
          const setup = printer ? printerSetup(ctx, printer) : { size: '4x6' as const, dpi: 203 as const };
          const zpl = buildZpl(model, { size: setup.size, dpi: setup.dpi });
          const png = await renderZplPng(zpl, { size: setup.size, dpi: setup.dpi });
          return { zpl, pngBase64: png.toString('base64') };
        },
        'printers.list': () => listPrinters(ctx),
        'printers.save': (p) => savePrinter(ctx, p),
        'jobs.list': ({ status, kind, limit }) => ctx.store.read.jobs.list({ status, kindPrefix: kind, limit }).map(jobView),
        'jobs.retry': ({ id }) => jobView(retryJob(ctx, id)),
        'printers.setup': ({ printerId }) => {
          const p = ctx.store.read.settings.printer(printerId);
          if (!p) throw notFound(`Printer "${printerId}"`, 'Add it in Setup first.');
          return printerSetup(ctx, p);
        },
        'printers.configure': ({ printerId, setup }) => configurePrinter(ctx, printerId, setup),
        'printers.health': ({ printerId }) => {
          const id = printerId ?? stationSettings(ctx).printerId;
          return id ? printerQueue(ctx, id) : null;
        },
        'printers.check': async ({ printerId }) => {
          await pollerOf(env, opts).poll(printerId);
          return printerQueue(ctx, printerId);
        },
        'printers.pause': ({ printerId, note }) => pausePrinter(ctx, printerId, note),
        'printers.resume': ({ printerId }) => resumePrinter(ctx, printerId),
        'printers.move': ({ from, to }) => moveJobs(ctx, from, to),
        'print.jobs': ({ printerId, limit }) => printJobs(ctx, { printerId, limit }),
        'print.confirm': ({ jobId, printed }) => confirmPrint(ctx, jobId, printed),
        'printers.simulate': async ({ printerId, mode, status }) => {
          // Refused like clock.set: only a console started with --test-clock lets tests break its demo printer.
          if (!env.testClock) throw new ApiError('FORBIDDEN', 'Printer simulation is only for a console started with --test-clock.');
          const p = ctx.store.read.settings.printer(printerId);
          const fake = p && FakePrinter.onPort(p.port);
          if (!fake) throw notFound(`A fake printer behind "${printerId}"`, 'Use the demo printer of a demo console.');
          if (mode) await fake.setMode(mode);
          if (status) fake.setStatus(status);
          await pollerOf(env, opts).poll(printerId);
          return printerQueue(ctx, printerId);
        },
      };
    },
  };
}

export const printingCapability: Capability = printingCapabilityWith();
