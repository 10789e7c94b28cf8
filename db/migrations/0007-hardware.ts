// Tables of the hardware capability: printer setup/state beside the core printers table, label
// holds that wait for a person, scanner settings per device, customs settings per line.
export const name = 'hardware';

export const up = `
CREATE TABLE printer_setup (
  printer_id          TEXT PRIMARY KEY,
  transport           TEXT NOT NULL,   -- tcp9100 | cups | windows-raw | system-pdf
  queue               TEXT,            -- CUPS / Windows printer name
  size                TEXT NOT NULL,   -- 4x6 | 4x4
  dpi                 INTEGER NOT NULL,
  fallback_printer_id TEXT,
  status_check        INTEGER NOT NULL -- ask ~HS (ZPL printers on 9100)
);
CREATE TABLE printer_state (
  printer_id  TEXT PRIMARY KEY,
  paused      INTEGER NOT NULL DEFAULT 0,
  paused_note TEXT,
  health      TEXT NOT NULL DEFAULT 'unknown', -- ok | problem | unreachable | unknown
  problems    TEXT NOT NULL DEFAULT '[]',      -- printer-reported: paper_out, ribbon_out, head_open, paused
  health_note TEXT,
  health_at   TEXT,
  diverted_to TEXT                             -- PDF fallback in force: new labels go there
);
CREATE TABLE print_holds (
  job_id     TEXT PRIMARY KEY,
  printer_id TEXT NOT NULL,
  error      TEXT NOT NULL,
  held_at    TEXT NOT NULL
);
CREATE TABLE scanner_config (
  device_key TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  config     TEXT NOT NULL
);
CREATE TABLE line_customs (
  line_id  TEXT PRIMARY KEY,
  settings TEXT NOT NULL
);
`;
