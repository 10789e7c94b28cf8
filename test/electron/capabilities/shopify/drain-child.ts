// Child process of kill.test.ts: opens a console whose Shopify jobs are queued and drains them
// until the parent kills it with SIGKILL.
import { createApp } from '../../../../electron/app/create';

const [dataDir] = process.argv.slice(2);
const app = await createApp({ dataDir, mode: 'headless' });
process.stdout.write('draining\n');
setInterval(() => process.stdout.write(`queued ${app.store.read.jobs.depth('shopify.').queued}\n`), 200);
