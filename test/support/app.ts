import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type CreateAppOptions } from '../../electron/app/create';
import { invoke } from '../../electron/app/invoke';
import { channels, type ChannelName, type Input, type Output } from '../../electron/contract/channels';
import type { Role } from '../../electron/contract/roles';
import { DEMO_OPERATORS } from '../../electron/capabilities/operators/demo';
import { createOperator } from '../../electron/capabilities/operators/manage';

export function tempDir(prefix = 'fs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Apps a test asked to keep signed out (`demoApp({ signIn: false })`). */
const unsigned = new WeakSet<App>();

/** Operators the tests sign in: the demo's, or one made for a site without the demo. */
const TEST_PINS: Record<Role, string | null> = { picker: null, dispatch: null, supervisor: '2468', admin: '1357' };

/**
 * Sign an operator of `role` in at the app's station, as a badge scan does: the demo operator of that
 * role, or (a site without the demo) a `test-<role>` operator made for it.
 */
export async function signInAs(app: App, role: Role): Promise<{ id: string; name: string }> {
  const demo = DEMO_OPERATORS.find((o) => o.role === role)!;
  const known = app.store.read.operators;
  let op = known.byBadge(demo.badge) ?? known.byId(`test-${role}`);
  op ??= await createOperator(app.ctx, { id: `test-${role}`, name: `Test ${role}`, role, pin: TEST_PINS[role] });
  // Their own badge again would sign them out: already there is done.
  if (app.env.sessions.current()?.id === op.id) return { id: op.id, name: op.name };
  const r = await app.env.sessions.signIn({ code: op.badge, pin: op.hasPin ? (TEST_PINS[role] ?? undefined) : undefined });
  if (r.outcome !== 'signed_in') throw new Error(`could not sign ${role} in: ${r.outcome}`);
  return r.operator;
}

/**
 * A console on a fresh data directory with the demo site, for service-level tests. Channels refuse
 * callers who are not signed in, so an admin is signed in by default; `signIn: false` leaves the
 * station signed out (tests of refusal), or name the role to sign in.
 */
export async function demoApp(opts: Partial<CreateAppOptions> & { signIn?: Role | false } = {}): Promise<App & { dir: string; dispose(): Promise<void> }> {
  const dir = opts.dataDir ?? tempDir();
  const { signIn = 'admin', ...rest } = opts;
  const app = await createApp({ dataDir: dir, mode: 'headless', ...rest });
  if (signIn) await signInAs(app, signIn);
  else unsigned.add(app);
  return Object.assign(app, {
    dir,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/**
 * Call a channel the way a transport does; fail the test with the console's own message. An app
 * made straight with createApp() and nobody signed in gets its admin signed in first (as `demoApp()`
 * does), so a test only says `signIn: false` where the refusal is what it checks.
 */
export async function api<C extends ChannelName>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  if (channels[channel].role !== 'anyone' && !app.env.sessions.current() && !unsigned.has(app)) await signInAs(app, 'admin');
  const r = await invoke(app.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as Output<C>;
}
