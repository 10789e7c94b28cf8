import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built desktop main (out/main/index.js) run under Node with the recording stand-in for the
 * `electron` module (test/support/electron-double). Used by the boot test and bench/station.ts.
 */
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const mainJs = join(root, 'out', 'main', 'index.js');
const register = join(root, 'test', 'support', 'electron-double', 'register.mjs');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/** Build out/ with electron-vite unless it is newer than every source it is made from. */
export function ensureBuilt(): void {
  const sources = ['electron', 'db', 'native', 'renderer', 'resources'].map((d) => newest(join(root, d)));
  const built = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].map((f) => join(root, 'out', f));
  if (built.every(existsSync) && Math.min(...built.map((f) => statSync(f).mtimeMs)) > Math.max(...sources)) return;
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--config', 'electron/shell/electron.vite.config.ts'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Msg {
  type: string;
  id?: number;
  [k: string]: unknown;
}

export interface Recorded {
  singleInstanceLock: number;
  windows: Array<{ options: { webPreferences?: Record<string, unknown>; [k: string]: unknown } }>;
  ipc: string[];
  menu: Array<{ label: string | null; role: string | null; accelerator: string | null; submenu: Recorded['menu'] }> | null;
  csp: string | null;
  permissionDenied: boolean | null;
  loads: Array<{ file?: string; url?: string; at: number }>;
  dialogs: Array<{ message: string; detail: string }>;
  unhandled: string[];
  devtools: number;
  kiosk: boolean[];
  fullscreen: boolean[];
  loginItems: unknown[];
  focus: number;
  /** Pushes sent to the page besides events.appended and jobs.changed. */
  pushes: Array<{ name: string; data: unknown }>;
  notifications: Array<{ title: string; body: string; silent: boolean | null }>;
  exit: number | null;
}

export class StationProcess {
  readonly child: ChildProcess;
  readonly messages: Msg[] = [];
  readonly exited: Promise<number>;
  private out = '';
  private seq = 0;
  private waiters: Array<{ match: (m: Msg) => boolean; resolve: (m: Msg) => void }> = [];

  constructor(dataDir: string, env: Record<string, string> = {}, main = mainJs) {
    this.child = fork(main, [], {
      cwd: root,
      execArgv: ['--import', register],
      env: { ...process.env, FIRSTSCAN_DATA: dataDir, FIRSTSCAN_HARDWARE: 'on', ELECTRON_RENDERER_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout!.on('data', (d) => (this.out += d));
    this.child.stderr!.on('data', (d) => (this.out += d));
    this.child.on('message', (m: Msg) => {
      this.messages.push(m);
      for (const w of [...this.waiters])
        if (w.match(m)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(m);
        }
    });
    this.exited = new Promise((r) => this.child.on('exit', (code, signal) => r(code ?? (signal ? 128 : -1))));
  }

  output(): string {
    return this.out;
  }

  /** The first message (past or future) that matches, or a rejection naming what was seen. */
  waitFor(match: (m: Msg) => boolean, ms = 60_000): Promise<Msg> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; messages: ${this.messages.map((m) => m.type).join(', ')}; output:\n${this.out}`)), ms);
      const w = { match, resolve: (m: Msg) => (clearTimeout(timer), resolve(m)) };
      this.waiters.push(w);
      void this.exited.then(() =>
        setTimeout(() => {
          if (this.waiters.includes(w)) reject(new Error(`the station exited; messages: ${this.messages.map((m) => m.type).join(', ')}; output:\n${this.out}`));
        }, 200),
      );
    });
  }

  private command(m: Record<string, unknown>): Promise<Msg> {
    const id = ++this.seq;
    const p = this.waitFor((x) => x.id === id);
    this.child.send({ ...m, id });
    return p;
  }

  /** Click a notification the main process showed (the last one by default), as the OS would. */
  async clickNotification(index?: number): Promise<void> {
    await this.command({ cmd: 'click-notification', index });
  }

  async report(): Promise<Recorded> {
    return (await this.command({ cmd: 'report' })).rec as Recorded;
  }

  /** Sign the demo admin in once the console answers (set false for tests of the sign-in itself). */
  signIn = true;
  private signedIn: Promise<unknown> | null = null;

  /**
   * Call a channel's ipcMain handler as the console's own frame ('main') or another frame would.
   * Data-changing channels refuse a station nobody is signed in at: the first call signs in the
   * demo's admin, as a badge and PIN would.
   */
  async invoke(
    channel: string,
    input: unknown = {},
    frame: 'main' | 'other' = 'main',
  ): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }> {
    if (this.signIn && frame === 'main' && !channel.startsWith('operators.')) await (this.signedIn ??= this.signInAdmin());
    const m = await this.command({ cmd: 'invoke', channel, input, frame });
    if (m.error) throw new Error(String(m.error));
    return m.result as never;
  }

  /** The demo's admin; a station without the demo's operators (one that joined a site) makes its first admin. */
  private async signInAdmin(): Promise<void> {
    const call = async (channel: string, input: unknown) => (await this.command({ cmd: 'invoke', channel, input, frame: 'main' })).result as { ok: boolean };
    // A station joining a site waits for the site's operators (its first pull) before anyone signs in.
    for (const until = Date.now() + 90_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      const session = (await this.command({ cmd: 'invoke', channel: 'operators.session', input: {}, frame: 'main' })).result as {
        data?: { siteWait: string | null };
      };
      if (!session.data?.siteWait) break;
    }
    if ((await call('operators.signIn', { code: 'OP-ADA4-5190', pin: '1357' })).ok) return;
    await call('operators.firstAdmin', { id: 'test-admin', name: 'Test admin', pin: '1357' });
  }

  /** Emit an Electron event; '$event' in args stands for an event object whose preventDefault is recorded. */
  async emit(on: 'app' | 'window' | 'webContents', event: string, args: unknown[] = []): Promise<{ prevented: boolean }> {
    return (await this.command({ cmd: 'emit', on, event, args })) as never;
  }

  async openWindow(url: string): Promise<{ action: string | null; external: string | null }> {
    return (await this.command({ cmd: 'open', url })) as never;
  }

  async quit(): Promise<number> {
    this.child.send({ cmd: 'quit', id: ++this.seq });
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
