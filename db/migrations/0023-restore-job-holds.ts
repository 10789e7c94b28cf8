// After a restore: queued jobs that reach a person and cannot be looked up (buyer e-mails, the
// supervisor webhook, a manifest to a carrier that cannot be asked) wait here, out of their lane,
// until a supervisor answers "it went" or "send it again" (issue 19).
export const name = 'restore-job-holds';

export const up = `
CREATE TABLE restore_job_holds (
  job_id      TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  target      TEXT NOT NULL,    -- its lane before it was set aside
  held_at     TEXT NOT NULL,
  answered_at TEXT,
  decision    TEXT               -- went | send_again
);
`;
