// Day 300 as fast as day 1, the data side (issue 16):
// - the monitor pass visits only the parcels that are due: `monitor_watch.due_at` (epoch ms; 0 = now) is
//   when the pass next has to look at a parcel. The pass writes it after each look; the monitor's projector
//   sets it back to 0 whenever what the pass reads of the parcel changes. Runtime state (like
//   jobs.lease_until): a rebuild leaves it 0, so the next pass looks at every parcel once.
// - retention: delivered parcels past the site's horizon have their bulky rows (tracking scans, poll state,
//   finished jobs) moved into the archive file beside the database (db/retention/archive.ts). The events stay.
export const name = 'due-and-archive';

export const up = `
ALTER TABLE monitor_watch ADD COLUMN due_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX monitor_watch_due ON monitor_watch (due_at);
CREATE INDEX monitor_source_parcels_parcel ON monitor_source_parcels (parcel_id);

-- When the parcel's bulky rows went to the archive (retention.archived), null while they are here.
ALTER TABLE monitor_tracking ADD COLUMN archived_at TEXT;
-- Delivered parcels not archived yet, oldest delivery first: what the next archive batch takes.
CREATE INDEX monitor_tracking_to_archive ON monitor_tracking (status_at) WHERE status = 'delivered' AND archived_at IS NULL;

-- Archive runs, site-wide: when, up to which delivery time, how much went to the archive.
CREATE TABLE retention_runs (
  run_id             TEXT PRIMARY KEY,
  station            TEXT NOT NULL,    -- the station that ran it
  started_at         TEXT NOT NULL,
  horizon_days       INTEGER NOT NULL,
  cutoff             TEXT NOT NULL,    -- parcels delivered before this instant
  file               TEXT NOT NULL,    -- the archive file's name, beside the database
  trigger            TEXT NOT NULL,    -- schedule | console | cli
  batches            INTEGER NOT NULL DEFAULT 0,
  parcels            INTEGER NOT NULL DEFAULT 0,
  rows               INTEGER NOT NULL DEFAULT 0,
  bytes              INTEGER NOT NULL DEFAULT 0,
  exceptions_closed  INTEGER NOT NULL DEFAULT 0,
  finished_at        TEXT
) WITHOUT ROWID;
CREATE INDEX retention_runs_started ON retention_runs (started_at);
`;
