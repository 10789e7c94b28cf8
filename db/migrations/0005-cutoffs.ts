// Tables of the cutoffs capability: each line's calendar + first-scan window (current and every
// version, for undo), and each parcel's ship date and expected first-scan window.
export const name = 'cutoffs';

export const up = `
CREATE TABLE cutoff_calendars (
  line_id     TEXT PRIMARY KEY REFERENCES carrier_lines (id),
  version     INTEGER NOT NULL,
  calendar    TEXT NOT NULL,   -- JSON LineCalendar (zone, pickups, holidays, overrides, rules)
  first_scan  TEXT NOT NULL,   -- JSON first-scan window
  saved_at    TEXT NOT NULL,
  saved_by    TEXT NOT NULL,
  reason      TEXT NOT NULL
);

CREATE TABLE cutoff_calendar_versions (
  line_id      TEXT NOT NULL REFERENCES carrier_lines (id),
  version      INTEGER NOT NULL,
  calendar     TEXT NOT NULL,
  first_scan   TEXT NOT NULL,
  saved_at     TEXT NOT NULL,
  saved_by     TEXT NOT NULL,
  reason       TEXT NOT NULL,
  undone_at    TEXT,
  undone_by    TEXT,
  undo_reason  TEXT,
  PRIMARY KEY (line_id, version)
);

ALTER TABLE parcels ADD COLUMN cutoff_at TEXT;
ALTER TABLE parcels ADD COLUMN pickup_at TEXT;
ALTER TABLE parcels ADD COLUMN ship_label TEXT;
ALTER TABLE parcels ADD COLUMN ship_late INTEGER;
ALTER TABLE parcels ADD COLUMN expected_first_scan_from TEXT;
ALTER TABLE parcels ADD COLUMN expected_first_scan_to TEXT;
CREATE INDEX parcels_line_pickup ON parcels (line_id, pickup_at);
`;
