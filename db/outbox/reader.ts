import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { JobKind, JobPayloads } from '../job-types';

/** A job as the outbox holds it: `JobRow` is the union of every kind, `JobRow<K>` one kind's (what its handler gets). */
export type JobRow<K extends JobKind = JobKind> = {
  [P in K]: {
    id: string;
    kind: P;
    target: string;
    ref: string | null;
    payload: JobPayloads[P];
    status: 'queued' | 'done' | 'dead';
    attempts: number;
    nextAt: string;
    lastError: string | null;
    result: Record<string, unknown> | null;
    createdAt: string;
    doneAt: string | null;
  };
}[K];

/** JobRow's fields, kind and payload not tied together (the row mapper sees columns one by one). */
type JobColumns = { [F in keyof JobRow]: JobRow[F] };

// The kind column and the payload were written together from a typed JobDraft (projections/jobs.ts).
export const toJob = rowMapper<JobColumns>({
  id: 'id',
  kind: 'kind',
  target: 'target',
  ref: 'ref',
  payload: json('payload'),
  status: 'status',
  attempts: 'attempts',
  nextAt: 'next_at',
  lastError: 'last_error',
  result: json('result'),
  createdAt: 'created_at',
  doneAt: 'done_at',
}) as (r: Raw) => JobRow;

export function jobsReader(db: Sqlite) {
  return {
    get(id: string): JobRow | undefined {
      const r = stmt(db, 'SELECT * FROM jobs WHERE id = ?').get(id) as Raw | undefined;
      return r && toJob(r);
    },
    /**
     * The head of each lane (target) that is due and not leased. Jobs of one target go in creation
     * order: a later label never overtakes an earlier one on the same printer.
     */
    /** Lane heads due now; with `origin`, only jobs queued by that station's events (its printers). */
    dueHeads(kinds: readonly JobKind[], nowIso: string, limit: number, origin: string | null = null): JobRow[] {
      // Lane by lane through the queued index (a skip over distinct targets, then each lane's first
      // job): the cost follows the number of lanes, not of queued jobs (10 or 10,000 labels waiting).
      const rows = stmt(
        db,
        `WITH RECURSIVE lanes(target) AS (
           SELECT (SELECT min(target) FROM jobs INDEXED BY jobs_lane WHERE status = 'queued')
           UNION ALL
           SELECT (SELECT min(target) FROM jobs INDEXED BY jobs_lane WHERE status = 'queued' AND target > lanes.target) FROM lanes WHERE lanes.target IS NOT NULL
         )
         SELECT j.* FROM lanes
           JOIN jobs j ON j.id = (SELECT h.id FROM jobs h INDEXED BY jobs_lane WHERE h.status = 'queued' AND h.target = lanes.target ORDER BY h.created_at, h.id LIMIT 1)
         WHERE lanes.target IS NOT NULL AND j.kind IN (SELECT value FROM json_each(?)) AND j.next_at <= ? AND (j.lease_until IS NULL OR j.lease_until < ?)
           AND (? IS NULL OR j.origin IS NULL OR j.origin = ?)
         ORDER BY j.created_at LIMIT ?`,
      ).all(JSON.stringify(kinds), nowIso, nowIso, origin, origin, limit) as Raw[];
      return rows.map(toJob);
    },
    /** Queued jobs under a lease (at start: leases of a process that is gone). */
    leased(): JobRow[] {
      return (stmt(db, "SELECT * FROM jobs WHERE status = 'queued' AND lease_until IS NOT NULL ORDER BY created_at").all() as Raw[]).map(toJob);
    },
    /** The error of the first failing queued job in a lane, if the lane is stuck. */
    laneError(target: string): string | null {
      const r = stmt(
        db,
        "SELECT last_error FROM jobs INDEXED BY jobs_lane_failing WHERE target = ? AND status = 'queued' AND last_error IS NOT NULL ORDER BY created_at LIMIT 1",
      ).get(target) as { last_error: string } | undefined;
      return r?.last_error ?? null;
    },
    laneDepth(target: string): number {
      return (stmt(db, "SELECT count(*) AS n FROM jobs WHERE target = ? AND status = 'queued'").get(target) as { n: number }).n;
    },
    forRef(ref: string): JobRow[] {
      return (stmt(db, 'SELECT * FROM jobs WHERE ref = ? ORDER BY created_at').all(ref) as Raw[]).map(toJob);
    },
    list(q: { status?: string; kindPrefix?: string; limit: number }): JobRow[] {
      const rows = stmt(db, `SELECT * FROM jobs WHERE (? IS NULL OR status = ?) AND kind LIKE ? ORDER BY created_at DESC LIMIT ?`).all(
        q.status ?? null,
        q.status ?? null,
        `${q.kindPrefix ?? ''}%`,
        q.limit,
      ) as Raw[];
      return rows.map(toJob);
    },
    depth(kindPrefix: string): { queued: number; dead: number; oldestQueuedAt: string | null } {
      // Every kind (the queue badge, a few times a second while jobs move): counted off the
      // (status, created_at) index alone; `kind LIKE '%'` read each queued job's row (75 ms with
      // a 100k station's monitor polls queued).
      const kind = kindPrefix ? ' AND kind LIKE ?' : '';
      const args = kindPrefix ? [`${kindPrefix}%`] : [];
      const q = stmt(db, `SELECT count(*) AS n, min(created_at) AS oldest FROM jobs WHERE status = 'queued'${kind}`).get(...args) as {
        n: number;
        oldest: string | null;
      };
      const d = stmt(db, `SELECT count(*) AS n FROM jobs WHERE status = 'dead'${kind}`).get(...args) as { n: number };
      return { queued: q.n, dead: d.n, oldestQueuedAt: q.oldest };
    },
  };
}
