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
      // Each lane's head is kept in lane_heads (migration 0026): kind by kind, the heads due first, as
      // many as asked (passing over those in flight): the cost follows the room, not the lanes queued
      // (10 or 10,000 Shopify orders waiting) nor the jobs in a lane (10 or 10,000 labels).
      const byKind = stmt(
        db,
        `SELECT j.* FROM lane_heads h INDEXED BY lane_heads_due JOIN jobs j ON j.id = h.job_id
         WHERE h.kind = ? AND h.next_at <= ? AND (j.lease_until IS NULL OR j.lease_until < ?) AND (? IS NULL OR j.origin IS NULL OR j.origin = ?)
         ORDER BY h.next_at LIMIT ?`,
      );
      const rows = kinds.flatMap((k) => byKind.all(k, nowIso, nowIso, origin, origin, limit) as Raw[]);
      const due = (r: Raw) => `${String(r.next_at)} ${String(r.created_at)}`;
      if (kinds.length > 1) rows.sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
      return rows.slice(0, limit).map(toJob);
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
