// Operators, their sessions at stations, integrator API tokens, supervisor notifications.
export const name = 'operators';

export const up = `
CREATE TABLE operators (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,
  badge         TEXT NOT NULL UNIQUE,
  pin_hash      TEXT,
  active        INTEGER NOT NULL DEFAULT 1,
  failures      INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  created_at    TEXT NOT NULL
);
-- Who is signed in at each station (one operator per station at a time).
CREATE TABLE operator_sessions (
  station      TEXT PRIMARY KEY,
  operator_id  TEXT NOT NULL,
  since        TEXT NOT NULL,
  via          TEXT NOT NULL
);
CREATE TABLE operator_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
CREATE TABLE api_tokens (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  revoked_at  TEXT
);
CREATE TABLE notifications (
  seq         INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  key         TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  screen      TEXT NOT NULL,
  raised_at   TEXT NOT NULL
);
CREATE INDEX notifications_key ON notifications (key, raised_at);
CREATE INDEX events_actor ON events (actor, occurred_at);
`;
