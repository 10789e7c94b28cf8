import type { Sqlite } from './open';
import { EventLog } from './events';
import { project } from './projections';
import type { EventDraft, EventType, StoredEvent } from './event-types';
import { linesReader } from './readers/lines';
import { ordersReader } from './readers/orders';
import { parcelsReader } from './readers/parcels';
import { jobsReader } from './readers/jobs';
import { settingsReader } from './readers/settings';
import { metaStore } from './readers/meta';
import { DiskFullError, DiskWatch, isDiskFull } from './disk';

/**
 * The typed face of the database for services: readers per capability, and one way to write:
 * `write(fn)` runs fn in an IMMEDIATE transaction where `emit` appends events and projects them.
 */
export function createStore(db: Sqlite, station: string, disk: DiskWatch = new DiskWatch(null)) {
  const log = new EventLog(db, station, project);
  const listeners = new Set<(events: StoredEvent[]) => void>();
  return {
    db,
    station,
    log,
    /** Site mode: numbers come only from blocks the site server leased to this station. */
    site: { blocks: false },
    lines: linesReader(db),
    orders: ordersReader(db),
    parcels: parcelsReader(db),
    jobs: jobsReader(db),
    settings: settingsReader(db),
    meta: metaStore(db),
    /** Full disk: writes are refused at once (DiskFullError) until the probe finds room again. */
    disk,
    write<T>(actor: string, at: Date, fn: (emit: <E extends EventType>(d: EventDraft<E>) => StoredEvent<E>) => T): T {
      if (disk.refuses()) throw new DiskFullError(disk.drive);
      const emitted: StoredEvent[] = [];
      let result: T;
      try {
        result = db
          .transaction(() =>
            fn((d) => {
              const e = log.append(d, actor, at);
              emitted.push(e);
              return e;
            }),
          )
          .immediate();
      } catch (err) {
        if (!isDiskFull(err)) throw err;
        disk.markFull();
        throw new DiskFullError(disk.drive);
      }
      if (emitted.length) for (const l of listeners) l(emitted);
      return result;
    },
    /** Tell the listeners about events committed elsewhere (another station's, applied by site mode). */
    announce(events: StoredEvent[]): void {
      if (events.length) for (const l of listeners) l(events);
    },
    /** Called after commit with the events just written (push to screens, wake job runners). */
    onCommit(fn: (events: StoredEvent[]) => void): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

export type Store = ReturnType<typeof createStore>;
