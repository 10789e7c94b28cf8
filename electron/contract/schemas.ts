import { z } from 'zod';

/** Shared shapes of the contract. Dates cross the API as ISO-8601 UTC strings. */
export const IsoTime = z.string().describe('ISO-8601 UTC instant');
/** An instant given by a person or a script: must parse (`2026-05-01`, `2026-05-01T08:00:00Z`, `…+08:00`); normalized to UTC. */
export const IsoInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
    error: 'must be an ISO-8601 date or time, e.g. 2026-05-01 or 2026-05-01T08:00:00Z',
  })
  .refine((s) => !Number.isNaN(Date.parse(s.replace(' ', 'T'))), { error: 'is not a real date or time' })
  .transform((s) => new Date(s.replace(' ', 'T')).toISOString())
  .describe('ISO-8601 instant');

export const Address = z.object({
  name: z.string().min(1),
  company: z.string().optional(),
  address1: z.string().min(1),
  address2: z.string().optional(),
  city: z.string().min(1),
  province: z.string().optional(),
  zip: z.string().min(1),
  country: z.string().min(2),
  phone: z.string().optional(),
});

export const RouteType = z.enum(['postal', 'private', 'express', 'domestic']);

export const Line = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  name: z.string().min(1).max(60),
  carrier: z.string().min(1),
  shopifyCompany: z.string().min(1).describe("Exact tracking company name Shopify recognises, or the carrier's name"),
  trackingUrl: z.string().includes('{number}', { message: 'the tracking URL template must contain {number}' }),
  service: z.string().min(1),
  routeType: RouteType,
  numberSource: z.enum(['range', 'pool']),
  lowDays: z.number().min(0).max(365),
  dailyVolume: z.number().int().min(1),
  active: z.boolean(),
});

export const LineStatus = Line.extend({
  remaining: z.number().int(),
  daysLeft: z.number().nullable(),
  low: z.boolean(),
  ranges: z.array(
    z.object({ id: z.string(), params: z.record(z.string(), z.unknown()), first: z.number(), last: z.number(), next: z.number(), remaining: z.number() }),
  ),
});

export const WedgeSettings = z.object({
  maxInterKeyMs: z.number().int().min(5).max(200),
  minLength: z.number().int().min(1).max(50),
  suffix: z.enum(['Enter', 'Tab', 'EnterOrTab', 'None']),
  prefix: z.string().max(10),
  endTimeoutMs: z.number().int().min(10).max(1000),
});

export const Station = z.object({
  id: z.string(),
  name: z.string().min(1).max(40),
  printerId: z.string().nullable(),
  scanner: WedgeSettings,
});

export const Printer = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  transport: z.literal('tcp9100'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  language: z.enum(['zpl', 'pdf']),
});

export const Parcel = z.object({
  id: z.string(),
  orderId: z.string(),
  orderName: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  trackingNumber: z.string(),
  status: z.string(),
  pickedAt: IsoTime,
  pickedStation: z.string(),
  pickedBy: z.string(),
  printerId: z.string().nullable(),
  labelPrintedAt: IsoTime.nullable(),
  reprints: z.number().int(),
  cutoffAt: IsoTime.nullable().optional(),
  pickupAt: IsoTime.nullable().optional().describe('the carrier pickup this parcel makes (null: its line has no calendar)'),
  shipLabel: z.string().nullable().optional().describe('"ships Mon 30 Nov 17:30", warehouse zone'),
  late: z.boolean().nullable().optional().describe('picked past its day’s cut-off: it waits for a later pickup'),
  expectedFirstScanFrom: IsoTime.nullable().optional(),
  expectedFirstScanBy: IsoTime.nullable().optional().describe('worst-case carrier first scan: the buyer sees no tracking movement until then'),
  piece: z.number().int().nullable().optional().describe('this parcel is "piece of pieces" of its order (null: the order is one parcel)'),
  pieces: z.number().int().nullable().optional(),
  weightG: z.number().int().nullable().optional().describe('weight from the pack bench, grams'),
});

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  target: z.string(),
  ref: z.string().nullable(),
  status: z.enum(['queued', 'done', 'dead']),
  attempts: z.number().int(),
  nextAt: IsoTime,
  lastError: z.string().nullable(),
  createdAt: IsoTime,
  doneAt: IsoTime.nullable(),
});

export const Event = z.object({
  seq: z.number().int(),
  id: z.string(),
  station: z.string(),
  stationSeq: z.number().int(),
  hlc: z.string(),
  actor: z.string(),
  occurredAt: IsoTime,
  type: z.string(),
  subject: z.string().nullable(),
  payload: z.unknown(),
});

export const Warning = z.object({ code: z.string(), message: z.string() });

export const PickResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('issued'),
    parcel: Parcel,
    carrier: z.string(),
    shipTo: z.string(),
    warnings: z.array(Warning),
  }),
  z.object({
    outcome: z.literal('reprinted'),
    parcel: Parcel,
    carrier: z.string(),
    shipTo: z.string(),
    reason: z.string(),
    warnings: z.array(Warning),
  }),
  z.object({
    outcome: z.literal('refused'),
    code: z.enum([
      'unknown',
      'shipped',
      'cancelled',
      'on_hold',
      'no_line',
      'out_of_numbers',
      'bad_scan',
      'disk_full',
      'restore_unconfirmed',
      'held_after_restore',
    ]),
    message: z.string(),
    next: z.string(),
  }),
  z.object({
    outcome: z.literal('pack'),
    orderId: z.string(),
    orderName: z.string(),
    message: z.string(),
    next: z.string(),
  }),
  z.object({
    outcome: z.literal('ambiguous'),
    message: z.string(),
    next: z.string(),
    candidates: z.array(
      z.object({
        orderId: z.string(),
        orderName: z.string(),
        shipToName: z.string(),
        store: z.string().describe('the store the picker knows (Shopify shop name, or the order file store)'),
        storeBarcode: z.string().describe('the store’s pick-slip barcode, e.g. STORE-DEMO-STORE'),
        status: z.string(),
      }),
    ),
  }),
]);

export const OrderImportResult = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  /** How the file's bytes were read. */
  encoding: z.enum(['UTF-8', 'UTF-16LE', 'UTF-16BE']).optional(),
  /** Orders of the file already in the console (imported before, or by an import that stopped midway). */
  alreadyIn: z.number().int().optional(),
});
