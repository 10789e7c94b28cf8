import type { Sqlite } from '../open';
import { countByType, eventsFor, lastOfTypes, readEvents, type EventQuery } from '../events';
import type { EventType } from '../event-types';

/** Reads of the event log itself: a parcel's timeline, the screen counters, the export. */
export function eventsReader(db: Sqlite) {
  return {
    /** Every event about these subjects, in the order they were written. */
    about: (subjects: string[]) => eventsFor(db, subjects),
    /** How many events of each type a station wrote since an instant. */
    countByType: (station: string, since: string) => countByType(db, station, since),
    /** A station's latest event of these types. */
    lastOfTypes: (station: string, types: EventType[]) => lastOfTypes(db, station, types),
    list: (q: EventQuery = {}) => readEvents(db, q),
  };
}
