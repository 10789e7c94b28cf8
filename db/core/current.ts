import type { StoredEvent } from '../event-types';

let projecting: StoredEvent | null = null;

/** The event whose projection is running (jobs record the station that queued them). */
export function projectingEvent(): StoredEvent | null {
  return projecting;
}

const movedJobs = new WeakSet<StoredEvent>();

/** The projection running queued or changed outbox jobs: the job runner is woken after its commit. */
export function jobsMoved(): void {
  if (projecting) movedJobs.add(projecting);
}

/** Did this committed event queue or change jobs (whatever its name)? */
export function movesJobs(e: StoredEvent): boolean {
  return movedJobs.has(e);
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
