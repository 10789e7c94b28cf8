import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { openSqlite, checkpoint, startCheckpointWorker, type Sqlite } from '../../db/core/open';
import { DiskFullError, DiskWatch, isDiskFull } from '../../db/core/disk';
import { Faults } from './faults';
import { startGeneration } from '../core/outbox/generation';
import { privateDir, privateFiles } from '../core/private';
import { createStore, type Store } from '../../db/store';
import { SiteClock, systemClock, type Clock, type SettableClock } from '../core/clock';
import { newStationId } from '../core/ids';
import { OutboxRunner } from '../core/outbox/runner';
import type { JobGate } from '../core/outbox/types';
import { FakePrinter } from '../../native/printers/fake9100';
import { savePrinter } from '../capabilities/devices/printing/printers';
import { seedDemo } from '../capabilities/demo/seed';
import { swapInStagedRestore } from '../capabilities/backup/restore';
import { holdRestoredJobs } from '../capabilities/backup/jobs';
import { carrierCanLook } from '../capabilities/dispatch/carrier';
import { isJoined } from '../capabilities/site/credentials';
import { acquireDataLock, type HeldLock } from '../core/data-lock';
import type { DesktopShell } from './desktop-shell';
import { movesJobs } from '../../db/core/current';
import type { ServiceContext } from '../core/context';
import { createHandlers } from './handlers';
import { bindGate, type Handlers } from './invoke';
import { StationSessions } from '../capabilities/operators/session';
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
  /** Milliseconds for idle sign-out (default: real time; tests pass their own). */
  idleClock?: () => number;
  /** The monitor's timed passes (10 s after start, then every minute); off for tests that run passes by hand. */
  monitorTimers?: boolean;
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
  /** Errors nothing else caught, logged and recorded as `station.fault` (the process keeps running). */
  faults: Faults;
  close(): Promise<void>;
}

const fullAtStart = (disk: DiskWatch, why = '') => new Error(`${new DiskFullError(disk.drive).message.replace('scan again', 'start the console again')}${why}`);

/** A stop step slower than this is named on stderr: a console that is slow to stop says where it waited. */
const SLOW_STOP_MS = 2000;

async function slowStep(name: string, stop: () => Promise<void> | void): Promise<void> {
  const t0 = Date.now();
  const slow = setTimeout(() => console.error(`Stopping the console: still waiting for ${name} after ${SLOW_STOP_MS} ms.`), SLOW_STOP_MS);
  try {
    await stop();
  } finally {
    clearTimeout(slow);
  }
  const ms = Date.now() - t0;
  if (ms > SLOW_STOP_MS) console.error(`Stopping the console waited ${ms} ms for ${name}.`);
}

/**
 * The station's database. On a full disk it still opens (read-only if it must) so the read screens
 * keep working; a data directory that has no database yet cannot start there at all.
 */
function openStationDb(file: string, disk: DiskWatch): Sqlite {
  try {
    return openSqlite({ file });
  } catch (err) {
    // A full disk shows as SQLITE_FULL, or as an I/O error making the -shm file.
    const ioerr = String((err as { code?: string }).code ?? '').startsWith('SQLITE_IOERR');
    if (!isDiskFull(err) && !(ioerr && disk.checkAtStart())) throw err;
    disk.markFull();
    try {
      return openSqlite({ file, exclusive: true });
    } catch {
      throw fullAtStart(disk, ' (the station database could not be opened there)');
    }
  }
}

/** The composition root: one per process, whatever the transport (Electron IPC, HTTP, CLI). */
export async function createApp(opts: CreateAppOptions): Promise<App> {
  const lock = takeLock(opts);
  const undo: Array<() => Promise<void> | void> = [() => lock.held?.release()];
  try {
    return await open(opts, lock, undo);
  } catch (e) {
    // A start that fails half-way closes what it opened, so the next start finds the folder free.
    for (const u of undo.reverse()) await Promise.resolve(u()).catch(() => undefined);
    throw e;
  }
}

/** The folder's lock; on a full disk it cannot be written, and is taken once there is room. */
interface FolderLock {
  held: HeldLock | null;
  deferred: boolean;
}

function takeLock(opts: CreateAppOptions): FolderLock {
  if (opts.lock === false) return { held: null, deferred: false };
  try {
    return { held: acquireDataLock(opts.dataDir, opts.lock ?? 'console'), deferred: false };
  } catch (err) {
    if (!isDiskFull(err)) throw err;
    return { held: null, deferred: true };
  }
}

async function open(opts: CreateAppOptions, lock: FolderLock, undo: Array<() => Promise<void> | void>): Promise<App> {
  const caps = opts.capabilities ?? allCapabilities;
  // A station that joined a site gets the site from the server (never a demo of its own) and keeps
  // its clock corrected by the server's.
  const joined = isJoined(opts.dataDir);
  const baseClock = opts.testClock ?? opts.clock ?? systemClock;
  const clock = joined ? new SiteClock(baseClock) : baseClock;
  privateDir(opts.dataDir);
  const disk = new DiskWatch(opts.dataDir);
  // A restore staged from a backup (console or CLI) replaces the database now, while nothing has it open.
  const replaced = swapInStagedRestore(opts.dataDir, baseClock.now());
  if (replaced)
    console.error(`Restored from a backup; the database it replaced is kept in ${replaced}. A supervisor confirms the numbers on F7 Devices before picking.`);
  const db = openStationDb(join(opts.dataDir, 'firstscan.db'), disk);
  disk.checkAtStart();
  undo.push(() => void db.close());
  const boot = createStore(db, 'boot');
  const meta = boot.read.meta;
  let stationId = meta.get('station_id');
  if (!stationId) {
    if (disk.full) throw fullAtStart(disk);
    boot.meta.set('station_id', (stationId = newStationId()));
  }
  const store = createStore(db, stationId, disk);
  const faults = new Faults(store, baseClock);
  if (lock.deferred) {
    console.error('The disk is full: the data folder lock could not be written; it is taken once there is room.');
    const off = disk.onChange((st) => {
      if (st.full || lock.held) return;
      try {
        lock.held = acquireDataLock(opts.dataDir, opts.lock || 'console');
        off();
      } catch (err) {
        faults.record('data folder lock', err);
        if (!isDiskFull(err)) off();
      }
    });
    undo.push(off);
  }
  const stopCheckpointer = startCheckpointWorker(db, 1000, (err) => faults.record('wal checkpoint', err));
  undo.push(stopCheckpointer);
  // While the disk is full, look for room every 2 s: the station recovers by itself.
  const diskProbe = setInterval(() => {
    if (disk.full && disk.probe() && db.open) {
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch (err) {
        faults.record('wal checkpoint', err);
      }
    }
  }, 2_000);
  diskProbe.unref();
  undo.push(() => clearInterval(diskProbe));
  privateFiles(opts.dataDir);
  store.site.blocks = meta.get('numbers_from_blocks') === '1';
  const ctx: ServiceContext = {
    store,
    clock,
    stationId,
    pickPlanners: caps.flatMap((c) => c.planners ?? []),
    pickGates: caps.flatMap((c) => c.pickGates ?? []),
  };

  const fresh = !store.read.settings.get('site', 'site');
  const demo = joined ? false : fresh ? opts.demo !== false : meta.get('demo') === '1';
  if (fresh && demo && disk.full) throw fullAtStart(disk, ' (the demo site cannot be made on it)');
  let fakePrinter: FakePrinter | null = null;
  let offDisk: () => void = () => undefined;
  if (demo && opts.background !== false) {
    // The demo's label printer is a real 9100 socket on loopback that files what it receives.
    fakePrinter = new FakePrinter({ dir: join(opts.dataDir, 'fake-printer'), onError: (err) => faults.record('demo printer', err) });
    const addr = await fakePrinter.start();
    const started = fakePrinter;
    undo.push(() => started.stop());
    if (fresh) {
      seedDemo(ctx, { orders: opts.demoOrders, printer: addr, ordersVia: (opts.demoShopify ?? opts.demoOrders === undefined) ? 'shopify' : 'console' });
    } else {
      const repoint = () => {
        const p = store.read.settings.printer('demo-printer');
        if (p && (p.host !== addr.host || p.port !== addr.port)) savePrinter(ctx, { ...p, host: addr.host, port: addr.port });
      };
      // Started on a full disk: the printer's new port is saved once there is room.
      if (disk.full) {
        const off = disk.onChange((s) => void (!s.full && repoint()));
        offDisk = () => void off();
      } else repoint();
    }
  }

  const pushes = new EventEmitter();
  let runner: OutboxRunner | null = null;
  const site = {
    duty: (_name: string) => true,
    setJobGate: (gate: JobGate | null) => void (runner!.gate = gate),
    // A joined station learns the site's operators from its first pull; until the site capability starts, it waits.
    operatorsPending: () => (joined ? 'This station joined a site and is connecting to the site server.' : null),
  };
  const env: AppEnv = {
    ctx,
    dataDir: opts.dataDir,
    mode: opts.mode,
    demo,
    fresh,
    version: opts.version ?? '0.1.0',
    pushes,
    testClock: opts.testClock ?? null,
    monitorTimers: opts.monitorTimers !== false,
    site,
    shell: opts.shell ?? null,
    faults,
    sessions: new StationSessions(ctx, opts.idleClock),
  };
  runner = new OutboxRunner(
    store,
    clock,
    caps.flatMap((c) => c.jobHandlers?.(env) ?? []),
    { onError: (err) => faults.record('outbox', err) },
  );
  const push = <P extends PushName>(name: P, data: PushData<P>) => pushes.emit('push', name, data);
  // Queue depth is counted off the scan path, at most a few times a second.
  let depthTimer: NodeJS.Timeout | null = null;
  const pushDepth = () => {
    depthTimer = null;
    const d = store.read.jobs.depth('');
    push('jobs.changed', { queued: d.queued, dead: d.dead });
  };
  const offCommit = store.onCommit((events) => {
    push(
      'events.appended',
      events.map((e) => ({ type: e.type, subject: e.subject })),
    );
    if (events.some(movesJobs)) {
      runner.wake();
      depthTimer ??= setTimeout(pushDepth, 250);
    }
  });
  undo.push(() => offCommit());
  // A restored copy's queued jobs may have run after the backup: held or set to look first before the outbox runs.
  if (!disk.full) holdRestoredJobs(ctx, carrierCanLook);
  // This process's generation: leases a dead process held are released now (labels set aside, never resent).
  if (opts.runJobs !== false) {
    if (!disk.full) startGeneration(store, clock);
    else {
      const off = disk.onChange((s) => {
        if (s.full) return;
        off();
        setImmediate(() => {
          try {
            startGeneration(store, clock);
          } catch (err) {
            faults.record('start generation', err);
          }
        });
      });
    }
  }
  const stoppers: Array<{ name: string; stop: () => Promise<void> | void }> = [];
  undo.push(async () => {
    for (const s of stoppers) await s.stop();
  });
  if (opts.background !== false)
    for (const c of caps) {
      try {
        const stop = await c.start?.(env);
        if (stop) stoppers.unshift({ name: c.name, stop });
      } catch (err) {
        // On a full disk a capability may fail to record what it found at start: serve anyway, and
        // start it once there is room.
        if (!disk.full) throw err;
        console.error(`${c.name} waits for disk space to start: ${(err as Error).message}`);
        const off = disk.onChange((s) => {
          if (s.full) return;
          off();
          setImmediate(() => {
            void Promise.resolve()
              .then(() => c.start?.(env))
              .then(
                (stop) => void (stop && stoppers.unshift({ name: c.name, stop })),
                (e: unknown) => faults.record(`start ${c.name}`, e),
              );
          });
        });
        stoppers.push({ name: `${c.name} (waiting for disk space)`, stop: off });
      }
    }
  if (opts.runJobs !== false) runner.start();

  const handlers = createHandlers(caps, env);
  bindGate(handlers, env.sessions);
  return {
    ctx,
    store,
    handlers,
    runner,
    pushes,
    fakePrinter,
    env,
    get lock() {
      return lock.held;
    },
    faults,
    async close() {
      await slowStep(`the outbox jobs under way (${runner.running().join(', ') || 'none'})`, () => runner.stop());
      // Background work (a replication cycle) may still commit and re-arm the timer until it stops.
      for (const s of stoppers) await slowStep(s.name, s.stop);
      offCommit();
      if (depthTimer) clearTimeout(depthTimer);
      await fakePrinter?.stop();
      offDisk();
      clearInterval(diskProbe);
      await slowStep('the checkpoint worker', stopCheckpointer);
      try {
        checkpoint(db);
      } catch (err) {
        if (!isDiskFull(err)) throw err; // the WAL stays; SQLite folds it in at the next start
      }
      db.close();
      lock.held?.release();
    },
  };
}
