import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';

const put = 'INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value';
/** Each station backs up its own database: its settings and runs are kept under its own scope. */
export const backupScope = (stationId: string) => `backup:${stationId}`;

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
};
