import type { JobGate } from '../../core/outbox/types';
import type { Replicator } from './replicator';

/** Site-wide jobs run at one station at a time: the one holding the server's lease. */
export function siteJobGate(station: string, replicator: Replicator): JobGate {
  return {
    station,
    async admit(job, leaseMs) {
      const link = replicator.current();
      if (!link) throw new Error('site server not reachable: the job waits for it');
      const lease = await link.leaseJob(job.id, leaseMs);
      return lease === 'leased' ? 'run' : lease === 'leased-again' ? 'retry' : 'skip';
    },
    async finished(job, state) {
      await replicator.current()?.finishJob(job.id, state);
    },
  };
}
