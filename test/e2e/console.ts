import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ConsoleProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Start the console headless on a data directory, as `npm run cli -- serve` does, and wait for its URL. */
export async function startConsole(dataDir: string, extra: string[] = []): Promise<ConsoleProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'serve', '--data', dataDir, '--port', '0', ...extra], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`console exited (${code}):\n${log}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // A console that does not stop in 15 s is a bug the log shows; the test run must go on.
        const kill = setTimeout(() => {
          console.error('console did not stop on SIGTERM within 15 s; killing it');
          child.kill('SIGKILL');
        }, 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ console: ConsoleProcess }>({
  console: async ({}, use) => {
    const c = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-')));
    await use(c);
    await c.stop();
  },
});

export { expect } from '@playwright/test';
