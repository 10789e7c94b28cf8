import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw, type RowSpec } from '../core/rows';
import type { LineCalendar } from './calendar';
import type { FirstScanData } from './events';

export interface CutoffSettingsRow {
  lineId: string;
  version: number;
  calendar: LineCalendar;
  firstScan: FirstScanData;
  savedAt: string;
  savedBy: string;
  reason: string;
}

export interface CutoffVersionRow extends CutoffSettingsRow {
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

const settingsSpec: RowSpec<CutoffSettingsRow> = {
  lineId: 'line_id',
  version: 'version',
  calendar: json('calendar'),
  firstScan: json('first_scan'),
  savedAt: 'saved_at',
  savedBy: 'saved_by',
  reason: 'reason',
};
const toSettings = rowMapper<CutoffSettingsRow>(settingsSpec);
const toVersion = rowMapper<CutoffVersionRow>({ ...settingsSpec, undoneAt: 'undone_at', undoneBy: 'undone_by', undoReason: 'undo_reason' });

/** Per pickup instant: parcels riding it, and those of them whose label has not printed yet. */
export interface PickupLoad {
  pickupAt: string;
  parcels: number;
  unlabelled: number;
}

export function cutoffsReader(db: Sqlite) {
  return {
    current(lineId: string): CutoffSettingsRow | undefined {
      const r = stmt(db, 'SELECT * FROM cutoff_calendars WHERE line_id = ?').get(lineId) as Raw | undefined;
      return r && toSettings(r);
    },
    /** Version only: cheap enough for the scan path to check its cache. */
    currentVersion(lineId: string): number | undefined {
      return (stmt(db, 'SELECT version FROM cutoff_calendars WHERE line_id = ?').get(lineId) as { version: number } | undefined)?.version;
    },
    history(lineId: string): CutoffVersionRow[] {
      return (stmt(db, 'SELECT * FROM cutoff_calendar_versions WHERE line_id = ? ORDER BY version DESC').all(lineId) as Raw[]).map(toVersion);
    },
    maxVersion(lineId: string): number {
      return (stmt(db, 'SELECT coalesce(max(version), 0) AS v FROM cutoff_calendar_versions WHERE line_id = ?').get(lineId) as { v: number }).v;
    },
    /** The newest version before `version` that was not undone. */
    previousActive(lineId: string, version: number): number | null {
      const r = stmt(db, 'SELECT max(version) AS v FROM cutoff_calendar_versions WHERE line_id = ? AND version < ? AND undone_at IS NULL').get(
        lineId,
        version,
      ) as {
        v: number | null;
      };
      return r.v;
    },
    /** Pick instants (ISO) of the line's parcels since `sinceIso`, oldest first. */
    pickTimes(lineId: string, sinceIso: string): string[] {
      return (
        stmt(db, 'SELECT picked_at FROM parcels WHERE line_id = ? AND picked_at >= ? ORDER BY picked_at').all(lineId, sinceIso) as Array<{ picked_at: string }>
      ).map((r) => r.picked_at);
    },
    firstPickAt(lineId: string): string | null {
      return (stmt(db, 'SELECT min(picked_at) AS t FROM parcels WHERE line_id = ?').get(lineId) as { t: string | null }).t;
    },
    pickupLoads(lineId: string, fromIso: string, toIso: string): PickupLoad[] {
      return (
        stmt(
          db,
          `SELECT pickup_at, count(*) AS n, sum(CASE WHEN label_printed_at IS NULL THEN 1 ELSE 0 END) AS unlabelled
           FROM parcels WHERE line_id = ? AND pickup_at >= ? AND pickup_at <= ? GROUP BY pickup_at`,
        ).all(lineId, fromIso, toIso) as Array<{ pickup_at: string; n: number; unlabelled: number }>
      ).map((r) => ({ pickupAt: r.pickup_at, parcels: r.n, unlabelled: r.unlabelled }));
    },
    openOrders(lineId: string): number {
      return (stmt(db, "SELECT count(*) AS n FROM orders WHERE line_id = ? AND status = 'open'").get(lineId) as { n: number }).n;
    },
  };
}
