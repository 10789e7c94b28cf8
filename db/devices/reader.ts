import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { CustomsSettingsData, PrinterHealthData, PrinterSetupData, ScannerConfigData } from './events';
import { HOLD } from './projector';

export interface PrinterStateRow {
  printerId: string;
  paused: boolean;
  pausedNote: string | null;
  health: PrinterHealthData;
  problems: string[];
  healthNote: string | null;
  healthAt: string | null;
  divertedTo: string | null;
}

export interface PrintJobRow {
  id: string;
  kind: string;
  printerId: string;
  parcelId: string | null;
  status: 'queued' | 'done' | 'dead';
  attempts: number;
  nextAt: string;
  held: boolean;
  sending: boolean;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
  result: Record<string, unknown> | null;
  unconfirmed: string | null;
}

interface PrintHoldRow {
  jobId: string;
  printerId: string;
  error: string;
  heldAt: string;
  parcelId: string | null;
}

const toSetup = rowMapper<PrinterSetupData>({
  transport: 'transport',
  queue: 'queue',
  size: 'size',
  dpi: 'dpi',
  fallbackPrinterId: 'fallback_printer_id',
  statusCheck: (r) => r.status_check === 1,
});

/** A printer with no state row yet reads as running, health unknown, no problems. */
const toState = rowMapper<PrinterStateRow>({
  printerId: 'printer_id',
  paused: (r) => r.paused === 1,
  pausedNote: 'paused_note',
  health: (r) => (r.health ?? 'unknown') as PrinterHealthData,
  problems: (r) => (r.problems == null ? [] : JSON.parse(r.problems as string)),
  healthNote: 'health_note',
  healthAt: 'health_at',
  divertedTo: 'diverted_to',
});

const toHold = rowMapper<PrintHoldRow>({
  jobId: 'job_id',
  printerId: 'printer_id',
  error: 'error',
  heldAt: 'held_at',
  parcelId: 'ref',
});

/** All of a label job but `sending`, which needs the clock. */
const toPrintJob = rowMapper<Omit<PrintJobRow, 'sending'>>({
  id: 'id',
  kind: 'kind',
  printerId: (r) => (r.target as string).replace(/^printer:/, '').replace(/:aside$/, ''),
  parcelId: 'ref',
  status: 'status',
  attempts: 'attempts',
  nextAt: 'next_at',
  held: (r) => r.next_at === HOLD,
  lastError: 'last_error',
  createdAt: 'created_at',
  doneAt: 'done_at',
  result: (r) => (r.result ? JSON.parse(r.result as string) : null),
  unconfirmed: 'hold_error',
});

const toScannerConfig = rowMapper<{ key: string; kind: 'hid' | 'serial'; config: ScannerConfigData }>({
  key: 'device_key',
  kind: 'kind',
  config: json('config'),
});

export function devicesReader(db: Sqlite) {
  return {
    setup(printerId: string): PrinterSetupData | undefined {
      const r = stmt(db, 'SELECT * FROM printer_setup WHERE printer_id = ?').get(printerId) as Raw | undefined;
      return r && toSetup(r);
    },
    state(printerId: string): PrinterStateRow {
      const r = stmt(db, 'SELECT * FROM printer_state WHERE printer_id = ?').get(printerId) as Raw | undefined;
      return toState(r ?? { printer_id: printerId });
    },
    holds(printerId?: string): Array<{ jobId: string; printerId: string; error: string; heldAt: string; parcelId: string | null }> {
      const rows = stmt(
        db,
        'SELECT h.*, j.ref FROM print_holds h LEFT JOIN jobs j ON j.id = h.job_id WHERE (? IS NULL OR h.printer_id = ?) ORDER BY h.held_at',
      ).all(printerId ?? null, printerId ?? null) as Raw[];
      return rows.map(toHold);
    },
    isHeld(jobId: string): boolean {
      return !!stmt(db, 'SELECT 1 FROM print_holds WHERE job_id = ?').get(jobId);
    },
    /** Label jobs, newest first, with what a person needs to see (sending = leased right now). */
    printJobs(q: { printerId?: string; limit: number; now: string }): PrintJobRow[] {
      // One printer: its lane and its aside lane, each read newest first by index (jobs_target_created).
      const rows = (
        q.printerId
          ? stmt(
              db,
              `SELECT j.*, h.error AS hold_error FROM (
                 SELECT * FROM (SELECT * FROM jobs WHERE target = ? AND kind LIKE 'print.%' ORDER BY created_at DESC, id DESC LIMIT ?)
                 UNION ALL SELECT * FROM (SELECT * FROM jobs WHERE target = ? AND kind LIKE 'print.%' ORDER BY created_at DESC, id DESC LIMIT ?)
               ) j LEFT JOIN print_holds h ON h.job_id = j.id ORDER BY j.created_at DESC, j.id DESC LIMIT ?`,
            ).all(`printer:${q.printerId}`, q.limit, `printer:${q.printerId}:aside`, q.limit, q.limit)
          : stmt(
              db,
              `SELECT j.*, h.error AS hold_error FROM jobs j LEFT JOIN print_holds h ON h.job_id = j.id
               WHERE j.kind LIKE 'print.%' ORDER BY j.created_at DESC, j.id DESC LIMIT ?`,
            ).all(q.limit)
      ) as Raw[];
      return rows.map((r) => ({ ...toPrintJob(r), sending: r.status === 'queued' && !!r.lease_until && (r.lease_until as string) > q.now }));
    },
    scannerConfigs(): Array<{ key: string; kind: 'hid' | 'serial'; config: ScannerConfigData }> {
      return (stmt(db, 'SELECT * FROM scanner_config').all() as Raw[]).map(toScannerConfig);
    },
    lineCustoms(lineId: string): CustomsSettingsData | undefined {
      const r = stmt(db, 'SELECT settings FROM line_customs WHERE line_id = ?').get(lineId) as { settings: string } | undefined;
      return r ? JSON.parse(r.settings) : undefined;
    },
  };
}
