import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';
import { insertJobs } from '../outbox/projector';
import { copyToArchive, dropFromHot } from './archive';

const put = "INSERT INTO settings (scope, key, value) VALUES ('site', 'retention', ?) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value";

/**
 * Retention's projections. `retention.archived` copies the parcels' rows into this station's archive
 * (where one is attached; already there: left alone) and then takes them out of the hot tables, so every
 * station of a site, and a rebuild, ends with the same hot tables.
 */
export const retentionProjector: Projector = {
  'retention.settings_saved': (db, e) => {
    stmt(db, put).run(JSON.stringify({ horizonDays: e.payload.horizonDays }));
  },
  'retention.started': (db, e) => {
    const p = e.payload;
    stmt(db, 'INSERT OR IGNORE INTO retention_runs (run_id, station, started_at, horizon_days, cutoff, file, trigger) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      p.runId,
      p.stationId,
      e.occurredAt,
      p.horizonDays,
      p.cutoff,
      p.file,
      p.trigger,
    );
    insertJobs(db, p.jobs, e.occurredAt);
  },
  'retention.archived': (db, e) => {
    const p = e.payload;
    copyToArchive(db, p.parcelIds, e.occurredAt);
    dropFromHot(db, p.parcelIds, e.occurredAt);
    stmt(
      db,
      'UPDATE retention_runs SET batches = batches + 1, parcels = parcels + ?, rows = rows + ?, bytes = bytes + ?, exceptions_closed = exceptions_closed + ? WHERE run_id = ?',
    ).run(p.parcelIds.length, p.rows.scans + p.rows.polls + p.rows.jobs, p.bytes, p.exceptionsClosed, p.runId);
  },
  'retention.finished': (db, e) => {
    stmt(db, 'UPDATE retention_runs SET finished_at = ? WHERE run_id = ?').run(e.occurredAt, e.payload.runId);
  },
};

export const retentionTables: Array<{ table: string; runtime?: string[] }> = [{ table: 'retention_runs' }];
