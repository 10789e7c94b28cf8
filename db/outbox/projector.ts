import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import type { JobDraft } from '../event-types';
import type { Projector } from '../core/types';
import { jobsMoved, projectingEvent } from '../core/current';

export function insertJobs(db: Sqlite, jobs: JobDraft[], at: string): void {
  const ins = stmt(
    db,
    `INSERT INTO jobs (id, kind, target, ref, payload, status, attempts, next_at, created_at, origin)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
  );
  const origin = projectingEvent()?.station ?? null;
  for (const j of jobs) ins.run(j.id, j.kind, j.target, j.ref, JSON.stringify(j.payload), at, at, origin);
  if (jobs.length) jobsMoved();
}

export const jobsProjector: Projector = {
  'job.succeeded': (db, e) => {
    jobsMoved();
    stmt(db, "UPDATE jobs SET status = 'done', attempts = attempts + 1, result = ?, done_at = ?, last_error = NULL, lease_until = NULL WHERE id = ?").run(
      JSON.stringify(e.payload.result),
      e.occurredAt,
      e.payload.jobId,
    );
  },
  'job.failed': (db, e) => {
    jobsMoved();
    stmt(db, 'UPDATE jobs SET attempts = ?, last_error = ?, next_at = ?, lease_until = NULL WHERE id = ?').run(
      e.payload.attempt,
      e.payload.error,
      e.payload.nextAt,
      e.payload.jobId,
    );
  },
  'job.dead': (db, e) => {
    jobsMoved();
    stmt(db, "UPDATE jobs SET status = 'dead', attempts = ?, last_error = ?, lease_until = NULL WHERE id = ?").run(
      e.payload.attempt,
      e.payload.error,
      e.payload.jobId,
    );
  },
  'job.retried': (db, e) => {
    jobsMoved();
    stmt(db, "UPDATE jobs SET status = 'queued', next_at = ?, lease_until = NULL WHERE id = ?").run(e.occurredAt, e.payload.jobId);
  },
};
