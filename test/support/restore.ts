// The set-up the restore tests share: a demo station with a backup folder, picks drained through the
// outbox, a backup, and the station started again on that backup (same PC, or a new data folder).
import { afterEach } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp, tempDir } from './app';
import type { App } from '../../electron/app/create';
import { BackupRunner, type BackupResult } from '../../electron/capabilities/backup/run';
import { stageRestore, type BackupPreview } from '../../electron/capabilities/backup/restore';
import { secretStoreFor } from '../../electron/core/secrets';
import { DEMO_STORE } from '../../electron/capabilities/demo/data';

/** A new PC for the same station: Shopify (the emulator's state) lives on, and the store is connected again with its token. */
export function newPcFor(oldDir: string, dir: string): void {
  mkdirSync(join(dir, 'shopify-emulator'), { recursive: true });
  copyFileSync(join(oldDir, 'shopify-emulator', 'demo-store.json'), join(dir, 'shopify-emulator', 'demo-store.json'));
  secretStoreFor(dir).set(DEMO_STORE, secretStoreFor(oldDir).get(DEMO_STORE)!);
}

export type DemoApp = Awaited<ReturnType<typeof demoApp>>;

/** Run the outbox until nothing is due (the tests' stations run with `runJobs: false`). */
export async function drain(app: App): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const started = app.runner.pass();
    await app.runner.idle();
    if (!started) break;
  }
}

/** Scan one order at Pick; fail with the console's answer if no number was issued. */
export async function scanOrder(app: App, code: string): Promise<string> {
  const r = await api(app, 'pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${code}: ${r.outcome} ${'message' in r ? r.message : ''}`);
  return r.parcel.trackingNumber;
}

/** Pick these orders, then drain the outbox (labels printed, fulfillments in Shopify). */
export async function pickOrders(app: App, names: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const code of names) out.push(await scanOrder(app, code));
  await drain(app);
  return out;
}

export const orderNames = (from: number, n: number) => Array.from({ length: n }, (_, i) => `#${from + i}`);

/** The label files the demo printer filed (the printed-label record). */
export const labelFiles = (dataDir: string) => readdirSync(join(dataDir, 'fake-printer')).map((f) => readFileSync(join(dataDir, 'fake-printer', f), 'latin1'));

/** What the emulated store holds: fulfillments per order name (not cancelled), with their numbers. */
export function shopifyFulfillments(dataDir: string): Map<string, string[][]> {
  const state = JSON.parse(readFileSync(join(dataDir, 'shopify-emulator', 'demo-store.json'), 'utf8')) as {
    orders: Array<{ id: number; name: string }>;
    fulfillments: Array<{ orderId: number; status: string; trackingInfo: Array<{ number: string | null }> }>;
  };
  const out = new Map<string, string[][]>();
  for (const f of state.fulfillments) {
    if (f.status === 'CANCELLED') continue;
    const name = state.orders.find((o) => o.id === f.orderId)!.name;
    out.set(name, [...(out.get(name) ?? []), f.trackingInfo.map((t) => t.number!)]);
  }
  return out;
}

export interface RestoreBench {
  /** The station as it was before the restore (demo site, Shopify emulated, jobs run only by `drain`). */
  app: DemoApp;
  folder: string;
  /** Take a backup now (into `folder`). */
  backup(): Promise<BackupResult>;
  /**
   * Close the station (if open), stage `backup` and start again on it: on the same data folder, or
   * on `dataDir` (a new PC: `newPcFor`). The restored app is closed after the test.
   */
  restore(backup: BackupResult, opts?: { dataDir?: string }): Promise<{ app: DemoApp; preview: BackupPreview }>;
  /** Close an app now (a test that reads files the station writes on close); closing again later is harmless. */
  close(app: App): Promise<void>;
}

/**
 * One per test file: registers the clean-up (apps closed, folders removed) after each test. `station()`
 * gives a demo station with a backup folder set.
 */
export function restoreBench(defaults: { demoOrders?: number } = {}) {
  let cleanup: Array<() => Promise<void> | void> = [];
  const closed = new WeakSet<App>();
  const close = async (app: App) => {
    if (closed.has(app)) return;
    closed.add(app);
    await app.close();
  };
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });
  const open = async (dataDir?: string) => {
    const app = await demoApp({ runJobs: false, demoOrders: defaults.demoOrders ?? 30, demoShopify: true, ...(dataDir ? { dataDir } : {}) });
    cleanup.push(() => close(app));
    return app;
  };
  return {
    /** A fresh folder removed after the test. */
    dir(prefix?: string): string {
      const d = tempDir(prefix);
      cleanup.push(() => rmSync(d, { recursive: true, force: true }));
      return d;
    },
    async station(): Promise<RestoreBench> {
      const folder = tempDir('fs-backups-');
      cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
      const app = await open();
      cleanup.unshift(() => rmSync(app.dir, { recursive: true, force: true }));
      await api(app, 'backup.settings.save', { folder, everyHours: 4, keep: 5 });
      return {
        app,
        folder,
        backup: () => new BackupRunner(app.ctx, app.dir).run('console'),
        async restore(backup, opts = {}) {
          await close(app);
          const dir = opts.dataDir ?? app.dir;
          if (opts.dataDir) newPcFor(app.dir, dir);
          const preview = stageRestore(dir, join(folder, backup.file), new Date());
          return { app: await open(dir), preview };
        },
        close,
      };
    },
  };
}
