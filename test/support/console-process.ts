import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliArgs } from './bundle';

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
  const child: ChildProcess = spawn(process.execPath, cliArgs(args), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Stop a child with SIGTERM; SIGKILL it (and say so, with the end of what it printed) if it is not down in 15 s. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', log?: () => string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => {
      const tail = log?.().trim().split('\n').slice(-8).join('\n');
      console.error(`process did not stop on SIGTERM within 15 s; killing it${tail ? `. It printed last:\n${tail}` : ''}`);
      child.kill('SIGKILL');
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}

/** How a started console is signed in: an operator of this role (default admin), or nobody. */
export interface StartOptions {
  signIn?: 'picker' | 'dispatch' | 'supervisor' | 'admin' | false;
}

// The demo's operators (electron/capabilities/operators/demo.ts); a site without the demo gets a first admin.
const DEMO_BADGES = {
  picker: { code: 'OP-ANA1-4821' },
  dispatch: { code: 'OP-DAN2-7305' },
  supervisor: { code: 'OP-SAM3-1962', pin: '2468' },
  admin: { code: 'OP-ADA4-5190', pin: '1357' },
} as const;

/**
 * Data-changing channels refuse a console nobody is signed in at, so a started console signs in an
 * operator at once, as a badge scan would (the browser then opens signed in). `signIn: false` for
 * tests of the sign-in itself.
 */
async function signInConsole(c: ConsoleProcess, role: NonNullable<StartOptions['signIn']> | false): Promise<void> {
  if (!role) return;
  let session = await c.call<{ firstAdmin: boolean; siteWait: string | null }>('operators.session', {});
  // A station joining a site has no operators until its first pull brings the site's (then they sign in).
  for (const until = Date.now() + 90_000; session.siteWait && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 200));
    session = await c.call('operators.session', {});
  }
  if (session.firstAdmin) {
    await c.call('operators.firstAdmin', { id: 'test-admin', name: 'Test admin', pin: '1357' });
    return;
  }
  await c.call('operators.signIn', DEMO_BADGES[role]);
}

/** Start the console headless on a data directory, as `npm run cli -- serve` does, and wait for its URL. */
export async function startConsole(dataDir: string, extra: string[] = [], opts: StartOptions = {}): Promise<ConsoleProcess> {
  const c = await startBare(dataDir, extra);
  try {
    await signInConsole(c, opts.signIn ?? 'admin');
  } catch (err) {
    await c.stop();
    throw err;
  }
  return c;
}

async function startBare(dataDir: string, extra: string[]): Promise<ConsoleProcess> {
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
    stop: () => stopChild(child, 'SIGTERM', log),
  };
}
