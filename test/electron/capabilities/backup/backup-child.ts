// Child process of backup.test.ts: a station that makes one good backup, then starts another and
// stops its own main thread half-way through the copy, until the parent kills it with SIGKILL.
import { createApp } from '../../../../electron/app/create';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { saveBackupSettings } from '../../../../electron/capabilities/backup/settings';

const [dataDir, folder] = process.argv.slice(2);
const app = await createApp({ dataDir, mode: 'headless', runJobs: false, demoOrders: 50 });
saveBackupSettings(app.ctx, dataDir, { folder, everyHours: 4, keep: 5 });
const first = await new BackupRunner(app.ctx, dataDir).run('cli');
process.stdout.write(`good ${first.file}\n`);
const shared = new Int32Array(new SharedArrayBuffer(4));
await new BackupRunner(app.ctx, dataDir, {
  pagesPerStep: 2,
  onStep: (done) => {
    if (done < 0.3) return;
    process.stdout.write('mid-copy\n');
    // Hold the copy half-written: the parent kills the process now.
    Atomics.wait(shared, 0, 0, 60_000);
  },
}).run('cli');
