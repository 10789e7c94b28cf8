// Child process of concurrency.test.ts: a second station on the same data directory, its own
// connection. Waits for "go" on stdin, then loads every tracking number given onto its manifest.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSqlite } from '../../../../db/core/open';
import { createStore } from '../../../../db/store';
import { SettableClock } from '../../../../electron/core/clock';
import { dispatchScan } from '../../../../electron/capabilities/dispatch/load';

const [dataDir, station, manifestId, at, ...numbers] = process.argv.slice(2);
const db = openSqlite({ file: join(dataDir, 'firstscan.db') });
const ctx = { store: createStore(db, station), clock: new SettableClock(new Date(at)), stationId: station };
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
const outcomes: string[] = [];
for (const n of numbers) {
  const r = dispatchScan(ctx, manifestId, n);
  outcomes.push(r.outcome === 'refused' ? r.code : r.outcome);
}
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
db.close();
