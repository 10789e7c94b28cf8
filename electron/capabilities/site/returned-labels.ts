import type { Store } from '../../../db/store';
import type { Clock } from '../../core/clock';

// The prints of AFTER_RESTORE (backup/jobs.ts: rule `printed?`); site imports no other capability.
const PRINTS = new Set(['print.label', 'print.customs_form', 'print.testsheet']);

/**
 * Labels queued by own events that came back from the server after a restore: the label may have
 * printed before the PC died, so it is never sent again unasked. Each waits as "printed?"
 * (print.unconfirmed, set aside out of its printer's lane) for a person to answer.
 */
export function setAsideReturnedLabels(store: Store, clock: Clock, parcelIds: string[]): number {
  const jobs = parcelIds
    .flatMap((id) => store.read.jobs.forRef(id))
    .filter((j) => PRINTS.has(j.kind) && j.status === 'queued' && !j.target.endsWith(':aside') && j.target.startsWith('printer:'));
  if (!jobs.length) return 0;
  store.write('site', clock.now(), (emit) => {
    for (const j of jobs)
      emit({
        type: 'print.unconfirmed',
        subject: j.ref ?? j.id,
        payload: {
          jobId: j.id,
          printerId: j.target.replace(/^printer:/, ''),
          aside: true,
          error:
            'Restored from a backup: this label was queued after the backup and may have printed. Look for it at the printer, then answer: it printed, or print it again.',
        },
      });
  });
  return jobs.length;
}
