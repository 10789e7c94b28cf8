import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { insertJobs } from '../outbox/projector';
import type { Projector } from '../core/types';
import { sameScan, summarize, type KnownScan } from './merge';

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

type Scan = { status: string; scanned_at: string; learned_at: string; source_id: string };

function scansOf(db: Sqlite, parcelId: string): Scan[] {
  return stmt(db, 'SELECT status, scanned_at, learned_at, source_id FROM monitor_scans WHERE parcel_id = ?').all(parcelId) as Scan[];
}

function refold(db: Sqlite, parcelId: string) {
  const s = summarize(
    scansOf(db, parcelId).map((r) => ({ status: r.status, scannedAt: r.scanned_at, learnedAt: r.learned_at, sourceId: r.source_id }) as KnownScan),
  );
  if (!s) return;
  if (s.status === 'delivered' || s.status === 'returned') unwatch(db, parcelId);
  else
    stmt(db, 'UPDATE monitor_watch SET track_status = ?, first_scan_at = ?, last_scan_at = ?, due_at = 0 WHERE parcel_id = ?').run(
      s.status,
      ms(s.firstScanAt),
      ms(s.lastScanAt),
      parcelId,
    );
  stmt(
    db,
    `INSERT INTO monitor_tracking (parcel_id, status, status_at, first_scan_at, first_learned_at, first_source, last_scan_at, last_learned_at, scans)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (parcel_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at, first_scan_at = excluded.first_scan_at,
       first_learned_at = excluded.first_learned_at, first_source = excluded.first_source, last_scan_at = excluded.last_scan_at,
       last_learned_at = excluded.last_learned_at, scans = excluded.scans`,
  ).run(parcelId, s.status, s.statusAt, s.firstScanAt, s.firstLearnedAt, s.firstSource, s.lastScanAt, s.lastLearnedAt, s.scans);
}

/**
 * No longer watched: off the watch list and off every source's wait list. With an open exception, the
 * parcel is noted for the pass, which closes it (monitor_unwatched: runtime state, like due_at).
 */
function unwatch(db: Sqlite, parcelId: string) {
  const w = stmt(db, 'DELETE FROM monitor_watch WHERE parcel_id = ? RETURNING exc_id').get(parcelId) as { exc_id: string | null } | undefined;
  if (w?.exc_id) stmt(db, 'INSERT OR IGNORE INTO monitor_unwatched (parcel_id) VALUES (?)').run(parcelId);
  stmt(db, 'DELETE FROM monitor_waiting WHERE parcel_id = ?').run(parcelId);
}

function sourceParcel(db: Sqlite, sourceId: string, parcelId: string) {
  stmt(db, 'INSERT OR IGNORE INTO monitor_source_parcels (source_id, parcel_id) VALUES (?, ?)').run(sourceId, parcelId);
}

/** Its rows went to the archive (retention): nothing more is kept for it in the hot tables. */
const archived = (db: Sqlite, parcelId: string) =>
  stmt(db, 'SELECT 1 FROM monitor_tracking WHERE parcel_id = ? AND archived_at IS NOT NULL').get(parcelId) !== undefined;

/** What the pass reads of the parcel changed: it looks at it at its next run. */
const due = (db: Sqlite, parcelId: string) => stmt(db, 'UPDATE monitor_watch SET due_at = 0 WHERE parcel_id = ?').run(parcelId);

const setException = (db: Sqlite, sql: string, ...args: unknown[]) => stmt(db, `UPDATE monitor_exceptions SET ${sql}`).run(...args);

/** The watch row follows the parcel's open exception. */
const watchException = (db: Sqlite, parcelId: string, id: string | null, cause: string | null, since: string | null) =>
  stmt(db, 'UPDATE monitor_watch SET exc_id = ?, exc_cause = ?, exc_since = ?, due_at = 0 WHERE parcel_id = ?').run(id, cause, ms(since), parcelId);
// By the parcel's key: exc_id has no index, so `WHERE exc_id = ?` read every watched parcel for each
// exception closed (a pass clearing hundreds held the loop for 300-500 ms at 100k).
const closeWatched = (db: Sqlite, parcelId: string, exceptionId: string) =>
  stmt(db, 'UPDATE monitor_watch SET exc_id = NULL, exc_cause = NULL, exc_since = NULL, due_at = 0 WHERE parcel_id = ? AND exc_id = ?').run(
    parcelId,
    exceptionId,
  );

/** Projections of the monitor capability; tables listed children first (deleted in this order on rebuild). */
export const monitorProjector: Projector = {
  'monitor.rules_saved': (db, e) => {
    stmt(db, "INSERT INTO monitor_settings (key, value) VALUES ('rules', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify(e.payload.rules),
    );
    // New thresholds: every watched parcel is looked at again.
    stmt(db, 'UPDATE monitor_watch SET due_at = 0 WHERE due_at > 0').run();
  },
  // A line's route type moves its thresholds.
  'line.saved': (db) => {
    stmt(db, 'UPDATE monitor_watch SET due_at = 0 WHERE due_at > 0').run();
  },
  'monitor.costs_saved': (db, e) => {
    stmt(db, "INSERT INTO monitor_settings (key, value) VALUES ('costs', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify(e.payload.costs),
    );
  },
  'monitor.polls_queued': (db, e) => {
    // Set-based per request: a pass queues thousands of numbers at once under a backlog, so each table is
    // written in one statement for a request's numbers (not five statements a number).
    const src = e.payload.sourceId;
    for (const { job, notBefore } of e.payload.jobs) {
      insertJobs(db, [job], notBefore);
      // A poll that never runs (dead letter) must not hide the parcel forever: it is due again after an hour.
      const until = Date.parse(notBefore) + 3_600_000;
      let ids = job.payload.numbers.map((n) => n.parcelId);
      // A parcel archived by retention is settled: nothing more is kept for it in the hot tables.
      const gone = stmt(db, 'SELECT parcel_id FROM monitor_tracking WHERE parcel_id IN (SELECT value FROM json_each(?)) AND archived_at IS NOT NULL')
        .pluck()
        .all(JSON.stringify(ids)) as string[];
      if (gone.length) ids = ids.filter((id) => !gone.includes(id));
      if (!ids.length) continue;
      const list = JSON.stringify(ids);
      stmt(
        db,
        `INSERT INTO monitor_source_parcels (source_id, parcel_id, queued_until) SELECT ?, value, ? FROM json_each(?) WHERE true
         ON CONFLICT (source_id, parcel_id) DO UPDATE SET queued_until = excluded.queued_until`,
      ).run(src, new Date(until).toISOString(), list);
      // Its request is queued: it no longer waits for this source (the pass's wait list, runtime state), and
      // the only thing the pass reads that changed is this source's queued_until: it need not look at the
      // parcel again before then (or before it was due anyway). Anything else it learns sets it due.
      stmt(db, 'DELETE FROM monitor_waiting WHERE source_id = ? AND parcel_id IN (SELECT value FROM json_each(?))').run(src, list);
      stmt(db, 'UPDATE monitor_watch SET due_at = ? WHERE parcel_id IN (SELECT value FROM json_each(?)) AND due_at > ?').run(until, list, until);
    }
  },
  'monitor.registered': (db, e) => {
    for (const id of e.payload.parcelIds) {
      if (archived(db, id)) continue;
      sourceParcel(db, e.payload.sourceId, id);
      stmt(
        db,
        'UPDATE monitor_source_parcels SET registered_at = coalesce(registered_at, ?), rejected = NULL, queued_until = NULL WHERE source_id = ? AND parcel_id = ?',
      ).run(e.occurredAt, e.payload.sourceId, id);
      due(db, id);
    }
    for (const r of e.payload.rejected) {
      if (archived(db, r.parcelId)) continue;
      due(db, r.parcelId);
      sourceParcel(db, e.payload.sourceId, r.parcelId);
      stmt(db, 'UPDATE monitor_source_parcels SET rejected = ?, queued_until = NULL WHERE source_id = ? AND parcel_id = ?').run(
        r.reason,
        e.payload.sourceId,
        r.parcelId,
      );
    }
  },
  // A poll job that finished records when each of its parcels was last asked (whether or not anything was new).
  'job.succeeded': (db, e) => {
    const r = e.payload.result as { monitor?: string; sourceId?: string; parcelIds?: string[]; askedAt?: string };
    if (r.monitor !== 'poll' || !r.sourceId || !r.parcelIds) return;
    const at = r.askedAt ?? e.occurredAt;
    for (const id of r.parcelIds) {
      if (archived(db, id)) continue;
      sourceParcel(db, r.sourceId, id);
      stmt(db, 'UPDATE monitor_source_parcels SET last_polled_at = ?, queued_until = NULL WHERE source_id = ? AND parcel_id = ?').run(at, r.sourceId, id);
      due(db, id);
    }
  },
  'monitor.scans_reported': (db, e) => {
    const touched = new Set<string>();
    const ins = stmt(
      db,
      'INSERT OR IGNORE INTO monitor_scans (parcel_id, status, scanned_at, learned_at, source_id, via, location, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of e.payload.scans) {
      // A parcel delivered and archived (retention) is settled: a late report stays in the log only.
      if (archived(db, s.parcelId)) continue;
      // Two sources' reports of one scan raced: the one projected first (the earliest) stays.
      const known = scansOf(db, s.parcelId).map((r) => ({ status: r.status, scannedAt: r.scanned_at }));
      if (known.some((k) => sameScan(k, s))) continue;
      ins.run(s.parcelId, s.status, s.scannedAt, s.learnedAt, e.payload.sourceId, e.payload.via, s.location, s.detail);
      touched.add(s.parcelId);
    }
    for (const id of touched) refold(db, id);
    for (const m of e.payload.milestones) {
      const r = stmt(db, 'INSERT OR IGNORE INTO monitor_milestones (parcel_id, milestone, queued_at) VALUES (?, ?, ?)').run(
        m.parcelId,
        m.milestone,
        e.occurredAt,
      );
      if (r.changes === 1) insertJobs(db, m.jobs, e.occurredAt);
    }
  },
  'monitor.exception_opened': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      `INSERT INTO monitor_exceptions (id, parcel_id, cause, status, since, opened_at, due_at, detail, proposal) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    ).run(p.exceptionId, p.parcelId, p.cause, p.since, e.occurredAt, p.dueAt, p.detail, p.proposal);
    watchException(db, p.parcelId, p.exceptionId, p.cause, p.since);
  },
  'monitor.exception_changed': (db, e) => {
    const p = e.payload;
    setException(db, 'cause = ?, since = ?, due_at = ?, detail = ?, proposal = ? WHERE id = ?', p.cause, p.since, p.dueAt, p.detail, p.proposal, p.exceptionId);
    watchException(db, p.parcelId, p.exceptionId, p.cause, p.since);
  },
  'monitor.exception_cleared': (db, e) => {
    setException(
      db,
      "status = 'resolved', resolution = 'cleared', resolved_at = ?, resolved_by = ?, reason = ? WHERE id = ?",
      e.occurredAt,
      e.actor,
      e.payload.reason,
      e.payload.exceptionId,
    );
    closeWatched(db, e.payload.parcelId, e.payload.exceptionId);
  },
  'monitor.exception_assigned': (db, e) => {
    setException(db, 'owner = ? WHERE id = ?', e.payload.owner, e.payload.exceptionId);
  },
  'monitor.exception_resolved': (db, e) => {
    setException(
      db,
      "status = 'resolved', resolution = 'resolved', resolved_at = ?, resolved_by = ?, reason = ? WHERE id = ?",
      e.occurredAt,
      e.actor,
      e.payload.reason,
      e.payload.exceptionId,
    );
    closeWatched(db, e.payload.parcelId, e.payload.exceptionId);
  },
  'monitor.buyer_contacted': (db, e) => {
    if (e.payload.exceptionId) setException(db, 'contacts = contacts + 1, contacted_at = ? WHERE id = ?', e.occurredAt, e.payload.exceptionId);
    insertJobs(db, e.payload.jobs, e.occurredAt);
  },
  'monitor.reship_created': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      'INSERT INTO monitor_reships (new_order_id, new_order_name, old_parcel_id, exception_id, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(p.newOrderId, p.newOrderName, p.oldParcelId, p.exceptionId, p.reason, e.occurredAt, e.actor);
    if (p.exceptionId) {
      setException(
        db,
        "status = 'resolved', resolution = 'reshipped', resolved_at = ?, resolved_by = ?, reason = ? WHERE id = ?",
        e.occurredAt,
        e.actor,
        `reshipped as ${p.newOrderName}: ${p.reason}`,
        p.exceptionId,
      );
      closeWatched(db, p.oldParcelId, p.exceptionId);
    }
    stmt(db, 'UPDATE monitor_watch SET reshipped = 1, due_at = 0 WHERE parcel_id = ?').run(p.oldParcelId);
  },
  // What the monitor needs from other capabilities' events, kept on the watch row.
  'parcel.picked': (db, e) => {
    const p = e.payload;
    stmt(db, 'INSERT INTO monitor_watch (parcel_id, line_id, tracking_number, picked_at, pickup_at, window_from, window_to) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      p.parcelId,
      p.lineId,
      p.trackingNumber,
      ms(e.occurredAt),
      ms(p.shipBy?.pickupAt),
      ms(p.shipBy?.firstScanFrom),
      ms(p.shipBy?.firstScanTo),
    );
    stmt(db, 'UPDATE monitor_reships SET new_parcel_id = ? WHERE new_order_id = ? AND new_parcel_id IS NULL').run(p.parcelId, p.orderId);
  },
  'parcel.handed_over': (db, e) => {
    const p = e.payload as { parcelId: string; handedOverAt?: string };
    stmt(db, 'UPDATE monitor_watch SET handed_over_at = ?, due_at = 0 WHERE parcel_id = ?').run(ms(p.handedOverAt ?? e.occurredAt), p.parcelId);
  },
  'parcel.voided': (db, e) => unwatch(db, e.payload.parcelId),
  // A re-linked parcel is watched under its new number: sources register and poll it afresh.
  'parcel.relinked': (db, e) => {
    stmt(db, 'UPDATE monitor_watch SET tracking_number = ?, line_id = ?, due_at = 0 WHERE parcel_id = ?').run(
      e.payload.newNumber,
      e.payload.lineId,
      e.payload.parcelId,
    );
    stmt(db, 'DELETE FROM monitor_source_parcels WHERE parcel_id = ?').run(e.payload.parcelId);
  },
  'monitor.reship_picked': (db, e) => {
    stmt(db, 'UPDATE monitor_reships SET picked_noted = 1 WHERE new_parcel_id = ?').run(e.payload.newParcelId);
  },
};

export const monitorTables: Array<{ table: string; runtime?: string[] }> = [
  // due_at: when the incremental pass next looks (runtime: a rebuild leaves it 0, the pass fills it in).
  { table: 'monitor_watch', runtime: ['due_at'] },
  { table: 'monitor_milestones' },
  { table: 'monitor_reships' },
  { table: 'monitor_exceptions' },
  { table: 'monitor_source_parcels' },
  { table: 'monitor_tracking' },
  { table: 'monitor_scans' },
  { table: 'monitor_settings' },
];
