import type { Sqlite } from '../open';
import { stmt } from '../stmt';
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

type Raw = Record<string, unknown>;

export function hardwareReader(db: Sqlite) {
  return {
    setup(printerId: string): PrinterSetupData | undefined {
      const r = stmt(db, 'SELECT * FROM printer_setup WHERE printer_id = ?').get(printerId) as Raw | undefined;
      if (!r) return undefined;
      return {
        transport: r.transport as PrinterSetupData['transport'],
        queue: (r.queue as string) ?? null,
        size: r.size as PrinterSetupData['size'],
        dpi: r.dpi as PrinterSetupData['dpi'],
        fallbackPrinterId: (r.fallback_printer_id as string) ?? null,
        statusCheck: r.status_check === 1,
      };
    },
    state(printerId: string): PrinterStateRow {
      const r = stmt(db, 'SELECT * FROM printer_state WHERE printer_id = ?').get(printerId) as Raw | undefined;
      return {
        printerId,
        paused: r?.paused === 1,
        pausedNote: (r?.paused_note as string) ?? null,
        health: ((r?.health as string) ?? 'unknown') as PrinterHealthData,
        problems: r ? JSON.parse(r.problems as string) : [],
        healthNote: (r?.health_note as string) ?? null,
        healthAt: (r?.health_at as string) ?? null,
        divertedTo: (r?.diverted_to as string) ?? null,
      };
    },
    holds(printerId?: string): Array<{ jobId: string; printerId: string; error: string; heldAt: string; parcelId: string | null }> {
      const rows = stmt(
        db,
        'SELECT h.*, j.ref FROM print_holds h LEFT JOIN jobs j ON j.id = h.job_id WHERE (? IS NULL OR h.printer_id = ?) ORDER BY h.held_at',
      ).all(printerId ?? null, printerId ?? null) as Raw[];
      return rows.map((r) => ({
        jobId: r.job_id as string,
        printerId: r.printer_id as string,
        error: r.error as string,
        heldAt: r.held_at as string,
        parcelId: (r.ref as string) ?? null,
      }));
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
      return rows.map((r) => ({
        id: r.id as string,
        kind: r.kind as string,
        printerId: (r.target as string).replace(/^printer:/, '').replace(/:aside$/, ''),
        parcelId: (r.ref as string) ?? null,
        status: r.status as PrintJobRow['status'],
        attempts: r.attempts as number,
        nextAt: r.next_at as string,
        held: r.next_at === HOLD,
        sending: r.status === 'queued' && !!r.lease_until && (r.lease_until as string) > q.now,
        lastError: (r.last_error as string) ?? null,
        createdAt: r.created_at as string,
        doneAt: (r.done_at as string) ?? null,
        result: r.result ? JSON.parse(r.result as string) : null,
        unconfirmed: (r.hold_error as string) ?? null,
      }));
    },
    scannerConfigs(): Array<{ key: string; kind: 'hid' | 'serial'; config: ScannerConfigData }> {
      return (stmt(db, 'SELECT * FROM scanner_config').all() as Raw[]).map((r) => ({
        key: r.device_key as string,
        kind: r.kind as 'hid' | 'serial',
        config: JSON.parse(r.config as string),
      }));
    },
    lineCustoms(lineId: string): CustomsSettingsData | undefined {
      const r = stmt(db, 'SELECT settings FROM line_customs WHERE line_id = ?').get(lineId) as { settings: string } | undefined;
      return r ? JSON.parse(r.settings) : undefined;
    },
  };
}
