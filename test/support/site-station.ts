import { writeFileSync } from 'node:fs';
import { createApp, type App } from '../../electron/app/create';
import { replicatorOf } from '../../electron/capabilities/site/handlers';
import { credentialsFile } from '../../electron/capabilities/site/credentials';
import { joinSite } from '../../db/site/server';
import type { StationCredentials } from '../../db/site/server/types';
import { tempDir } from './app';
import type { TestSite } from './pg';

/**
 * A station joined to a test site, in a data dir of its own (`prefix`): created once (with the demo and
 * `demoOrders` orders when given, else empty), joined, its credentials written beside it (`creds` changes
 * them, e.g. the server's address through a proxy), then started again as a joined station.
 */
export async function joinedStation(
  site: TestSite,
  name: string,
  o: { prefix: string; demoOrders?: number; creds?: Partial<StationCredentials> },
): Promise<App> {
  const dir = tempDir(`${o.prefix}${name}-`);
  const first = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demo: o.demoOrders !== undefined, demoOrders: o.demoOrders });
  const creds = await joinSite(site.joinCode, first.ctx.stationId, name);
  await first.close();
  writeFileSync(credentialsFile(dir), JSON.stringify({ ...creds, ...o.creds }), { mode: 0o600 });
  return createApp({ dataDir: dir, mode: 'headless', runJobs: false });
}

/** Every station pushes and pulls, `rounds` times over (those in `cut` are left out: their link is down). */
export async function settleSite(apps: App[], rounds = 3, cut: ReadonlySet<App> = new Set()): Promise<void> {
  for (let i = 0; i < rounds; i++) for (const app of apps) if (!cut.has(app)) await replicatorOf(app.env)!.cycle();
}
