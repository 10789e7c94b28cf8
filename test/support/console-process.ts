import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ConsoleProcess {
  url: string;
  dataDir: string;
  /** The per-install token from the printed URL (HTTP API: Authorization: Bearer <token>). */
  token: string;
  /** Call a channel over the HTTP API; throws with the console's own message on an error answer. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Everything the console printed so far. */
  log(): string;
  /** SIGKILL: a crash, nothing flushed or closed. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Run a CLI command of the console (`npm run cli -- ...`) and wait for a line matching `ready`. */
export async function startCli(args: string[], ready: RegExp, timeoutMs = 60_000): Promise<{ child: ChildProcess; match: RegExpMatchArray; log(): string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: not ready in ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${log}`)));
  });
  return { child, match, log: () => log };
}

/** Stop a child with SIGTERM; SIGKILL it (and say so) if it is not down in 15 s. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => {
      console.error('process did not stop on SIGTERM within 15 s; killing it');
      child.kill('SIGKILL');
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}

/** Start the console headless on a data directory, as `npm run cli -- serve` does, and wait for its URL. */
export async function startConsole(dataDir: string, extra: string[] = []): Promise<ConsoleProcess> {
  const { child, match, log } = await startCli(['serve', '--data', dataDir, '--port', '0', ...extra], /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
  const [url, base, token] = [match[0], match[1], match[2]];
  return {
    url,
    dataDir,
    token,
    log,
    async call<T>(channel: string, input: unknown = {}) {
      const res = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as T & { error?: { code: string; message: string } };
      if (!res.ok) throw new Error(`${channel}: ${body.error?.code} ${body.error?.message}`);
      return body;
    },
    kill: () => stopChild(child, 'SIGKILL'),
    stop: () => stopChild(child),
  };
}
