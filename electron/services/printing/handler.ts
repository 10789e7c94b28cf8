import type { JobHandler } from '../../jobs/types';
import { PermanentJobError } from '../../jobs/types';
import { buildZpl } from '../labels/zpl';
import { sendRaw9100 } from '../../../native/printers/tcp9100';
import type { ServiceContext } from '../site/context';
import { labelModelFor } from './label-model';

/** Sends a parcel's label to its printer. Printing twice is harmless; losing a label is not. */
export function printJobHandler(ctx: ServiceContext): JobHandler {
  return {
    kind: 'print.',
    concurrency: 4,
    backoff: { baseMs: 1_000, maxMs: 30_000 },
    maxAttempts: Infinity,
    async run(job) {
      const { parcelId, printerId } = job.payload as { parcelId: string; printerId: string | null };
      if (!printerId) throw new Error('no printer set for this station');
      const printer = ctx.store.settings.printer(printerId);
      if (!printer) throw new Error(`printer ${printerId} is not set up`);
      const label = labelModelFor(ctx, parcelId);
      if (!label) throw new PermanentJobError(`parcel ${parcelId} does not exist`);
      const zpl = buildZpl(label);
      const sent = await sendRaw9100({ host: printer.host, port: printer.port }, zpl);
      return {
        result: { bytes: sent.bytes, ms: Math.round(sent.ms) },
        events: [{ type: 'label.printed', subject: parcelId, payload: { parcelId, jobId: job.id, printerId } }],
      };
    },
  };
}
