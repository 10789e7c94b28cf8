import { join } from 'node:path';
import type { Capability } from '../../app/capability';
import { ApiError } from '../../core/errors';
import { setRuntime, runtimeOf } from './runtime';
import { emulatedSources, FILE_SOURCE } from './sources/registry';
import { fileMail } from './mail';
import { monitorJobHandler } from './handler';
import { runPass, runPassSliced } from './pass';
import { assign, contact, contactPreview, queue, resolve } from './exceptions';
import { noteReshipsPicked, reship } from './reship';
import { DEFAULT_RULES, rulesOf, saveCosts, saveRules, thresholdsFor } from './settings';
import { demoScan, importScanFile, receivePush } from './feeds';
import { diagnoseParcel } from './diagnosis';
import { lookup } from './support';
import { siteView } from './site';
import type { ServiceContext } from '../../core/context';

/** How often the rules-and-schedule pass runs by itself (real time); screens can run it now. */
const PASS_EVERY_MS = 60_000;
const FIRST_PASS_AFTER_MS = 10_000;

function rulesView(ctx: ServiceContext) {
  const rules = rulesOf(ctx);
  return {
    rules,
    defaults: DEFAULT_RULES,
    lines: ctx.store.read.lines
      .all()
      .map((l) => ({ id: l.id, name: l.name, routeType: l.routeType, ...thresholdsFor(rules, l), overridden: !!rules.lines[l.id] })),
  };
}

function sourcesView(ctx: ServiceContext) {
  const rt = runtimeOf(ctx);
  const jobs = ctx.store.read.monitor.pollJobs();
  const lines = ctx.store.read.lines.all();
  return {
    sources: [...rt.sources, FILE_SOURCE].map((s) => {
      const mine = jobs.filter((j) => j.target === s.id);
      const sum = (st: string) => mine.filter((j) => j.status === st).reduce((a, j) => a + j.n, 0);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        ratePerMin: s.ratePerMin,
        batchSize: s.batchSize,
        delivery: s.delivery,
        lines: s.lineIds === 'all' ? lines.map((l) => l.id) : s.lineIds,
        emulated: s.emulated,
        queued: sum('queued'),
        failing: mine.filter((j) => j.status === 'queued').reduce((a, j) => a + j.failing, 0),
        dead: sum('dead'),
        done: sum('done'),
        lastError: mine.map((j) => j.lastError).find((e) => !!e) ?? null,
        lastDone:
          mine
            .map((j) => j.lastDone)
            .filter((d): d is string => !!d)
            .sort()
            .pop() ?? null,
      };
    }),
    lastPass: rt.lastPass,
  };
}

export const monitorCapability: Capability = {
  name: 'monitor',
  jobHandlers: ({ ctx }) => [monitorJobHandler(ctx)],
  start({ ctx, demo, dataDir, site, monitorTimers }) {
    if (demo) {
      const set = emulatedSources(ctx);
      setRuntime(ctx, { sources: set.sources, script: set.script, aggregator: set.aggregator, mail: fileMail(join(dataDir, 'fake-mail')) });
    } else setRuntime(ctx, { sources: [], script: null, aggregator: null, mail: null });
    const reader = ctx.store.read.monitor;
    let noting: NodeJS.Immediate | null = null;
    const off = ctx.store.onCommit((events) => {
      // A replacement was just picked: the old parcel's timeline says so right away.
      // Only this station's picks: every station hears the others' too, and one note per reship is enough.
      if (
        !noting &&
        events.some((e) => e.type === 'parcel.picked' && e.station === ctx.stationId && reader.reshipForOrder((e.payload as { orderId: string }).orderId))
      )
        noting = setImmediate(() => {
          noting = null;
          noteReshipsPicked(ctx);
        });
    });
    // The first pass after a start looks at every watched parcel (the sources may have changed since);
    // later ones only at the parcels that are due. Both in slices: a scan never waits behind a pass.
    let running = false;
    const pass = () => {
      if (running || !site.duty('monitor')) return;
      running = true;
      void runPassSliced(ctx)
        .catch((e: unknown) => console.error('[monitor pass]', e))
        .finally(() => (running = false));
    };
    // The first pass runs once the console is up (it serves and scans first), then every minute.
    const first = monitorTimers ? setTimeout(pass, FIRST_PASS_AFTER_MS) : undefined;
    first?.unref();
    const timer = monitorTimers ? setInterval(pass, PASS_EVERY_MS) : undefined;
    timer?.unref();
    return () => {
      off();
      clearTimeout(first);
      clearInterval(timer);
      if (noting) clearImmediate(noting);
    };
  },
  handlers: ({ ctx }) => ({
    'monitor.queue': (f) => ({ ...queue(ctx, f), lastPass: runtimeOf(ctx).lastPass, now: ctx.clock.now().toISOString() }),
    'monitor.pass': () => runPass(ctx, { actor: 'monitor' }),
    'monitor.assign': ({ ids, owner }) => assign(ctx, ids, owner),
    'monitor.resolve': ({ ids, reason }) => resolve(ctx, ids, reason),
    'monitor.contactPreview': (i) => contactPreview(ctx, i),
    'monitor.contact': (i) => contact(ctx, i),
    'monitor.reship': ({ exceptionIds, parcelId, reason }) => {
      const targets = exceptionIds?.length ? exceptionIds.map((exceptionId) => ({ exceptionId })) : parcelId ? [{ parcelId }] : [];
      return reship(ctx, targets, reason);
    },
    'monitor.rules.get': () => rulesView(ctx),
    'monitor.rules.save': ({ rules, reason }) => {
      saveRules(ctx, rules, reason);
      return rulesView(ctx);
    },
    'monitor.sources': () => sourcesView(ctx),
    'monitor.import': (i) => importScanFile(ctx, i),
    'monitor.push': ({ sourceId, data }) => receivePush(ctx, sourceId, { data }),
    'monitor.parcel': ({ id }) => {
      const p = ctx.store.read.parcels.get(id) ?? ctx.store.read.parcels.byTracking(id);
      if (!p) throw new ApiError('NOT_FOUND', `Parcel ${id} not found. Search it by order or tracking number.`);
      return diagnoseParcel(ctx, p.id);
    },
    'monitor.support': (i) => lookup(ctx, i),
    'monitor.site': (i) => siteView(ctx, i),
    'monitor.costs.save': (c) => saveCosts(ctx, c),
    'monitor.demo.scan': (i) => demoScan(ctx, i),
  }),
};
