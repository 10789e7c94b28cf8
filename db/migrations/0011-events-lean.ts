// Every index on events is a page in every scan's commit. Only the screen counters asked by time,
// and they now bisect a station's events by station_seq (db/core/events.ts).
export const name = 'events-lean';

export const up = `
DROP INDEX IF EXISTS events_occurred;
`;
