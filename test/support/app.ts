import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type CreateAppOptions } from '../../electron/app/create';
import { invoke } from '../../electron/app/invoke';
import type { ChannelName, Input, Output } from '../../electron/contract/channels';

export function tempDir(prefix = 'fs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A console on a fresh data directory with the demo site, for service-level tests. */
export async function demoApp(opts: Partial<CreateAppOptions> = {}): Promise<App & { dir: string; dispose(): Promise<void> }> {
  const dir = opts.dataDir ?? tempDir();
  const app = await createApp({ dataDir: dir, mode: 'headless', ...opts });
  return Object.assign(app, {
    dir,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Call a channel the way a transport does; fail the test with the console's own message. */
export async function api<C extends ChannelName>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await invoke(app.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as Output<C>;
}
