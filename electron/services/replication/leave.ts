import { renameSync } from 'node:fs';
import type { App } from '../../app/create';
import { replicatorOf } from '../../app/capabilities/replication';
import { credentialsFile, SITE_PASSWORD } from './credentials';
import { secretStoreFor } from '../secrets';
import { returnUnusedBlocks } from './return-blocks';

/**
 * Take a station out of its site: push what it has, give back the numbers it leased and did not
 * issue, and put the credentials aside, so the next start runs as a single station on its own copy.
 */
export async function leaveSite(app: App): Promise<{ returned: number; unpushed: number }> {
  const rep = replicatorOf(app.env);
  if (!rep) throw new Error('This station is not in a site: nothing to leave.');
  rep.leaving = true;
  await rep.cycle();
  const link = rep.current();
  if (!link) throw new Error(`The site server cannot be reached (${rep.state.error}). Leave when it is: the numbers this station holds must go back first.`);
  const returned = await returnUnusedBlocks(app.store, app.ctx.clock, link);
  await rep.cycle();
  const unpushed = rep.unpushedCount();
  if (unpushed) throw new Error(`${unpushed} events of this station did not reach the server yet; try again.`);
  await rep.stop();
  renameSync(credentialsFile(app.env.dataDir), `${credentialsFile(app.env.dataDir)}.left`);
  secretStoreFor(app.env.dataDir).delete(SITE_PASSWORD);
  return { returned, unpushed };
}
