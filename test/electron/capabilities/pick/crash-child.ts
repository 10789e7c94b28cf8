// Child process of issuance.crash.test.ts: scans open orders one after another and prints each
// tracking number only after pick.scan returned (i.e. after the commit), until it is killed.
import { createApp } from '../../../../electron/app/create';
import { invoke } from '../../../../electron/app/invoke';
import { signInAs } from '../../../support/app';

const [dataDir, folderLock] = process.argv.slice(2);
// 'no-lock': the race test runs two of these on one folder to prove the store's own transactions.
const app = await createApp({ dataDir, mode: 'headless', runJobs: false, lock: folderLock === 'no-lock' ? false : 'crash-child' });
await signInAs(app, 'picker');
const open = app.store.read.orders.list({ status: 'open', limit: 100_000 });
process.stdout.write('ready\n');
for (const o of open) {
  const r = await invoke(app.handlers, 'pick.scan', { code: o.name });
  if (r.ok && (r.data as { outcome: string }).outcome === 'issued') {
    process.stdout.write(`${(r.data as { parcel: { trackingNumber: string } }).parcel.trackingNumber}\n`);
  }
}
process.stdout.write('done\n');
await app.close();
