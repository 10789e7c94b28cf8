import type { Store } from '../../db/store';
import type { Clock } from '../core/clock';
import { isDiskFull } from '../../db/core/disk';

export interface Fault {
  at: string;
  where: string;
  message: string;
}

/**
 * Errors nothing else caught (a timer, a socket, a request handler): the process logs them, keeps
 * running, and records a `station.fault` event a supervisor sees. A burst of the same fault is
 * recorded once a minute, so a failing timer cannot fill the log (or the disk).
 */
export class Faults {
  private recent: Fault[] = [];
  private lastWritten = new Map<string, number>();
  count = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  record(where: string, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (isDiskFull(err)) {
      // Not a fault: a state the station shows and recovers from by itself.
      this.store.disk.markFull();
      return;
    }
    console.error(`[fault] ${where}:`, err);
    const at = this.clock.now();
    this.count++;
    this.recent.unshift({ at: at.toISOString(), where, message });
    this.recent.length = Math.min(this.recent.length, 20);
    const key = `${where}|${message}`;
    const last = this.lastWritten.get(key);
    if (last !== undefined && at.getTime() - last < 60_000) return;
    this.lastWritten.set(key, at.getTime());
    try {
      if (this.store.isOpen())
        this.store.write('station', at, (emit) => emit({ type: 'station.fault', subject: null, payload: { where, message: message.slice(0, 500) } }));
    } catch (e) {
      console.error('[fault] could not record it in the event log:', e);
    }
  }

  list(): Fault[] {
    return [...this.recent];
  }
}

let installed: ((where: string, err: unknown) => void) | null = null;

/**
 * The process survives what no handler caught (one per process: Electron main, `serve`): log it, record
 * it, keep serving. A console that stops on one bad timer tick stops a whole pick line.
 */
export function guardProcess(onFault: (where: string, err: unknown) => void): void {
  const first = installed === null;
  installed = onFault;
  if (!first) return;
  process.on('uncaughtException', (err) => installed?.('uncaught exception', err));
  process.on('unhandledRejection', (err) => installed?.('unhandled rejection', err));
}
