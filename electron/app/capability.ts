import type { EventEmitter } from 'node:events';
import type { SettableClock } from '../core/clock';
import type { ServiceContext } from '../core/context';
import type { AnyJobHandler, JobGate } from '../core/outbox/types';
import type { JobPlanner, PickGate } from '../core/planners';
import type { Handlers } from './invoke';
import type { DesktopShell } from './desktop-shell';
import type { Faults } from './faults';
import type { StationSessions } from '../capabilities/operators/session';

export interface AppEnv {
  ctx: ServiceContext;
  dataDir: string;
  mode: 'electron' | 'browser' | 'headless';
  demo: boolean;
  /** The monitor's timed passes run (tests that run passes by hand turn them off). */
  monitorTimers: boolean;
  /** True the first time this data directory is opened (seed demo data then). */
  fresh: boolean;
  version: string;
  pushes: EventEmitter;
  /** Set when the console runs on a test clock that tests may move (never in production). */
  testClock: SettableClock | null;
  /** Site mode hooks; a single station owns every duty and runs every job itself. */
  site: SiteHooks;
  /** The desktop shell's hooks, in the Electron app only. */
  shell: DesktopShell | null;
  /** Errors nothing else caught (recorded as station.fault); the disk state is ctx.store.disk. */
  faults: Faults;
  /** Who is signed in at this station: the principal `invoke()` checks each channel's role against. */
  sessions: StationSessions;
}

export interface SiteHooks {
  /** May this station run a periodic site-wide duty now ('monitor', 'shopify-intake', 'retention')? */
  duty(name: string): boolean;
  /** Site mode sets the gate through which site-wide outbox jobs are leased. */
  setJobGate(gate: JobGate | null): void;
  /**
   * Null when this station's copy of the site's operators can be trusted (a single station always;
   * a joined one once it has pulled the site's log); else why not yet, in words for the sign-in screen.
   */
  operatorsPending(): string | null;
}

/**
 * One capability of the console (pick, printing, shopify, dispatch, ...): its channels, its outbox
 * job handlers, the jobs it plans at pick, and what it starts and stops with the app.
 */
export type Stopper = () => Promise<void> | void;

export interface Capability {
  name: string;
  handlers(env: AppEnv): Partial<Handlers>;
  planners?: JobPlanner[];
  /** Flows that take an order scanned at pick before its number is issued (the pack bench). */
  pickGates?: PickGate[];
  jobHandlers?(env: AppEnv): AnyJobHandler[];
  /** Start background work; return how to stop it (per app: tests run several in one process). */
  start?(env: AppEnv): Promise<Stopper | void> | Stopper | void;
}
