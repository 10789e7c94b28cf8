import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';
import { jobsMoved } from '../core/current';
import { HOLD } from '../devices/projector';

const put = 'INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value';
/** Each station backs up its own database: its settings and runs are kept under its own scope. */
export const backupScope = (stationId: string) => `backup:${stationId}`;

/** Orders held after a restore (migration 0022): a projection, emptied and rebuilt with the others. */
export const backupTables = [{ table: 'restore_holds' }, { table: 'restore_job_holds' }];

export const HELD_NOTE = 'picked after the last backup: check before re-picking';

export const backupProjector: Projector = {
  'backup.settings_saved': (db, e) => {
    const { stationId, ...s } = e.payload;
    stmt(db, put).run(backupScope(stationId), 'settings', JSON.stringify(s));
  },
  'backup.completed': (db, e) => {
    const run = { ...e.payload, ok: true, at: e.occurredAt };
    stmt(db, put).run(backupScope(e.payload.stationId), 'last_good', JSON.stringify(run));
    stmt(db, put).run(backupScope(e.payload.stationId), 'last_run', JSON.stringify(run));
  },
  'backup.failed': (db, e) => {
    stmt(db, put).run(backupScope(e.payload.stationId), 'last_run', JSON.stringify({ ...e.payload, ok: false, at: e.occurredAt }));
  },
  'backup.restored': (db, e) => {
    for (const r of e.payload.ranges) {
      stmt(db, 'UPDATE number_ranges SET next_serial = max(next_serial, ?) WHERE id = ?').run(r.to, r.rangeId);
      stmt(db, 'UPDATE range_blocks SET next = max(next, min(last + 1, ?)) WHERE range_id = ? AND station = ?').run(r.to, r.rangeId, e.payload.stationId);
    }
    for (const p of e.payload.poolSpent)
      stmt(db, 'UPDATE number_pool SET parcel_id = ? WHERE number = ? AND parcel_id IS NULL').run(`restore:${e.id}`, p.number);
    stmt(db, put).run(backupScope(e.payload.stationId), 'restored', JSON.stringify({ ...e.payload, at: e.occurredAt }));
  },
  'backup.jobs_held': (db, e) => {
    for (const id of e.payload.lookFirst) stmt(db, "UPDATE jobs SET attempts = attempts + 1 WHERE id = ? AND status = 'queued'").run(id);
    for (const id of e.payload.askSupervisor ?? []) {
      stmt(
        db,
        `INSERT OR REPLACE INTO restore_job_holds (job_id, kind, target, held_at) SELECT id, kind, target, ? FROM jobs WHERE id = ? AND status = 'queued'`,
      ).run(e.occurredAt, id);
      stmt(db, "UPDATE jobs SET target = target || ':aside', next_at = ? WHERE id = ? AND status = 'queued' AND target NOT LIKE '%:aside'").run(HOLD, id);
    }
  },
  'backup.job_answered': (db, e) => {
    const { jobId, decision } = e.payload;
    const held = stmt(db, 'SELECT target FROM restore_job_holds WHERE job_id = ?').get(jobId) as { target: string } | undefined;
    stmt(db, 'UPDATE restore_job_holds SET answered_at = ?, decision = ? WHERE job_id = ?').run(e.occurredAt, decision, jobId);
    if (!held) return;
    jobsMoved();
    if (decision === 'send_again')
      stmt(db, "UPDATE jobs SET target = ?, next_at = ?, last_error = NULL WHERE id = ? AND status = 'queued'").run(held.target, e.occurredAt, jobId);
    else
      stmt(db, "UPDATE jobs SET target = ?, status = 'done', result = ?, done_at = ?, lease_until = NULL WHERE id = ? AND status = 'queued'").run(
        held.target,
        JSON.stringify({ answered: 'went', note: e.payload.note }),
        e.occurredAt,
        jobId,
      );
  },
  'backup.order_held': (db, e) => {
    const p = e.payload;
    stmt(
      db,
      `INSERT INTO restore_holds (order_id, order_name, store, numbers, seen_in, fulfilled, held_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id) DO UPDATE SET numbers = excluded.numbers, seen_in = excluded.seen_in, fulfilled = excluded.fulfilled, held_at = excluded.held_at, released_at = NULL, decision = NULL`,
    ).run(p.orderId, p.orderName, p.store, JSON.stringify(p.numbers), JSON.stringify(p.seenIn), p.fulfilled ? 1 : 0, e.occurredAt);
    const where = [p.fulfilled ? 'fulfilled in Shopify' : null, p.seenIn.includes('labels') ? 'a label printed' : null].filter(Boolean).join(', ');
    stmt(db, "UPDATE orders SET status = 'on_hold', status_note = ? WHERE id = ? AND status IN ('open', 'on_hold')").run(
      `${HELD_NOTE} (${where}: ${p.numbers.join(', ')})`,
      p.orderId,
    );
  },
  'backup.order_released': (db, e) => {
    stmt(db, 'UPDATE restore_holds SET released_at = ?, decision = ? WHERE order_id = ?').run(e.occurredAt, e.payload.decision, e.payload.orderId);
    stmt(db, "UPDATE orders SET status = ?, status_note = ? WHERE id = ? AND status = 'on_hold'").run(
      e.payload.decision === 'pick_again' ? 'open' : 'shipped',
      e.payload.decision === 'pick_again' ? null : `shipped after the last backup (a supervisor checked)${e.payload.note ? `: ${e.payload.note}` : ''}`,
      e.payload.orderId,
    );
  },
};
