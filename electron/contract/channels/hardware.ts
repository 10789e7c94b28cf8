import { z } from 'zod';
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

/** Channels of the hardware capability. */
export const hardwareChannels = {
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
} as const;
