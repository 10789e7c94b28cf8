import type { ServiceContext } from '../../core/context';
import { backupScope } from '../../../db/backup/projector';
import { backupSettings } from './settings';
import type { BackupRunner } from './run';

/** When the next scheduled backup is due (ISO), or null when no folder is set. A failed run is tried again after 15 minutes. */
export function nextDue(ctx: ServiceContext): string | null {
  const s = backupSettings(ctx);
  if (!s.folder) return null;
  const scope = backupScope(ctx.stationId);
  const good = ctx.store.read.settings.get<{ at: string }>(scope, 'last_good');
  const last = ctx.store.read.settings.get<{ at: string; ok: boolean }>(scope, 'last_run');
  if (!good) return last && !last.ok ? new Date(Date.parse(last.at) + 15 * 60_000).toISOString() : new Date(0).toISOString();
  const byGood = Date.parse(good.at) + s.everyHours * 3_600_000;
  const byFail = last && !last.ok ? Date.parse(last.at) + 15 * 60_000 : 0;
  return new Date(Math.max(byGood, byFail)).toISOString();
}

/** Look once a minute; a due backup runs in the background (picks go on between its steps). */
export function startSchedule(ctx: ServiceContext, runner: BackupRunner, onError: (err: unknown) => void, everyMs = 60_000): () => void {
  const tick = () => {
    const due = nextDue(ctx);
    if (!due || runner.current || Date.parse(due) > ctx.clock.now().getTime()) return;
    runner.run('schedule').catch(onError);
  };
  const t = setInterval(tick, everyMs);
  t.unref();
  return () => clearInterval(t);
}
