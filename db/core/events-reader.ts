import type { Sqlite } from './open';
import { countByType, eventsFor, lastPickedParcel, readEvents, type EventQuery } from './events';

/** Reads of the event log itself: a parcel's timeline, the screen counters, the export. */
export function eventsReader(db: Sqlite) {
  return {
    /** Every event about these subjects, in the order they were written. */
    about: (subjects: string[]) => eventsFor(db, subjects),
    /** How many events of each type a station wrote since an instant. */
    countByType: (station: string, since: string) => countByType(db, station, since),
    /** The parcel a station picked or reprinted last. */
    lastPickedParcel: (station: string) => lastPickedParcel(db, station),
    list: (q: EventQuery = {}) => readEvents(db, q),
  };
}
