import { createApp } from '../app/create';
import { BackupRunner } from '../capabilities/backup/run';
import { previewBackup, stageRestore, type BackupPreview } from '../capabilities/backup/restore';

export const BACKUP_USAGE = `  npm run cli -- backup now [--data <dir>] [--to <folder>]        back up the station (progress on stderr); the station must not be
                                                                running (there: F7 Devices → Back up now, or POST /api/backup.run)
  npm run cli -- backup verify <file>                           open a backup read-only: integrity, events, parcels, last numbers
  npm run cli -- backup restore <file> [--data <dir>]           stage a backup: the station starts on it next time and picks wait
                                                                until a supervisor confirms the numbers (F7 Devices)`;

function describe(p: BackupPreview): string {
  const lines = [
    `${p.file}: ${p.ok ? 'good' : `NOT usable: ${p.problem}`}`,
    `  taken ${p.backupAt ?? '?'} · station ${p.stationId ?? '?'} · ${p.events} events · ${p.parcels} parcels`,
    ...p.ranges.map((r) => `  ${r.lineName}: last number ${r.lastIssued ?? '(none issued)'} · ${r.left} left`),
    ...p.pool.map((x) => `  ${x.lineName} (pool): last used ${x.lastUsed ?? '(none)'} · ${x.free} free`),
  ];
  return lines.join('\n');
}

export async function backupCommand(sub: string | undefined, arg: string | undefined, dataDir: string, to: string | undefined): Promise<number> {
  if (sub === 'verify' && arg) {
    const p = previewBackup(arg);
    console.log(describe(p));
    return p.ok ? 0 : 1;
  }
  if (sub === 'restore' && arg) {
    const p = stageRestore(dataDir, arg, new Date());
    console.log(describe(p));
    console.log(
      `Staged in ${dataDir}. Start (or restart) the station: it opens this backup, keeps the database it replaces aside, and picks wait until a supervisor confirms the numbers on F7 Devices.`,
    );
    return 0;
  }
  if (sub === 'now') {
    let app: Awaited<ReturnType<typeof createApp>>;
    try {
      app = await createApp({ dataDir, mode: 'headless', runJobs: false, demo: false, background: false, lock: 'cli backup' });
    } catch (e) {
      throw new Error(`${(e as Error).message}\nA running station backs itself up: F7 Devices → Back up now, or POST /api/backup.run on its console.`);
    }
    try {
      let last = -1;
      const runner = new BackupRunner(app.ctx, dataDir, {
        onStep: (done) => {
          const pct = Math.floor(done * 100);
          if (process.stderr.isTTY) process.stderr.write(`\r[${'#'.repeat(Math.round(pct / 5)).padEnd(20, '-')}] ${String(pct).padStart(3)}% copying`);
          else if (Math.floor(pct / 25) !== last) process.stderr.write(`${pct}% copying\n`);
          last = Math.floor(pct / 25);
        },
      });
      const r = await runner.run('cli', to);
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(
        `${r.file}: ${(r.bytes / 1048576).toFixed(1)} MB, ${r.events} events, ${r.parcels} parcels, checked (integrity ok) in ${(r.ms / 1000).toFixed(1)} s${r.pruned.length ? `; removed ${r.pruned.length} older` : ''}`,
      );
      return 0;
    } finally {
      await app.close();
    }
  }
  console.error(`Usage:\n${BACKUP_USAGE}`);
  return 2;
}
