// The Exceptions screen's counts by cause and its list of owners, without reading every open
// exception on each refresh (issue 16). Kept by triggers like the floor counters of 0013.
export const name = 'exception-counts';

export const up = `
CREATE TABLE exception_counts (status TEXT NOT NULL, cause TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (status, cause)) WITHOUT ROWID;
INSERT INTO exception_counts (status, cause, n) SELECT status, cause, count(*) FROM monitor_exceptions GROUP BY status, cause;
CREATE TRIGGER exception_counts_ins AFTER INSERT ON monitor_exceptions BEGIN
  INSERT INTO exception_counts (status, cause, n) VALUES (new.status, new.cause, 1) ON CONFLICT (status, cause) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER exception_counts_upd AFTER UPDATE OF status, cause ON monitor_exceptions
  WHEN old.status IS NOT new.status OR old.cause IS NOT new.cause BEGIN
  UPDATE exception_counts SET n = n - 1 WHERE status = old.status AND cause = old.cause;
  INSERT INTO exception_counts (status, cause, n) VALUES (new.status, new.cause, 1) ON CONFLICT (status, cause) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER exception_counts_del AFTER DELETE ON monitor_exceptions BEGIN
  UPDATE exception_counts SET n = n - 1 WHERE status = old.status AND cause = old.cause;
END;
-- Owners of open exceptions (the owner filter): only the exceptions someone took.
CREATE INDEX monitor_exceptions_owned ON monitor_exceptions (owner) WHERE status = 'open' AND owner IS NOT NULL;
`;
