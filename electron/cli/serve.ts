import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../app/create';
import { SettableClock } from '../core/clock';
import { serveHttp } from '../server/http';
import { installToken } from '../server/token';
import { rendererOut } from '../core/paths';
import { guardProcess } from '../app/faults';

export interface ServeArgs {
  dataDir: string;
  port: number;
  demo: boolean;
  mode: 'browser' | 'headless';
  banner: (url: string) => string;
  /** Who takes the data folder's lock ("cli serve", "npm start (browser mode)"). */
  lock: string;
  /** ISO instant: run on a test clock starting there, movable with `clock.set`. */
  testClock?: string;
}

/** The asked port, or the next free one: a second console on the same PC should still start. */
async function listenNearby<T>(port: number, listen: (port: number) => Promise<T>): Promise<T> {
  for (let p = port; ; p++) {
    try {
      return await listen(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || p >= port + 20) throw e;
    }
  }
}

/** Services + the browser-mode console on 127.0.0.1, until SIGINT/SIGTERM. */
export async function serve(a: ServeArgs): Promise<void> {
  const testClock = a.testClock ? new SettableClock() : undefined;
  if (testClock && a.testClock) testClock.runFrom(a.testClock === 'now' ? Date.now() : new Date(a.testClock));
  const app = await createApp({ dataDir: a.dataDir, mode: a.mode, demo: a.demo, testClock, lock: a.lock });
  guardProcess((where, err) => app.faults.record(where, err));
  const token = installToken(a.dataDir);
  const rendererDir = existsSync(join(rendererOut, 'index.html')) ? rendererOut : undefined;
  const served = await listenNearby(a.port, (port) => serveHttp(app, { port, token, rendererDir, onFault: (where, err) => app.faults.record(where, err) }));
  const disk = app.store.disk.status();
  if (disk.startedReadOnly)
    console.log(`The disk is full: the console started read-only. Free space on ${disk.drive}; it starts taking picks again by itself.`);
  console.log(a.banner(`${served.url}?token=${token}`));
  if (!rendererDir) console.log('(No built console pages found: run `npm run build` for the screens; the API works.)');
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await served.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
