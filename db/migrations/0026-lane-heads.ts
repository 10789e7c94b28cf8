// Day 300 as fast as day 1 (issue 16): the outbox pass found each handler's due lane heads by walking
// every lane with a queued job, once per handler: with 10,000 Shopify lanes queued (a store offline, one
// lane per order) a print handler's look took 24.5 ms, six handlers a pass, a pass after every commit.
// The head of each lane (its oldest queued job) is kept here by triggers on `jobs`, in the transaction
// that changes a lane, whichever projector or writer does it; a handler reads its due heads kind by kind
// in due order, as many as it has room for.
export const name = 'lane-heads';

/** Make the lane's row the head it has now: no write when it has not changed, none left when the lane is empty. */
const recompute = (lane: string, only = '1') => `
  DELETE FROM lane_heads WHERE target = ${lane} AND ${only} AND NOT EXISTS (
    SELECT 1 FROM (SELECT id, next_at FROM jobs INDEXED BY jobs_lane WHERE status = 'queued' AND target = ${lane} ORDER BY created_at, id LIMIT 1) h
    WHERE h.id = lane_heads.job_id AND h.next_at = lane_heads.next_at);
  INSERT OR IGNORE INTO lane_heads (target, job_id, kind, next_at)
    SELECT target, id, kind, next_at FROM jobs INDEXED BY jobs_lane WHERE status = 'queued' AND target = ${lane} AND ${only} ORDER BY created_at, id LIMIT 1;`;

export const up = `
CREATE TABLE lane_heads (
  target TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  next_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX lane_heads_due ON lane_heads (kind, next_at, job_id);
INSERT INTO lane_heads (target, job_id, kind, next_at)
  SELECT target, id, kind, next_at FROM (
    SELECT target, id, kind, next_at, row_number() OVER (PARTITION BY target ORDER BY created_at, id) AS n FROM jobs WHERE status = 'queued'
  ) WHERE n = 1;
CREATE TRIGGER jobs_lane_head_added AFTER INSERT ON jobs WHEN NEW.status = 'queued' BEGIN${recompute('NEW.target')}
END;
CREATE TRIGGER jobs_lane_head_changed AFTER UPDATE OF status, target, next_at, created_at ON jobs BEGIN${recompute('OLD.target')}${recompute('NEW.target', 'NEW.target IS NOT OLD.target')}
END;
CREATE TRIGGER jobs_lane_head_removed AFTER DELETE ON jobs WHEN OLD.status = 'queued' BEGIN${recompute('OLD.target')}
END;
`;
