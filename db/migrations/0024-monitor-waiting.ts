// Day 300 as fast as day 1 with a backlog (issue 16): each tracking source's wait list. A parcel whose
// registration or poll is due but that its source has no room for yet waits here, in the order the source
// takes them (registrations first by parcel, then polls by when they fell due, then parcel), so a pass
// reads only as many as the source can take instead of looking at every waiting parcel again.
// Runtime state like monitor_watch.due_at: the pass writes it when it looks at a parcel, the projector
// takes a row out when its request is queued or the parcel leaves the watch list. Not compared by a rebuild.
export const name = 'monitor-waiting';

export const up = `
CREATE TABLE monitor_waiting (
  source_id  TEXT NOT NULL,
  parcel_id  TEXT NOT NULL,
  kind       INTEGER NOT NULL,  -- 0 registration, 1 poll (a source takes its registrations first)
  since      INTEGER NOT NULL,  -- epoch ms the poll fell due (0 for a registration: by parcel, oldest first)
  PRIMARY KEY (source_id, parcel_id)
) WITHOUT ROWID;
CREATE INDEX monitor_waiting_order ON monitor_waiting (source_id, kind, since, parcel_id);
CREATE INDEX monitor_waiting_parcel ON monitor_waiting (parcel_id);

-- Parcels that left the watch list (delivered, returned, voided) with an exception open: the next pass
-- closes it and takes the parcel off this list, instead of reading every open exception each time.
CREATE TABLE monitor_unwatched (parcel_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO monitor_unwatched (parcel_id)
  SELECT DISTINCT e.parcel_id FROM monitor_exceptions e
  WHERE e.status = 'open' AND NOT EXISTS (SELECT 1 FROM monitor_watch w WHERE w.parcel_id = e.parcel_id);
`;
