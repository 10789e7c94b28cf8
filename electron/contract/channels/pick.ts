import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';
import { ShopifyParcelSync } from './shopify';

export const pickChannels = {
  'pick.scan': ch(
    z
      .object({
        code: z.string().trim().min(1, 'the scan is empty').max(200),
        symbology: z.string().optional(),
        choice: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe('answers an ambiguous code: the order id touched, or the store’s pick-slip barcode scanned'),
      })
      .strict(),
    S.PickResult,
    'A picker scanned an order number, an item barcode or a parcel label: issue the number and queue the label, or reprint.',
    'picker',
  ),
  'pick.stores': ch(
    Empty,
    z.array(z.object({ store: z.string(), name: z.string(), barcode: z.string(), pngBase64: z.string() })),
    'Every store with orders here and its pick-slip barcode (Code 128 PNG), to print on its pick slips.',
    'picker',
  ),
  'pick.reprint': ch(
    z.object({ parcelId: z.string().min(1), reason: z.string().trim().min(3, 'say why the label is reprinted').max(200) }).strict(),
    S.PickResult,
    'Reprint a parcel label with a recorded reason; never issues a second number.',
    'picker',
  ),
  'pick.stats': ch(
    Empty,
    z.object({
      pickedToday: z.number().int(),
      reprintsToday: z.number().int(),
      refusedToday: z.number().int(),
      printQueue: z.number().int(),
      printFailed: z.number().int(),
      openOrders: z.number().int(),
      last: S.Parcel.nullable(),
    }),
    'Counters for the pick screen (this station, today in the warehouse zone).',
    'picker',
  ),
  'parcels.list': ch(
    z
      .object({
        status: z.string().optional(),
        lineId: z.string().optional(),
        q: z.string().max(60).optional(),
        limit: z.number().int().min(1).max(5000).default(200),
        after: z.string().min(1).max(64).optional().describe('keyset paging in the list order (sorted or not): the rows after this parcel id'),
        ids: z.array(z.string().min(1).max(64)).max(500).optional().describe('only these parcels, still under the filters: what changed after a push'),
        sort: z
          .object({ by: z.enum(['pickedAt', 'orderName', 'lineName', 'trackingNumber', 'status', 'labelPrintedAt', 'reprints']), desc: z.boolean() })
          .strict()
          .optional()
          .describe('another order than newest first (ties newest first)'),
        count: z.boolean().default(true).describe('count every match (total); later pages of a list say false'),
      })
      .strict(),
    z.object({ rows: z.array(S.Parcel), total: z.number().int().nullable().describe('null when count was false') }),
    'Parcels, newest first (or sorted), with filters; paged by keyset (after) only, or only the ids asked for.',
    'picker',
  ),
  'parcels.get': ch(
    z.object({ id: z.string().min(1) }).strict(),
    z.object({
      parcel: S.Parcel,
      order: z.object({
        id: z.string(),
        name: z.string(),
        status: z.string(),
        shipTo: S.Address,
        items: z.array(z.object({ sku: z.string(), title: z.string(), quantity: z.number() })),
      }),
      events: z.array(S.Event),
      jobs: z.array(S.Job),
      archived: z
        .object({ at: S.IsoTime, file: z.string(), scans: z.number().int(), jobs: z.number().int() })
        .nullable()
        .describe('delivered past the archive horizon: its carrier scans and finished jobs are in this file beside the database (listed here from it)'),
    }),
    'One parcel with its order, its event timeline and its jobs.',
    'picker',
  ),
  'parcel.relink': ch(
    z
      .object({
        parcelId: z.string().min(1),
        reason: z.string().max(200),
        lineId: z.string().min(1).optional().describe('move the parcel to another carrier line'),
        number: z.string().max(40).optional().describe('a number of the line typed or scanned (default: the next number of the line)'),
      })
      .strict(),
    z.object({
      parcel: S.Parcel,
      oldNumber: z.string(),
      newNumber: z.string(),
      oldLine: z.string(),
      line: z.string(),
      reason: z.string(),
      shopify: z.object({ action: z.enum(['tracking_update', 'create_sends_new']), sync: ShopifyParcelSync.nullable() }).nullable(),
    }),
    'Give a parcel a new tracking number (label unusable, wrong line, number refused): new label, Shopify told, the monitor watches the new number.',
    'dispatch',
  ),
} as const;
