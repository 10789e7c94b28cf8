// Child process of retention.crash.test.ts: starts an archive run and works it in batches of 5, reporting
// each batch, until it is killed.
import { createApp } from '../../../../electron/app/create';
import { invoke } from '../../../../electron/app/invoke';
import { SettableClock } from '../../../../electron/core/clock';
import { archiveRun } from '../../../../electron/capabilities/station/retention';
import type { JobRow } from '../../../../db/outbox/reader';
import { signInAs } from '../../../support/app';

const [dataDir, at] = process.argv.slice(2);
const app = await createApp({ dataDir, mode: 'headless', runJobs: false, lock: 'retention-child', testClock: new SettableClock(Number(at)) });
await signInAs(app, 'supervisor');
const started = await invoke(app.handlers, 'retention.run', {});
if (!started.ok) throw new Error(started.error.message);
process.stdout.write(`run ${(started.data as { runId: string }).runId}\n`);
const job = app.store.read.jobs.list({ kindPrefix: 'retention.', status: 'queued', limit: 1 })[0] as JobRow<'retention.archive'>;
let n = 0;
await archiveRun(app.ctx, job, { batch: 5, onBatch: () => process.stdout.write(`batch ${++n}\n`) });
process.stdout.write('finished\n');
await app.close();
