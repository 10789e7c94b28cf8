import { renameSync } from 'node:fs';
import type { Store } from '../../../db/store';
import type { Clock } from '../../core/clock';
import type { Replicator } from './replicator';
import { credentialsFile, SITE_PASSWORD } from './credentials';
import { secretStoreFor } from '../../core/secrets';
import { returnUnusedBlocks } from './return-blocks';

/**
 * Take a station out of its site: push what it has, give back the numbers it leased and did not
 * issue, and put the credentials aside, so the next start runs as a single station on its own copy.
 */
export async function leaveSite(rep: Replicator | null, store: Store, clock: Clock, dataDir: string): Promise<{ returned: number; unpushed: number }> {
  if (!rep) throw new Error('This station is not in a site: nothing to leave.');
  rep.leaving = true;
  await rep.cycle();
  const link = rep.current();
  if (!link) throw new Error(`The site server cannot be reached (${rep.state.error}). Leave when it is: the numbers this station holds must go back first.`);
  const returned = await returnUnusedBlocks(store, clock, link);
  await rep.cycle();
  const unpushed = rep.unpushedCount();
  if (unpushed) throw new Error(`${unpushed} events of this station did not reach the server yet; try again.`);
  await rep.stop();
  renameSync(credentialsFile(dataDir), `${credentialsFile(dataDir)}.left`);
  secretStoreFor(dataDir).delete(SITE_PASSWORD);
  return { returned, unpushed };
}
