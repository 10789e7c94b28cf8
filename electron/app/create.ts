import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { openSqlite, checkpoint, startCheckpointer } from '../../db/open';
import { createStore, type Store } from '../../db/store';
import { SiteClock, systemClock, type Clock, type SettableClock } from '../core/clock';
import { newStationId } from '../core/ids';
import { OutboxRunner } from '../jobs/runner';
import type { JobGate } from '../jobs/types';
import { FakePrinter } from '../../native/printers/fake9100';
import { registerPickPlanner } from '../services/pick/planners';
import { savePrinter } from '../services/printing/printers';
import { seedDemo } from '../services/demo/seed';
import { isJoined } from '../services/replication/credentials';
import { acquireDataLock, type HeldLock } from '../core/data-lock';
import type { DesktopShell } from './desktop-shell';
import type { ServiceContext } from '../services/site/context';
import { createHandlers } from './handlers';
import type { Handlers } from './invoke';
import type { AppEnv, Capability } from './capability';
import { capabilities as allCapabilities } from './capabilities';
import type { PushName, PushData } from '../contract/channels';

export interface CreateAppOptions {
  dataDir: string;
  mode: AppEnv['mode'];
  clock?: Clock;
  /** A clock tests may move over the API (`clock.set`); implies `clock`. */
  testClock?: SettableClock;
  /** Seed the demo site when the data directory is new (default true). */
  demo?: boolean;
  demoOrders?: number;
  /** Demo orders come from the emulated demo Shopify store (default: unless demoOrders is given). */
  demoShopify?: boolean;
  /** Run the outbox (default true; tests of pure services turn it off). */
  runJobs?: boolean;
  /**
   * Start background work: capabilities' start() (site replication, Shopify intake, monitor pass),
   * the demo's printer. Default true; offline CLI commands (import, export, rebuild) turn it off.
   */
  background?: boolean;
  version?: string;
  capabilities?: Capability[];
  /**
   * Take the data folder's lock under this name ("desktop app", "cli serve", "cli import"...), so
   * no second process opens the folder. Default "console"; false only for read-only commands.
   */
  lock?: string | false;
  /** The desktop shell's hooks (window, login item, diagnostics, updates); none outside Electron. */
  shell?: DesktopShell;
}

export interface App {
  ctx: ServiceContext;
  store: Store;
  handlers: Handlers;
  runner: OutboxRunner;
  pushes: EventEmitter;
  fakePrinter: FakePrinter | null;
  env: AppEnv;
  /** The data folder's lock this app holds (null when opened read-only). */
  lock: HeldLock | null;
  close(): Promise<void>;
}

/** The composition root: one per process, whatever the transport (Electron IPC, HTTP, CLI). */
export async function createApp(opts: CreateAppOptions): Promise<App> {
  const lock = opts.lock === false ? null : acquireDataLock(opts.dataDir, opts.lock ?? 'console');
  const undo: Array<() => Promise<void> | void> = [() => lock?.release()];
  try {
    return await open(opts, lock, undo);
  } catch (e) {
    // A start that fails half-way closes what it opened, so the next start finds the folder free.
    for (const u of undo.reverse()) await Promise.resolve(u()).catch(() => undefined);
    throw e;
  }
}

async function open(opts: CreateAppOptions, lock: HeldLock | null, undo: Array<() => Promise<void> | void>): Promise<App> {
  const caps = opts.capabilities ?? allCapabilities;
  // A station that joined a site gets the site from the server (never a demo of its own) and keeps
  // its clock corrected by the server's.
  const joined = isJoined(opts.dataDir);
  const baseClock = opts.testClock ?? opts.clock ?? systemClock;
  const clock = joined ? new SiteClock(baseClock) : baseClock;
  const db = openSqlite({ file: join(opts.dataDir, 'firstscan.db') });
  undo.push(() => void db.close());
  const stopCheckpointer = startCheckpointer(db);
  undo.push(stopCheckpointer);
  const meta = createStore(db, 'boot').meta;
  let stationId = meta.get('station_id');
  if (!stationId) meta.set('station_id', (stationId = newStationId()));
  const store = createStore(db, stationId);
  store.site.blocks = meta.get('numbers_from_blocks') === '1';
  const ctx: ServiceContext = { store, clock, stationId };
  for (const c of caps) for (const p of c.planners ?? []) registerPickPlanner(p);

  const fresh = !store.settings.get('site', 'site');
  const demo = joined ? false : fresh ? opts.demo !== false : meta.get('demo') === '1';
  let fakePrinter: FakePrinter | null = null;
  if (demo && opts.background !== false) {
    // The demo's label printer is a real 9100 socket on loopback that files what it receives.
    fakePrinter = new FakePrinter({ dir: join(opts.dataDir, 'fake-printer') });
    const addr = await fakePrinter.start();
    const started = fakePrinter;
    undo.push(() => started.stop());
    if (fresh) {
      // Marked first: a start killed half-way through the seed still comes back as the demo.
      meta.set('demo', '1');
      seedDemo(ctx, { orders: opts.demoOrders, printer: addr, ordersVia: (opts.demoShopify ?? opts.demoOrders === undefined) ? 'shopify' : 'console' });
    } else {
      const p = store.settings.printer('demo-printer');
      if (p && (p.host !== addr.host || p.port !== addr.port)) savePrinter(ctx, { ...p, host: addr.host, port: addr.port });
    }
  }

  const pushes = new EventEmitter();
  let runner: OutboxRunner | null = null;
  const site = { duty: (_name: string) => true, setJobGate: (gate: JobGate | null) => void (runner!.gate = gate) };
  const env: AppEnv = { ctx, dataDir: opts.dataDir, mode: opts.mode, demo, fresh, version: opts.version ?? '0.1.0', pushes, testClock: opts.testClock ?? null, site, shell: opts.shell ?? null };
  runner = new OutboxRunner(store, clock, caps.flatMap((c) => c.jobHandlers?.(env) ?? []));
  const push = <P extends PushName>(name: P, data: PushData<P>) => pushes.emit('push', name, data);
  // Queue depth is counted off the scan path, at most a few times a second.
  let depthTimer: NodeJS.Timeout | null = null;
  const pushDepth = () => {
    depthTimer = null;
    const d = store.jobs.depth('');
    push('jobs.changed', { queued: d.queued, dead: d.dead });
  };
  const offCommit = store.onCommit((events) => {
    push('events.appended', events.map((e) => ({ type: e.type, subject: e.subject })));
    if (events.some((e) => e.type.startsWith('parcel.') || e.type.startsWith('job.'))) {
      runner.wake();
      depthTimer ??= setTimeout(pushDepth, 250);
    }
  });
  undo.push(() => offCommit());
  const stoppers: Array<() => Promise<void> | void> = [];
  undo.push(async () => {
    for (const stop of stoppers) await stop();
  });
  if (opts.background !== false)
    for (const c of caps) {
      const stop = await c.start?.(env);
      if (stop) stoppers.unshift(stop);
    }
  if (opts.runJobs !== false) runner.start();

  const handlers = createHandlers(caps, env);
  return {
    ctx,
    store,
    handlers,
    runner,
    pushes,
    fakePrinter,
    env,
    lock,
    async close() {
      await runner.stop();
      // Background work (a replication cycle) may still commit and re-arm the timer until it stops.
      for (const stop of stoppers) await stop();
      offCommit();
      if (depthTimer) clearTimeout(depthTimer);
      await fakePrinter?.stop();
      stopCheckpointer();
      checkpoint(db);
      db.close();
      lock?.release();
    },
  };
}
