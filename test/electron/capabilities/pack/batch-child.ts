// Child process of batch.crash.test.ts: starts a batch of 500 orders and reports its progress until it is killed.
import { createApp } from '../../../../electron/app/create';
import { invoke } from '../../../../electron/app/invoke';
import { signInAs } from '../../../support/app';

const [dataDir] = process.argv.slice(2);
const app = await createApp({ dataDir, mode: 'headless', runJobs: false, lock: 'batch-child' });
await signInAs(app, 'supervisor');
const started = await invoke(app.handlers, 'pack.batchStart', { limit: 500, label: 'morning wave' });
if (!started.ok) throw new Error(started.error.message);
const batchId = (started.data as { id: string }).id;
process.stdout.write(`batch ${batchId}\n`);
for (;;) {
  const r = await invoke(app.handlers, 'pack.batch', { batchId });
  if (!r.ok) throw new Error(r.error.message);
  const b = r.data as { done: number; status: string };
  process.stdout.write(`done ${b.done}\n`);
  if (b.status !== 'running') break;
  await new Promise((res) => setTimeout(res, 5));
}
process.stdout.write('finished\n');
await app.close();
