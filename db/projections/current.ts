import type { StoredEvent } from '../event-types';

let projecting: StoredEvent | null = null;

/** The event whose projection is running (jobs record the station that queued them). */
export function projectingEvent(): StoredEvent | null {
  return projecting;
}

export function whileProjecting<T>(e: StoredEvent, fn: () => T): T {
  const outer = projecting;
  projecting = e;
  try {
    return fn();
  } finally {
    projecting = outer;
  }
}
