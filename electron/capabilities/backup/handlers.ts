import { join } from 'node:path';
import type { AppEnv, Capability } from '../../app/capability';
import type { ServiceContext } from '../../core/context';
import { backupScope } from '../../../db/backup/projector';
import { BackupRunner } from './run';
import { backupSettings, saveBackupSettings } from './settings';
import { listBackups } from './files';
import { nextDue, startSchedule } from './schedule';
import { checkRestore, confirmRestore, previewBackup, releaseHeldOrder, restoreStaged, stageRestore } from './restore';
import { labelEvidence, type Evidence } from './evidence';
import { answerHeldJob, heldJobViews } from './held-jobs';
import { trackingNumbersInShopify } from '../shopify/tracked';
import { isJoined } from '../site/credentials';
import { shopifyRuntime } from '../shopify/handlers';

const runners = new WeakMap<AppEnv, BackupRunner>();
export const backupRunner = (env: AppEnv) => {
  let r = runners.get(env);
  if (!r) runners.set(env, (r = new BackupRunner(env.ctx, env.dataDir)));
  return r;
};

type RunRecord = {
  ok: boolean;
  at: string;
  folder: string;
  trigger: string;
  file?: string;
  bytes?: number;
  events?: number;
  parcels?: number;
  ms?: number;
  reason?: string;
};
const pick = (r: RunRecord | undefined) =>
  r
    ? {
        ok: r.ok,
        at: r.at,
        folder: r.folder,
        trigger: r.trigger,
        file: r.file,
        bytes: r.bytes,
        events: r.events,
        parcels: r.parcels,
        ms: r.ms,
        reason: r.reason,
      }
    : null;

/** The records a restored station's numbers are checked against; in a site, whether its own events are back from the server. */
async function evidence(env: AppEnv, extraLabelDirs: string[] = []): Promise<Evidence[]> {
  const pending = env.ctx.store.read.backup.restorePending();
  const shopify = await trackingNumbersInShopify(shopifyRuntime(env), pending?.backupAt || null);
  const out: Evidence[] = [labelEvidence([join(env.dataDir, 'fake-printer'), ...extraLabelDirs]), { name: 'shopify', ...shopify }];
  if (isJoined(env.dataDir)) {
    const waiting = env.ctx.store.read.meta.get('site_catchup_pending') === '1';
    out.push({
      name: 'site',
      ok: !waiting,
      note: waiting
        ? 'waiting for the site server: the events this station sent after the backup come back first (F10 Site shows the link)'
        : 'the events this station sent after the backup are back from the site server; numbers come from blocks the server leased',
      numbers: [],
    });
  }
  return out;
}

/** The backup a restored station runs on (waiting for its confirmation, or confirmed), until a newer backup is good. */
function restoredFrom(ctx: ServiceContext, scope: string): { file: string; backupAt: string; at: string | null } | null {
  const pending = ctx.store.read.backup.restorePending();
  const done = ctx.store.read.settings.get<{ file: string; backupAt: string; at: string }>(scope, 'restored');
  const r = pending ? { file: pending.file, backupAt: pending.backupAt, at: null } : done ? { file: done.file, backupAt: done.backupAt, at: done.at } : null;
  const good = ctx.store.read.settings.get<RunRecord>(scope, 'last_good');
  const since = r?.at ?? pending?.stagedAt;
  if (!r || (good && since && good.at > since)) return null;
  return r;
}

export const backupCapability: Capability = {
  name: 'backup',
  handlers: (env) => ({
    'backup.status': () => {
      const { ctx } = env;
      const scope = backupScope(ctx.stationId);
      const settings = backupSettings(ctx);
      return {
        settings,
        lastGood: pick(ctx.store.read.settings.get<RunRecord>(scope, 'last_good')),
        lastRun: pick(ctx.store.read.settings.get<RunRecord>(scope, 'last_run')),
        running: backupRunner(env).current,
        nextDue: nextDue(ctx),
        backups: settings.folder ? listBackups(settings.folder, ctx.stationId).map(({ name, path, at, bytes }) => ({ name, path, at, bytes })) : [],
        restorePending: ctx.store.read.backup.restorePending(),
        restoreStaged: restoreStaged(env.dataDir),
        heldOrders: ctx.store.read.backup.heldOrders(),
        heldJobs: heldJobViews(ctx),
        restoredFrom: restoredFrom(ctx, scope),
      };
    },
    'backup.settings.save': (input) => saveBackupSettings(env.ctx, env.dataDir, input),
    'backup.run': () => {
      const runner = backupRunner(env);
      const startedAt = env.ctx.clock.now().toISOString();
      runner.ready();
      // A failure is recorded as backup.failed and shown on the Devices screen.
      runner.run('console').catch(() => undefined);
      return { started: true, startedAt };
    },
    'backup.restore.preview': ({ file }) => previewBackup(file),
    'backup.restore.stage': ({ file }) => stageRestore(env.dataDir, file, env.ctx.clock.now()),
    'backup.restore.check': async ({ labelsDirs }) => checkRestore(env.ctx, await evidence(env, labelsDirs)),
    'backup.restore.confirm': async ({ labelsDirs, confirmGap }) => confirmRestore(env.ctx, await evidence(env, labelsDirs), confirmGap),
    'backup.restore.release': ({ orderId, decision, note }) => releaseHeldOrder(env.ctx, orderId, decision, note),
    'backup.restore.answer': ({ jobId, decision, note }) => answerHeldJob(env.ctx, jobId, decision, note),
  }),
  start: (env) => startSchedule(env.ctx, backupRunner(env), (err) => env.faults.record('scheduled backup', err)),
};
