// Day 300 as fast as day 1 (issue 16): a look at a parcel reads its wait-list rows by parcel. The index on
// parcel_id alone sent every row found back to the table for its kind and since (a second search a row,
// a third of a first pass's reads at 100k); with them in the index (source_id comes with the key) the
// read is the index alone.
export const name = 'monitor-waiting-covering';

export const up = `
DROP INDEX monitor_waiting_parcel;
CREATE INDEX monitor_waiting_parcel ON monitor_waiting (parcel_id, kind, since);
`;
