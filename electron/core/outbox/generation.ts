import type { Store } from '../../../db/store';
import type { Clock } from '../clock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Generation {
  generation: number;
  /** Leases a dead process held, released at this start (print jobs: set aside as unconfirmed). */
  released: number;
  setAside: string[];
}

/**
 * Each process that runs this station's outbox is a new generation (meta `runner_generation`, its pid
 * in `runner_pid`). At start, a lease held by an earlier generation whose process is gone is released
 * at once, for every lane, instead of lapsing a minute later: the lane goes on now. A label that was
 * being sent may have reached the printer, so it is never sent again unasked: it is set aside as
 * "printed?" (print.unconfirmed) for the picker or a supervisor to confirm or reprint. Shopify jobs are
 * left to the Shopify capability, which looks before it creates again.
 */
export function startGeneration(store: Store, clock: Clock): Generation {
  const prevPid = Number(store.read.meta.get('runner_pid') ?? 0);
  const generation = Number(store.read.meta.get('runner_generation') ?? 0) + 1;
  const setAside: string[] = [];
  let released = 0;
  // Another live console on this data directory holds its leases rightly: leave them.
  const previousAlive = prevPid > 0 && prevPid !== process.pid && alive(prevPid);
  store.batch(() => {
    store.meta.set('runner_generation', String(generation));
    store.meta.set('runner_pid', String(process.pid));
    if (previousAlive) return;
    const leased = store.read.jobs.leased();
    const prints = leased.filter((j) => j.kind === 'print.label' || j.kind === 'print.customs_form' || j.kind === 'print.testsheet');
    if (prints.length)
      store.write('outbox', clock.now(), (emit) => {
        for (const j of prints) {
          const printerId = j.target.replace(/^printer:/, '');
          emit({
            type: 'print.unconfirmed',
            subject: j.ref ?? j.id,
            payload: {
              jobId: j.id,
              printerId,
              aside: true,
              error: 'The console stopped while this label was being sent. Check whether it printed, then answer: it printed, or print it again.',
            },
          });
          setAside.push(j.id);
        }
      });
    for (const j of leased) {
      if (j.kind.startsWith('shopify.')) continue;
      store.jobs.release(j.id);
      released++;
    }
  });
  return { generation, released, setAside };
}
