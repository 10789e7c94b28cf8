import { z } from 'zod';
import { IsoTime } from '../schemas';
import { ch, Empty } from './define';

const Grams = z.number().int().min(1, 'a weight is at least 1 g').max(1_000_000, 'a parcel weighs at most 1,000 kg');
const Reason = (what: string) => z.string().trim().min(3, `say why the manifest is ${what}`).max(200);

export const LineRules = z.object({
  lineId: z.string().min(1),
  services: z.array(z.string().min(1)).max(20),
  maxParcels: z.number().int().min(1).max(100_000).nullable(),
  maxWeightGrams: z.number().int().min(1).max(100_000_000).nullable(),
  bags: z.enum(['none', 'required']),
  weight: z.enum(['off', 'optional', 'required']),
  expectedPickup: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm, 24-hour, warehouse time'),
  acceptance: z.enum(['scan', 'carrier_api']),
});

export const Manifest = z.object({
  id: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  carrier: z.string(),
  number: z.string().nullable(),
  pickupDate: z.string(),
  expectedPickupAt: IsoTime,
  pickupLocal: z.string().describe('expected pickup in the warehouse zone, e.g. "Fri 27 Nov 17:30"'),
  status: z.enum(['open', 'closed', 'handed_over', 'voided']),
  statusNote: z.string().nullable(),
  openedAt: IsoTime,
  openedBy: z.string(),
  closedAt: IsoTime.nullable(),
  reopened: z.number().int(),
  handedOverAt: IsoTime.nullable(),
  handoverVia: z.enum(['driver_scan', 'lead_confirm', 'carrier_api']).nullable(),
  driver: z.string().nullable(),
  carrierRef: z.string().nullable(),
  parcels: z.number().int(),
  weightGrams: z.number().int(),
  unweighed: z.number().int(),
  overdue: z.boolean(),
});

export const LoadedParcel = z.object({
  parcelId: z.string(),
  trackingNumber: z.string(),
  orderName: z.string(),
  lineId: z.string(),
  status: z.string(),
  bag: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  loadedAt: IsoTime,
  loadedBy: z.string(),
  loadedStation: z.string(),
  handedOverAt: IsoTime.nullable(),
});

export const Discrepancy = z.object({
  id: z.string(),
  kind: z.enum(['left_behind', 'not_confirmed', 'not_loaded']),
  manifestId: z.string(),
  manifestNumber: z.string().nullable(),
  lineId: z.string(),
  parcelId: z.string().nullable(),
  trackingNumber: z.string(),
  parcelStatus: z.string().nullable(),
  orderName: z.string().nullable(),
  foundAt: IsoTime,
  resolvedAt: IsoTime.nullable(),
  resolution: z.string().nullable(),
  what: z.string().describe('what happened, in words'),
  next: z.string().describe('what to do about it'),
  actions: z.array(z.enum(['handed_over', 'back_to_dock', 'dismissed'])),
});

export const RefusalCode = z.enum([
  'bad_scan',
  'other_site',
  'not_picked',
  'wrong_line',
  'duplicate',
  'on_other_manifest',
  'handed_over',
  'voided',
  'on_hold',
  'manifest_not_open',
  'full',
  'too_heavy',
  'weight_required',
  'bag_required',
  'held_after_restore',
]);

export const DispatchScanResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('loaded'), parcel: LoadedParcel, manifest: Manifest, message: z.string() }),
  z.object({ outcome: z.literal('bag'), bag: z.string(), manifest: Manifest, message: z.string() }),
  z.object({ outcome: z.literal('manifest'), manifest: Manifest, message: z.string(), next: z.string() }),
  z.object({
    outcome: z.literal('refused'),
    code: RefusalCode,
    message: z.string(),
    next: z.string(),
    parcelId: z.string().nullable(),
    belongsTo: z.string().nullable().describe('the line the parcel belongs to (wrong line), or the manifest it is on'),
  }),
]);

const ManifestDetail = z.object({
  manifest: Manifest,
  rules: LineRules,
  parcels: z.array(LoadedParcel),
  bags: z.array(z.object({ code: z.string(), parcels: z.number().int() })),
  currentBag: z.string().nullable(),
  discrepancies: z.array(Discrepancy),
  incomplete: z
    .array(
      z.object({
        orderId: z.string(),
        orderName: z.string(),
        missing: z.array(z.object({ parcelId: z.string(), trackingNumber: z.string(), piece: z.number().int(), pieces: z.number().int(), status: z.string() })),
        message: z.string(),
        next: z.string(),
      }),
    )
    .describe('orders of several parcels with a parcel not on this manifest ("2 of 3" missing)'),
});

const ManifestId = z.object({ manifestId: z.string().min(1) }).strict();

/** Channels of the dispatch capability. */
export const dispatchChannels = {
  'dispatch.board': ch(
    Empty,
    z.object({
      now: IsoTime,
      lines: z.array(
        z.object({
          lineId: z.string(),
          lineName: z.string(),
          carrier: z.string(),
          rules: LineRules,
          waiting: z.number().int().describe('picked parcels on no manifest'),
          nextPickupAt: IsoTime,
          nextPickupLocal: z.string(),
        }),
      ),
      manifests: z.array(Manifest),
      discrepancies: z.array(Discrepancy),
      alerts: z.array(
        z.object({ code: z.enum(['pickup_overdue']), lineId: z.string(), manifestId: z.string().nullable(), message: z.string(), next: z.string() }),
      ),
    }),
    'Dispatch at a glance: lines with waiting parcels, manifests still here or handed over today, discrepancies, overdue pickups.',
    'picker',
  ),
  'dispatch.rules.save': ch(
    LineRules.strict(),
    LineRules,
    'Set what a line pickup takes: services, limits, bags, weights, expected pickup time, how handover is confirmed.',
    'supervisor',
  ),
  'dispatch.open': ch(
    z
      .object({
        lineId: z.string().min(1),
        pickupDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
          .optional(),
      })
      .strict(),
    Manifest,
    'Open the manifest for a line and pickup (or return the one already open for it).',
    'dispatch',
  ),
  'dispatch.manifest': ch(
    ManifestId.extend({
      recent: z
        .number()
        .int()
        .min(1)
        .max(500)
        .optional()
        .describe('only the last n parcels loaded (parcels then holds those; manifest.parcels still counts all)'),
    }).strict(),
    ManifestDetail,
    'One manifest with its parcels (all, or the last n loaded), bags and discrepancies.',
    'picker',
  ),
  'dispatch.scan': ch(
    z.object({ manifestId: z.string().min(1), code: z.string().trim().min(1, 'the scan is empty').max(200), weightGrams: Grams.optional() }).strict(),
    DispatchScanResult,
    'Scan on the dispatch screen: a parcel label loads it onto the manifest, a bag label starts a bag, a manifest barcode asks for handover.',
    'dispatch',
  ),
  'dispatch.unload': ch(
    z
      .object({ manifestId: z.string().min(1), parcelId: z.string().min(1), reason: z.string().trim().min(3, 'say why the parcel comes off').max(200) })
      .strict(),
    ManifestDetail,
    'Take a parcel off an open manifest, with a reason.',
    'dispatch',
  ),
  'dispatch.close': ch(ManifestId, ManifestDetail, 'Close out a manifest: it gets its number; print it and hand it to the driver.', 'dispatch'),
  'dispatch.reopen': ch(
    z.object({ manifestId: z.string().min(1), reason: Reason('reopened') }).strict(),
    ManifestDetail,
    'Reopen a closed manifest (before handover), with a reason.',
    'dispatch',
  ),
  'dispatch.void': ch(
    z.object({ manifestId: z.string().min(1), reason: Reason('voided') }).strict(),
    ManifestDetail,
    'Void a manifest (before handover), with a reason: its parcels go back to the dock.',
    'supervisor',
  ),
  'dispatch.pdf': ch(ManifestId, z.object({ fileName: z.string(), pdfBase64: z.string() }), 'The printable manifest (PDF) of a closed manifest.', 'dispatch'),
  'dispatch.csv': ch(ManifestId, z.object({ fileName: z.string(), csv: z.string() }), "The carrier's CSV export of a closed manifest.", 'dispatch'),
  'dispatch.handover': ch(
    z
      .object({
        code: z.string().trim().min(1, 'scan the manifest barcode').max(60),
        driver: z.string().trim().min(2, "write the driver's name").max(60),
        via: z.enum(['driver_scan', 'lead_confirm']),
      })
      .strict(),
    ManifestDetail,
    'The carrier took the manifest: its parcels are handed over, Shopify hears CARRIER_PICKED_UP, what stayed behind is flagged.',
    'dispatch',
  ),
  'dispatch.resolve': ch(
    z
      .object({
        id: z.string().min(1),
        resolution: z.enum(['handed_over', 'back_to_dock', 'dismissed']),
        note: z.string().trim().min(3, 'say what was found').max(200),
      })
      .strict(),
    Discrepancy,
    'Settle a discrepancy: the carrier has it after all, it is back on the dock, or nothing to do.',
    'dispatch',
  ),
  'dispatch.voidParcel': ch(
    z.object({ parcelId: z.string().min(1), reason: z.string().trim().min(3, 'say why the parcel is voided').max(200) }).strict(),
    z.object({ parcelId: z.string(), status: z.string() }),
    'Void a parcel that will not ship (damaged, lost, order cancelled); not once handed over.',
    'supervisor',
  ),
} as const;
