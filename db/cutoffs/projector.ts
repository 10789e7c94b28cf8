import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';

/** Projections of the cutoffs capability; tables listed children first (deleted in this order on rebuild). */
export const cutoffsProjector: Projector = {
  'cutoffs.calendar_saved': (db, e) => {
    const p = e.payload;
    const args = [p.lineId, p.version, JSON.stringify(p.calendar), JSON.stringify(p.firstScan), e.occurredAt, e.actor, p.reason] as const;
    stmt(db, `INSERT INTO cutoff_calendar_versions (line_id, version, calendar, first_scan, saved_at, saved_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      ...args,
    );
    stmt(
      db,
      `INSERT INTO cutoff_calendars (line_id, version, calendar, first_scan, saved_at, saved_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (line_id) DO UPDATE SET version = excluded.version, calendar = excluded.calendar, first_scan = excluded.first_scan,
         saved_at = excluded.saved_at, saved_by = excluded.saved_by, reason = excluded.reason`,
    ).run(...args);
  },
  'cutoffs.calendar_undone': (db, e) => {
    const p = e.payload;
    stmt(db, 'UPDATE cutoff_calendar_versions SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE line_id = ? AND version = ?').run(
      e.occurredAt,
      e.actor,
      p.reason,
      p.lineId,
      p.undoneVersion,
    );
    if (p.restoredVersion === null) {
      stmt(db, 'DELETE FROM cutoff_calendars WHERE line_id = ?').run(p.lineId);
      return;
    }
    stmt(
      db,
      `INSERT OR REPLACE INTO cutoff_calendars (line_id, version, calendar, first_scan, saved_at, saved_by, reason)
       SELECT line_id, version, calendar, first_scan, saved_at, saved_by, reason FROM cutoff_calendar_versions WHERE line_id = ? AND version = ?`,
    ).run(p.lineId, p.restoredVersion);
  },
};
export const cutoffsTables: Array<{ table: string; runtime?: string[] }> = [{ table: 'cutoff_calendars' }, { table: 'cutoff_calendar_versions' }];
