import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

const OrderId = z.string().trim().min(1, 'which order: scan its number on the pick screen first').max(100);
const ShipLines = z
  .array(z.object({ idx: z.number().int().min(0), quantity: z.number().int().min(0) }).strict())
  .min(1)
  .max(500);
const Override = z
  .object({
    supervisor: z
      .string()
      .trim()
      .min(2, 'the overriding supervisor’s name')
      .max(60)
      .optional()
      .describe('ignored when someone is signed in: the signed-in supervisor overrides'),
    reason: z.string().trim().min(3, 'say why the check may be skipped').max(200),
  })
  .strict()
  .describe(
    'a signed-in supervisor lets the labels go with counts that do not match or without a weight: their name and the reason go on the audit trail (a picker is refused: FORBIDDEN, need supervisor)',
  );

const Rules = z
  .object({
    scope: z.string().regex(/^(line|store):.+$/, 'choose a line or a store from the list ("line:<id>" or "store:<id>")'),
    verify: z.boolean().describe('scan every item against the order before the label'),
    itemsPerParcel: z
      .number()
      .int('a whole number of items')
      .min(1, 'at least 1 item per parcel, or leave it empty for one parcel')
      .max(999, 'at most 999 items per parcel, or leave it empty for one parcel')
      .nullable()
      .describe('one parcel per N items (null: one parcel unless the picker adds one)'),
    needsWeight: z.boolean().describe('the label needs a weight (postal lines)'),
    needsCustoms: z.boolean().describe('the number is issued only with a complete customs declaration'),
  })
  .strict();

const SerialScale = z
  .object({
    path: z.string().trim().min(1, 'the port: COM3 on Windows, /dev/ttyUSB0 on Linux').max(200),
    baudRate: z
      .number()
      .int()
      .refine(
        (b) => [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].includes(b),
        'a baud rate from the list (the scale’s manual says which; 9600 is common)',
      ),
    protocol: z.enum(['st-gs', 'sics'], 'a protocol from the list'),
  })
  .strict();

const Blocker = z.object({ code: z.enum(['count', 'weight', 'customs']), message: z.string(), next: z.string() });

export const PackView = z.object({
  orderId: z.string(),
  orderName: z.string(),
  shipTo: z.string(),
  lineName: z.string(),
  carrier: z.string(),
  rules: Rules.omit({ scope: true }),
  lines: z.array(
    z.object({
      idx: z.number().int(),
      sku: z.string(),
      title: z.string(),
      barcode: z.string().nullable(),
      ordered: z.number().int(),
      shipped: z.number().int().describe('left in earlier parcels (a partial shipment)'),
      toShip: z.number().int(),
      counted: z.number().int(),
    }),
  ),
  counted: z.number().int(),
  toShip: z.number().int(),
  extras: z.number().int().describe('extra items scanned and flagged'),
  parcels: z.number().int(),
  weights: z.array(z.object({ grams: z.number().int(), source: z.enum(['scale_hid', 'scale_serial', 'typed']) })),
  override: z.object({ supervisor: z.string(), reason: z.string() }).nullable(),
  customs: z.object({ form: z.enum(['CN22', 'CN23']), value: z.number(), currency: z.string(), missing: z.array(z.string()) }).nullable(),
  earlier: z.array(S.Parcel).describe('parcels of the order issued before (a partial shipment)'),
  blockers: z.array(Blocker).describe('what stands between the bench and the labels; empty: print'),
});

const ScanReply = z.object({
  outcome: z.enum(['counted', 'complete', 'wrong', 'extra', 'parcels', 'weighed', 'issued', 'refused']),
  message: z.string(),
  next: z.string(),
  sku: z.string().nullable().optional(),
  counted: z.number().int().optional(),
  needed: z.number().int().optional(),
  totalCounted: z.number().int().optional(),
  totalNeeded: z.number().int().optional(),
  expected: z.array(z.string()).optional().describe('SKUs still short; for a wrong item, what was expected'),
  parcels: z.array(S.Parcel).optional(),
});

const Weighed = z.object({
  outcome: z.enum(['weighed', 'refused']),
  message: z.string(),
  next: z.string(),
  grams: z.number().int().nullable(),
  weighed: z.number().int(),
  parcels: z.number().int(),
});

const Reading = z.object({
  grams: z.number(),
  status: z.enum(['stable', 'motion', 'zero', 'under', 'over', 'fault']),
  unit: z.string(),
  shown: z.number(),
});

const Batch = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: S.IsoTime,
  createdBy: z.string(),
  total: z.number().int(),
  status: z.enum(['running', 'stopped', 'done']),
  done: z.number().int(),
  issued: z.number().int(),
  refused: z.number().int(),
  skipped: z.number().int(),
  printed: z.number().int().describe('labels of the batch the printer took'),
  running: z.boolean(),
  interrupted: z.boolean().describe('the station stopped in the middle of it: resume'),
  results: z.array(
    z.object({
      seq: z.number().int(),
      orderId: z.string(),
      orderName: z.string(),
      outcome: z.string().nullable(),
      parcelId: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});

const CustomsSku = z.object({
  sku: z.string(),
  description: z.string(),
  hsCode: z.string().optional(),
  origin: z.string().optional(),
  value: z.number().optional(),
  currency: z.string().optional(),
  weightG: z.number().int().optional(),
});

/** Channels of the pack station: the bench session of an order, the scale, customs per SKU, batch runs. */
export const packChannels = {
  'pack.view': ch(
    z.object({ orderId: OrderId }).strict(),
    PackView,
    'An order at the bench: counts, parcels, weights, customs and what is still missing.',
    'picker',
  ),
  'pack.scan': ch(
    z.object({ orderId: OrderId, code: z.string().trim().min(1, 'the scan is empty').max(200) }).strict(),
    ScanReply,
    'A scan at the bench: an item counted against the order (wrong and extra refused), or a command barcode (PACK-ADD-PARCEL, PACK-REMOVE-PARCEL, PACK-WEIGH, PACK-LABEL).',
    'picker',
  ),
  'pack.parcels': ch(
    z.object({ orderId: OrderId, parcels: z.number().int().min(1).max(99) }).strict(),
    z.object({ parcels: z.number().int() }),
    'How many parcels the order goes in; labels say "1 of N".',
    'picker',
  ),
  'pack.weigh': ch(
    z.object({ orderId: OrderId }).strict(),
    Weighed,
    'Take the next parcel’s weight from the scale: only a reading the scale calls stable is recorded.',
    'picker',
  ),
  'pack.weighTyped': ch(
    z.object({ orderId: OrderId, grams: z.number().int().min(1).max(70000) }).strict(),
    Weighed,
    'A weight typed in grams (a floor scale, a scale that is down), recorded as typed.',
    'picker',
  ),
  'pack.label': ch(
    z
      .object({
        orderId: OrderId,
        partial: z
          .object({ lines: ShipLines, reason: z.string().trim().min(3, 'say why the rest waits').max(200) })
          .strict()
          .optional()
          .describe('ship only these lines and quantities now; the rest stays open with the reason'),
        override: Override.optional(),
      })
      .strict(),
    z.object({
      parcels: z.array(S.Parcel),
      message: z.string(),
      handBack: z
        .object({ supervisor: z.string(), operator: z.object({ id: z.string(), name: z.string() }).nullable() })
        .optional()
        .describe(
          'after an override by a supervisor who took the bench over from someone: the bench went back to that operator (operator), or the station signed out to ask for a badge (null)',
        ),
    }),
    'Issue the order’s parcels (numbers, labels, one Shopify fulfillment) when the bench has everything; refused before any number when not.',
    'picker',
  ),
  'pack.scale': ch(
    Empty,
    z.object({
      connected: z.object({ key: z.string(), kind: z.enum(['hid', 'serial']), name: z.string(), path: z.string() }).nullable(),
      reading: Reading.nullable(),
      problem: z.string().nullable(),
    }),
    'The station’s scale and its latest reading.',
    'picker',
  ),
  'pack.scaleZero': ch(
    z.object({ tare: z.boolean().default(false) }).strict(),
    z.object({ ok: z.boolean(), message: z.string() }),
    'Zero (or tare) the scale.',
    'picker',
  ),
  'pack.rulesRemove': ch(
    z.object({ scope: z.string().regex(/^(line|store):.+$/, 'choose a rule from the list') }).strict(),
    z.object({ scope: z.string(), message: z.string() }),
    'Remove the pack rules of a line or a store: its orders go back to the one-scan pick.',
    'supervisor',
  ),
  'pack.customsForm': ch(
    z.object({ parcelId: z.string().min(1) }).strict(),
    z.object({
      form: z.enum(['CN22', 'CN23']).nullable().describe('null: the parcel’s line carries no customs'),
      items: z.array(z.object({ description: z.string(), quantity: z.number().int(), value: z.number(), hsCode: z.string().nullable(), origin: z.string() })),
      value: z.number(),
      currency: z.string(),
    }),
    'The customs declaration of one parcel: only the items it carries (a split order’s parcel declares its own).',
    'picker',
  ),
  'pack.customsFormPrint': ch(
    z.object({ parcelId: z.string().min(1), reason: z.string().trim().min(3, 'say why it is printed again').max(200).default('printed again') }).strict(),
    z.object({ message: z.string() }),
    'Print a parcel’s CN23 again on the document (PDF) printer, through the outbox.',
    'picker',
  ),
  'pack.customsFormPdf': ch(
    z.object({ parcelId: z.string().min(1) }).strict(),
    z.object({ fileName: z.string(), pdfBase64: z.string() }),
    'A parcel’s CN23 as a PDF (A4), to look at or save.',
    'picker',
  ),
  'pack.scaleSettings': ch(
    Empty,
    z.object({
      serial: SerialScale.nullable().describe('the serial scale set up on this station; null: USB HID scales'),
      protocols: z.array(z.object({ id: z.enum(['st-gs', 'sics']), label: z.string() })),
      baudRates: z.array(z.number().int()),
      ports: z.array(z.object({ path: z.string(), manufacturer: z.string().nullable() })),
      serialAvailable: z.boolean().describe('false: this console cannot reach serial ports'),
    }),
    'The station’s scale set-up: the serial scale (port, baud, protocol), the protocols the decoders speak and the ports seen.',
    'picker',
  ),
  'pack.scaleSave': ch(
    z.object({ serial: SerialScale.nullable() }).strict(),
    z.object({
      serial: SerialScale.nullable(),
      connected: z.object({ key: z.string(), kind: z.enum(['hid', 'serial']), name: z.string(), path: z.string() }).nullable(),
      message: z.string(),
    }),
    'Set up (or remove) the station’s serial scale: the port is opened first, and a port that does not open is refused and nothing is saved.',
    'supervisor',
  ),
  'pack.rules': ch(Empty, z.array(Rules), 'Pack rules per line and store.', 'picker'),
  'pack.rulesSave': ch(Rules, Rules, 'Save the pack rules of a line or a store.', 'supervisor'),
  'customs.skus': ch(Empty, z.array(CustomsSku), 'The customs table per SKU.', 'picker'),
  'customs.import': ch(
    z.object({ csv: z.string().min(1, 'the file is empty').max(10_000_000) }).strict(),
    z.object({ imported: z.number().int() }),
    'Import the customs table (CSV: sku, description, hs_code, origin, value, currency, weight_g). All rows or none.',
    'supervisor',
  ),
  'pack.batchStart': ch(
    z
      .object({
        lineId: z.string().min(1).optional(),
        before: S.IsoTime.optional().describe('orders taken in up to this time (the wave’s cut-off)'),
        limit: z.number().int().min(1).max(5000).default(500),
        label: z.string().trim().max(80).optional(),
      })
      .strict(),
    Batch,
    'Choose open orders (a line, a cut-off) and issue and print them in one run, in the background.',
    'supervisor',
  ),
  'pack.batch': ch(z.object({ batchId: z.string().min(1) }).strict(), Batch, 'A batch run: progress and the orders it could not issue.', 'picker'),
  'pack.batches': ch(Empty, z.array(Batch.omit({ results: true })), 'The latest batch runs.', 'picker'),
  'pack.batchStop': ch(z.object({ batchId: z.string().min(1) }).strict(), Batch, 'Stop a running batch after the order in hand.', 'supervisor'),
  'pack.batchResume': ch(
    z.object({ batchId: z.string().min(1) }).strict(),
    Batch,
    'Resume a stopped or interrupted batch from its first order without an outcome; nothing is issued twice.',
    'supervisor',
  ),
} as const;
