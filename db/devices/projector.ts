import { stmt } from '../core/stmt';
import { insertJobs } from '../outbox/projector';
import { jobsMoved } from '../core/current';
import type { Sqlite } from '../core/open';
import type { Projector } from '../core/types';

/** next_at of a label that must not go out until something changes (pause, printer problem, a person's answer). */
export const HOLD = '9999-12-31T23:59:59.999Z';
const lane = (printerId: string) => `printer:${printerId}`;
/** Where a label waits that was set aside (print.unconfirmed aside): out of its printer's lane, not blocking it. */
export const asideLane = (printerId: string) => `printer:${printerId}:aside`;

function ensureState(db: Sqlite, printerId: string): void {
  stmt(db, 'INSERT OR IGNORE INTO printer_state (printer_id) VALUES (?)').run(printerId);
}

/**
 * Bring a printer lane's queued labels in line with its state: everything waits while the printer is
 * paused or reports a problem; otherwise held or backed-off labels are due now (the queue resumes at
 * once). A label waiting for a person's answer always waits.
 */
function relane(db: Sqlite, printerId: string, at: string, release = true): void {
  const s = stmt(db, 'SELECT paused, problems FROM printer_state WHERE printer_id = ?').get(printerId) as { paused: number; problems: string } | undefined;
  const held = !!s && (s.paused === 1 || s.problems !== '[]');
  if (held) stmt(db, "UPDATE jobs INDEXED BY jobs_lane SET next_at = ? WHERE target = ? AND status = 'queued'").run(HOLD, lane(printerId));
  else if (release) {
    const due = stmt(
      db,
      "UPDATE jobs INDEXED BY jobs_lane SET next_at = ? WHERE target = ? AND status = 'queued' AND next_at > ? AND id NOT IN (SELECT job_id FROM print_holds)",
    ).run(at, lane(printerId), at);
    if (due.changes) jobsMoved();
  }
  stmt(db, "UPDATE jobs SET next_at = ? WHERE id IN (SELECT job_id FROM print_holds WHERE printer_id = ?) AND +status = 'queued'").run(HOLD, printerId);
}

function move(db: Sqlite, from: string, to: string, at: string, release: boolean): void {
  stmt(db, "UPDATE jobs INDEXED BY jobs_lane SET target = ? WHERE target = ? AND status = 'queued' AND id NOT IN (SELECT job_id FROM print_holds)").run(
    lane(to),
    lane(from),
  );
  relane(db, from, at, release);
  relane(db, to, at, release);
}

/** After labels were queued (or a failure rescheduled one): divert and hold where a printer's state says so. */
function afterQueued(db: Sqlite, at: string): void {
  const rows = stmt(db, "SELECT printer_id, diverted_to FROM printer_state WHERE paused = 1 OR problems <> '[]' OR diverted_to IS NOT NULL").all() as Array<{
    printer_id: string;
    diverted_to: string | null;
  }>;
  for (const r of rows) {
    if (r.diverted_to) move(db, r.printer_id, r.diverted_to, at, false);
    else relane(db, r.printer_id, at, false);
  }
  if (stmt(db, 'SELECT 1 FROM print_holds LIMIT 1').get())
    stmt(db, "UPDATE jobs SET next_at = ? WHERE id IN (SELECT job_id FROM print_holds) AND +status = 'queued'").run(HOLD);
}

/** Projections of the devices capability; tables listed children first (deleted in this order on rebuild). */
export const devicesProjector: Projector = {
  'printer.configured': (db, e) => {
    const s = e.payload.setup;
    stmt(
      db,
      `INSERT INTO printer_setup (printer_id, transport, queue, size, dpi, fallback_printer_id, status_check) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (printer_id) DO UPDATE SET transport = excluded.transport, queue = excluded.queue, size = excluded.size, dpi = excluded.dpi,
         fallback_printer_id = excluded.fallback_printer_id, status_check = excluded.status_check`,
    ).run(e.payload.printerId, s.transport, s.queue, s.size, s.dpi, s.fallbackPrinterId, s.statusCheck ? 1 : 0);
  },
  'printer.paused': (db, e) => {
    ensureState(db, e.payload.printerId);
    stmt(db, 'UPDATE printer_state SET paused = 1, paused_note = ? WHERE printer_id = ?').run(e.payload.note ?? null, e.payload.printerId);
    relane(db, e.payload.printerId, e.occurredAt);
  },
  'printer.resumed': (db, e) => {
    ensureState(db, e.payload.printerId);
    stmt(db, 'UPDATE printer_state SET paused = 0, paused_note = NULL, diverted_to = NULL WHERE printer_id = ?').run(e.payload.printerId);
    relane(db, e.payload.printerId, e.occurredAt);
  },
  'printer.health_changed': (db, e) => {
    const p = e.payload;
    ensureState(db, p.printerId);
    stmt(
      db,
      `UPDATE printer_state SET health = ?, problems = ?, health_note = ?, health_at = ?${p.health === 'ok' ? ', diverted_to = NULL' : ''} WHERE printer_id = ?`,
    ).run(p.health, JSON.stringify(p.problems), p.note ?? null, e.occurredAt, p.printerId);
    relane(db, p.printerId, e.occurredAt);
  },
  'print.jobs_moved': (db, e) => {
    const { from, to, reason } = e.payload;
    ensureState(db, from);
    if (reason === 'fallback') stmt(db, 'UPDATE printer_state SET diverted_to = ? WHERE printer_id = ?').run(to, from);
    move(db, from, to, e.occurredAt, true);
  },
  'print.unconfirmed': (db, e) => {
    stmt(db, 'INSERT OR REPLACE INTO print_holds (job_id, printer_id, error, held_at) VALUES (?, ?, ?, ?)').run(
      e.payload.jobId,
      e.payload.printerId,
      e.payload.error,
      e.occurredAt,
    );
    stmt(db, "UPDATE jobs SET next_at = ? WHERE id = ? AND status = 'queued'").run(HOLD, e.payload.jobId);
    if (e.payload.aside) stmt(db, "UPDATE jobs SET target = ? WHERE id = ? AND status = 'queued'").run(asideLane(e.payload.printerId), e.payload.jobId);
  },
  'print.confirmed': (db, e) => {
    stmt(db, 'DELETE FROM print_holds WHERE job_id = ?').run(e.payload.jobId);
    // "It did not print": back to its printer's lane (a set-aside label goes first again: it is the oldest).
    if (!e.payload.printed) {
      stmt(db, "UPDATE jobs SET next_at = ?, last_error = NULL, target = ? WHERE id = ? AND status = 'queued'").run(
        e.occurredAt,
        lane(e.payload.printerId),
        e.payload.jobId,
      );
      jobsMoved();
    }
    relane(db, e.payload.printerId, e.occurredAt);
  },
  'scanner.configured': (db, e) => {
    stmt(db, 'INSERT OR REPLACE INTO scanner_config (device_key, kind, config) VALUES (?, ?, ?)').run(
      e.payload.key,
      e.payload.kind,
      JSON.stringify(e.payload.config),
    );
  },
  'line.customs_set': (db, e) => {
    if (e.payload.customs)
      stmt(db, 'INSERT OR REPLACE INTO line_customs (line_id, settings) VALUES (?, ?)').run(e.payload.lineId, JSON.stringify(e.payload.customs));
    else stmt(db, 'DELETE FROM line_customs WHERE line_id = ?').run(e.payload.lineId);
  },
  'selftest.sheet_queued': (db, e) => {
    insertJobs(db, e.payload.jobs, e.occurredAt);
    afterQueued(db, e.occurredAt);
  },
  // Labels queued by the pick flow, and failures the runner reschedules, obey pauses and holds too.
  'parcel.picked': (db, e) => afterQueued(db, e.occurredAt),
  'parcel.reprinted': (db, e) => afterQueued(db, e.occurredAt),
  'job.failed': (db, e) => afterQueued(db, e.occurredAt),
  'job.retried': (db, e) => {
    // A person asked for this label again: that answers an open "did it print?" question.
    stmt(db, 'DELETE FROM print_holds WHERE job_id = ?').run(e.payload.jobId);
    stmt(db, "UPDATE jobs SET target = substr(target, 1, length(target) - 6) WHERE id = ? AND target LIKE 'printer:%:aside'").run(e.payload.jobId);
    afterQueued(db, e.occurredAt);
  },
};

export const devicesTables: Array<{ table: string; runtime?: string[] }> = [
  { table: 'print_holds' },
  { table: 'printer_state' },
  { table: 'printer_setup' },
  { table: 'scanner_config' },
  { table: 'line_customs' },
];
