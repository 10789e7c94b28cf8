// Site mode: the station that queued each job, number blocks leased from the site server, and the
// conflicts that only a partition can cause.
export const name = 'site';

export const up = `
ALTER TABLE jobs ADD COLUMN origin TEXT;   -- station whose event queued the job (printers run only there)

-- Blocks of a carrier range this or another station leased from the site server; a station issues
-- numbers only from its own leased blocks.
CREATE TABLE range_blocks (
  range_id     TEXT NOT NULL,
  first        INTEGER NOT NULL,
  last         INTEGER NOT NULL,
  station      TEXT NOT NULL,
  next         INTEGER NOT NULL,   -- first serial not yet issued from the block
  state        TEXT NOT NULL,      -- leased | returned
  leased_at    TEXT NOT NULL,
  returned_at  TEXT,
  PRIMARY KEY (range_id, first)
) WITHOUT ROWID;
CREATE INDEX range_blocks_station ON range_blocks (station, state);

CREATE TABLE site_conflicts (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,   -- order_picked_twice | parcel_on_two_manifests | number_issued_twice | event_refused
  subject     TEXT NOT NULL,   -- the order, parcel or number in dispute
  detail      TEXT NOT NULL,
  event_ids   TEXT NOT NULL,   -- JSON array: the events in conflict
  stations    TEXT NOT NULL,   -- JSON array
  opened_at   TEXT NOT NULL,
  status      TEXT NOT NULL,   -- open | settled
  settled_at  TEXT,
  settled_by  TEXT,
  resolution  TEXT
);
CREATE INDEX site_conflicts_open ON site_conflicts (status, opened_at);
`;
