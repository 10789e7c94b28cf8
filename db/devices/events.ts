import type { JobDraft } from '../event-types';

export interface PrinterSetupData {
  transport: 'tcp9100' | 'cups' | 'windows-raw' | 'system-pdf';
  queue: string | null;
  size: '4x6' | '4x4';
  dpi: 203 | 300;
  fallbackPrinterId: string | null;
  statusCheck: boolean;
}

export interface CustomsSettingsData {
  enabled: boolean;
  category: 'merchandise' | 'gift' | 'documents' | 'sample' | 'returned_goods' | 'other';
  originCountry: string;
  currency: string;
  /** Used for items without their own figures. */
  valuePerItem: number;
  weightPerItemKg: number;
  /** Per SKU: customs description, HS tariff code, value, weight, origin (all optional). */
  items: Record<string, { description?: string; hsCode?: string; value?: number; weightKg?: number; origin?: string }>;
}

export type PrinterHealthData = 'ok' | 'problem' | 'unreachable' | 'unknown';

export interface ScannerConfigData {
  role: 'pick' | 'dispatch' | 'off';
  name?: string;
  serial?: {
    baudRate?: number;
    dataBits?: 7 | 8;
    parity?: 'none' | 'even' | 'odd';
    stopBits?: 1 | 2;
    suffix?: 'CR' | 'LF' | 'CRLF' | 'none';
    idleMs?: number;
    prefix?: string;
  };
}

/** Events of the hardware capability (merged into EventMap in db/event-types.ts). */
export interface DevicesEvents {
  'printer.configured': { printerId: string; setup: PrinterSetupData };
  'printer.paused': { printerId: string; note?: string };
  'printer.resumed': { printerId: string };
  /** Observed by the ~HS poll or a send; only changes are recorded. */
  'printer.health_changed': { printerId: string; health: PrinterHealthData; problems: string[]; note?: string };
  /** Every queued label of one printer goes to another, in order (a person, or the PDF fallback). */
  'print.jobs_moved': { from: string; to: string; reason: 'operator' | 'fallback' };
  /** The printer took every byte but never confirmed: the label may or may not be out. */
  'print.unconfirmed': {
    jobId: string;
    printerId: string;
    error: string;
    /**
     * The console stopped while sending it: the label is set aside (the lane goes on with the next one)
     * until a person answers; "it did not print" puts it back at the head of its printer's lane.
     */
    aside?: boolean;
  };
  /** A person answered: it printed (the job is done), or it did not (send it again). */
  'print.confirmed': { jobId: string; printerId: string; printed: boolean };
  'scanner.configured': { key: string; kind: 'hid' | 'serial'; config: ScannerConfigData };
  'line.customs_set': { lineId: string; customs: CustomsSettingsData | null };
  'selftest.sheet_queued': { printerId: string; jobs: JobDraft[] };
}
