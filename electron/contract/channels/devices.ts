import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

const Role = z.enum(['pick', 'dispatch', 'off']);

const ScannerStatus = z.object({
  key: z.string(),
  kind: z.enum(['hid', 'serial']),
  name: z.string(),
  path: z.string(),
  role: Role,
  state: z.enum(['ready', 'opening', 'detached', 'denied', 'error', 'off', 'not-set-up']),
  lastScan: z.object({ code: z.string(), symbology: z.string().optional(), at: z.string() }).nullable(),
  scans: z.number().int(),
  error: z.string().nullable(),
  advice: z.string().nullable(),
});

const SerialSettings = z
  .object({
    baudRate: z.number().int().min(300).max(921_600).optional(),
    dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
    parity: z.enum(['none', 'even', 'odd']).optional(),
    stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
    suffix: z.enum(['CR', 'LF', 'CRLF', 'none']).optional(),
    idleMs: z.number().int().min(10).max(2_000).optional(),
    prefix: z.string().max(8).optional(),
  })
  .strict();

const PrinterSetup = z
  .object({
    transport: z.enum(['tcp9100', 'cups', 'windows-raw', 'system-pdf']),
    queue: z.string().max(120).nullable(),
    size: z.enum(['4x6', '4x4']),
    dpi: z.union([z.literal(203), z.literal(300)]),
    fallbackPrinterId: z.string().nullable(),
    statusCheck: z.boolean(),
  })
  .strict();

const PrinterQueue = z.object({
  printerId: z.string(),
  name: z.string(),
  level: z.enum(['ok', 'warn', 'bad']),
  message: z.string(),
  health: z.enum(['ok', 'problem', 'unreachable', 'unknown']),
  problems: z.array(z.string()),
  paused: z.boolean(),
  divertedTo: z.string().nullable(),
  queued: z.number().int(),
  checkedAt: z.string().nullable(),
  questions: z.array(
    z.object({
      jobId: z.string(),
      printerId: z.string(),
      error: z.string(),
      heldAt: z.string(),
      parcelId: z.string().nullable(),
      tracking: z.string().nullable(),
    }),
  ),
});

const PrintJob = z.object({
  id: z.string(),
  kind: z.string(),
  printerId: z.string(),
  parcelId: z.string().nullable(),
  tracking: z.string().nullable(),
  status: z.enum(['queued', 'sending', 'printed', 'failed', 'held', 'printed?', 'dead']),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: S.IsoTime,
  doneAt: S.IsoTime.nullable(),
  printedOn: z.string().nullable(),
});

const PrinterId = z.object({ printerId: z.string().min(1) }).strict();

/** Channels of the devices capability: scanners, printers, labels, the test sheet. */
export const devicesChannels = {
  'scanners.list': ch(Empty, z.array(ScannerStatus), 'HID and serial scanners with state, last scan and errors.', 'picker'),
  'scanners.configure': ch(
    z.object({ key: z.string().min(1), role: Role, name: z.string().max(60).optional(), serial: SerialSettings.optional() }).strict(),
    ScannerStatus,
    'Give a HID/serial scanner a station role and its settings.',
    'supervisor',
  ),
  'scanners.profiles': ch(
    Empty,
    z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        gs: z.string(),
        note: z.string(),
        wedge: z.object({
          maxInterKeyMs: z.number(),
          minLength: z.number(),
          suffix: z.enum(['Enter', 'Tab', 'EnterOrTab', 'None']),
          prefix: z.string(),
          endTimeoutMs: z.number(),
        }),
      }),
    ),
    'Keyboard-wedge settings per kind of scanner.',
    'picker',
  ),
  'selftest.print': ch(
    Empty,
    z.object({ jobId: z.string(), printerId: z.string() }),
    'Print the scanner test sheet through this station’s printer queue.',
    'picker',
  ),
  'printers.list': ch(Empty, z.array(S.Printer.extend({ queued: z.number().int(), failing: z.string().nullable() })), 'Printers and their queues.', 'picker'),
  'printers.save': ch(S.Printer.strict(), S.Printer, 'Add or change a printer.', 'supervisor'),
  'jobs.list': ch(
    z
      .object({ status: z.enum(['queued', 'done', 'dead']).optional(), kind: z.string().optional(), limit: z.number().int().min(1).max(1000).default(100) })
      .strict(),
    z.array(S.Job),
    'Outbox jobs (labels, Shopify, carriers).',
    'picker',
  ),
  'jobs.retry': ch(z.object({ id: z.string().min(1) }).strict(), S.Job, 'Retry a failed or dead job now.', 'picker'),
  'printers.setup': ch(PrinterId, PrinterSetup, 'A printer’s transport, label size, resolution and fallback.', 'picker'),
  'printers.configure': ch(
    z.object({ printerId: z.string().min(1), setup: PrinterSetup }).strict(),
    PrinterSetup,
    'Change a printer’s transport, label size, resolution and fallback.',
    'supervisor',
  ),
  'printers.health': ch(
    z.object({ printerId: z.string().min(1).optional() }).strict(),
    PrinterQueue.nullable(),
    'Can this printer (default: the station’s) print now: health, pause, open questions. Shown on Pick before scanning.',
    'picker',
  ),
  'printers.check': ch(PrinterId, PrinterQueue, 'Ask the printer for its status (~HS) now.', 'picker'),
  'printers.pause': ch(
    z.object({ printerId: z.string().min(1), note: z.string().max(120).optional() }).strict(),
    PrinterQueue,
    'Hold this printer’s labels.',
    'picker',
  ),
  'printers.resume': ch(PrinterId, PrinterQueue, 'Send this printer’s held labels, in order.', 'picker'),
  'printers.move': ch(
    z.object({ from: z.string().min(1), to: z.string().min(1) }).strict(),
    z.object({ moved: z.number().int() }),
    'Move every waiting label to another printer, in order.',
    'dispatch',
  ),
  'print.jobs': ch(
    z.object({ printerId: z.string().min(1).optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.array(PrintJob),
    'Label jobs with their status: queued, sending, printed, failed (with reason), held, printed?.',
    'picker',
  ),
  'print.confirm': ch(
    z.object({ jobId: z.string().min(1), printed: z.boolean() }).strict(),
    z.object({ jobId: z.string(), printed: z.boolean() }),
    'Answer "did this label print?" for a label the printer took without confirming.',
    'picker',
  ),
  'printers.simulate': ch(
    z
      .object({
        printerId: z.string().min(1),
        mode: z.enum(['ok', 'refuse', 'slow', 'close-mid-job', 'hang']).optional(),
        status: z
          .object({ paperOut: z.boolean().optional(), ribbonOut: z.boolean().optional(), headOpen: z.boolean().optional(), paused: z.boolean().optional() })
          .strict()
          .optional(),
      })
      .strict(),
    PrinterQueue,
    'Test only (console started with --test-clock): make the demo fake printer misbehave, then check it.',
    'picker',
  ),
  'labels.preview': ch(
    z.object({ parcelId: z.string().min(1) }).strict(),
    z.object({ pngBase64: z.string(), zpl: z.string() }),
    'The label exactly as sent to the printer, rendered to PNG.',
    'picker',
  ),
} as const;
