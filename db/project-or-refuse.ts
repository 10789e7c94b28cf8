import type { Sqlite } from './core/open';
import type { StoredEvent } from './event-types';
import { project } from './projections';
import { recordRefused } from './site/conflicts';

/**
 * Project an event that is already in the log (another station's, or any event during a replay). It
 * never throws: if the state here cannot take it, its projection is skipped and a conflict opened.
 */
export function projectOrRefuse(db: Sqlite, e: StoredEvent): void {
  db.exec('SAVEPOINT logged_event');
  try {
    project(db, e);
    db.exec('RELEASE logged_event');
  } catch (err) {
    db.exec('ROLLBACK TO logged_event');
    db.exec('RELEASE logged_event');
    recordRefused(db, e, err);
  }
}
