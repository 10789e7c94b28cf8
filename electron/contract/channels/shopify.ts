import { z } from 'zod';
import * as S from '../schemas';
import { ch, Empty } from './define';

const ApiVersion = z.string().regex(/^(\d{4}-\d{2}|unstable)$/, 'an API version like 2026-07');
const Throttle = z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() });
const LinkState = z.enum(['unknown', 'online', 'offline', 'unauthorized']);

export const ShopifyParcelSync = z.object({
  parcelId: z.string(),
  orderName: z.string(),
  trackingNumber: z.string(),
  storeId: z.string(),
  state: z.enum(['queued', 'synced', 'conflict', 'refused']),
  labelPrintedAt: S.IsoTime.nullable(),
  syncedAt: S.IsoTime.nullable(),
  lagMs: z.number().nullable().describe('label printed -> tracking in Shopify'),
  waitingMs: z.number().nullable(),
  late: z.boolean().describe('more than 5 minutes from label to Shopify'),
  fulfillmentGid: z.string().nullable(),
  deduped: z.boolean(),
  error: z.string().nullable(),
  sentNumber: z.string().nullable().describe('the number Shopify holds (differs from trackingNumber while a re-link is on its way)'),
  updating: z.boolean().describe('a tracking update (re-link) is queued'),
  notifyAt: z.enum(['pick', 'handover']).describe('when Shopify e-mails this buyer: with the fulfillment at pick, or at handover'),
  notifiedAt: S.IsoTime.nullable().describe('when Shopify took the request to e-mail the buyer (null: not yet)'),
});

const NotifyAt = z.enum(['handover', 'pick']);

const RequestView = z.object({
  storeId: z.string(),
  foGid: z.string(),
  orderName: z.string(),
  items: z.number().int(),
  destination: z.string(),
  state: z.enum(['pending', 'queued', 'accepted', 'rejected', 'refused']),
  accept: z.boolean().nullable(),
  message: z.string(),
  error: z.string().nullable().describe("Shopify's message when it refused the answer"),
  jobId: z.string().nullable(),
  queuedAt: S.IsoTime.nullable(),
  answeredAt: S.IsoTime.nullable(),
});

const ShopCheck = z.object({
  shopName: z.string(),
  plan: z.string(),
  scopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  locations: z.array(z.object({ id: z.string(), name: z.string() })),
});

const StoreView = z.object({
  id: z.string(),
  shopName: z.string(),
  shopDomain: z.string(),
  emulated: z.boolean(),
  flow: z.enum(['merchant', 'service']),
  locationName: z.string().nullable(),
  missingScopes: z.array(z.string()),
  state: LinkState,
  stateSince: S.IsoTime.nullable(),
  lastError: z.string().nullable(),
  queued: z.number().int(),
  failing: z.number().int(),
  oldestQueuedAt: S.IsoTime.nullable(),
  lastIntakeAt: S.IsoTime.nullable(),
  lastIntake: z.object({ imported: z.number(), changed: z.number(), seen: z.number() }).nullable(),
  intake: z.object({ running: z.boolean(), pages: z.number(), seen: z.number(), imported: z.number(), error: z.string().nullable() }).nullable(),
  throttle: Throttle.nullable(),
  notifyAt: NotifyAt.describe('when Shopify e-mails the buyer the tracking number: at handover (default) or at pick'),
  endpoint: z.string().nullable().describe('loopback URL of an emulated store (null: a real store)'),
});

const Connection = {
  shopDomain: z.string().min(3).max(120),
  apiVersion: ApiVersion.default('2026-07'),
  endpoint: z.string().max(100).nullable().optional().describe('loopback URL of an emulated store only'),
  flow: z.enum(['merchant', 'service']).default('merchant'),
};

export const shopifyChannels = {
  'shopify.status': ch(
    Empty,
    z.object({
      at: S.IsoTime,
      queued: z.number().int(),
      failing: z.number().int(),
      oldestQueuedAt: S.IsoTime.nullable(),
      oldestAgeMs: z.number().nullable(),
      syncedLastMinute: z.number().int(),
      lastError: z.object({ error: z.string(), at: S.IsoTime, jobId: z.string() }).nullable(),
      counts: z.record(z.string(), z.number()),
      today: z.object({ within: z.number().int(), late: z.number().int(), pending: z.number().int(), share: z.number().nullable() }),
      stores: z.array(StoreView),
      deadLetters: z.array(
        z.object({
          jobId: z.string(),
          kind: z.string(),
          ref: z.string().nullable(),
          target: z.string(),
          attempts: z.number().int(),
          error: z.string(),
          createdAt: S.IsoTime,
          orderName: z.string().nullable(),
          trackingNumber: z.string().nullable(),
          conflict: z.boolean(),
        }),
      ),
      recent: z.array(ShopifyParcelSync),
    }),
    'Sync screen: Shopify queue depth, oldest job, rate, last error, stores, dead letters, share within 5 minutes today.',
    'picker',
  ),
  'shopify.test': ch(
    z.object({ ...Connection, accessToken: z.string().min(10).max(200).optional(), storeId: z.string().optional() }).strict(),
    ShopCheck,
    'Test a connection: shop name and missing scopes (token given, or the stored one of storeId).',
    'supervisor',
  ),
  'shopify.connect': ch(
    z
      .object({
        ...Connection,
        id: z
          .string()
          .min(1)
          .max(40)
          .regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
        accessToken: z.string().min(10).max(200).optional().describe('kept in the station secret store, never returned'),
        locationId: z.string().nullable().optional(),
        lineRules: z.record(z.string(), z.string()).optional(),
        defaultLineId: z.string().nullable().optional(),
        notifyAt: NotifyAt.optional().describe('when Shopify e-mails the buyer (default: keep, or handover for a new store)'),
      })
      .strict(),
    z.object({ store: StoreView.pick({ id: true, shopName: true, shopDomain: true, locationName: true, missingScopes: true }), check: ShopCheck }),
    'Connect a Shopify store (the token is stored encrypted on this station).',
    'admin',
  ),
  'shopify.notifyAt': ch(
    z.object({ storeId: z.string().min(1), notifyAt: NotifyAt }).strict(),
    z.object({ storeId: z.string(), notifyAt: NotifyAt }),
    'E-mail the buyer at handover (the tracking goes to Shopify at pick without an e-mail) or at pick. Applies to parcels picked from now on.',
    'supervisor',
  ),
  'shopify.disconnect': ch(
    z.object({ storeId: z.string().min(1) }).strict(),
    z.object({ storeId: z.string() }),
    'Disconnect a store and forget its token.',
    'admin',
  ),
  'shopify.trackingPages': ch(
    Empty,
    z.array(z.object({ storeId: z.string(), name: z.string(), template: z.string().nullable(), useInShopify: z.boolean(), milestones: z.boolean() })),
    'Each store’s branded tracking page (null: the carrier’s), whether Shopify gets that URL, and whether milestones go to Shopify as fulfillment events.',
    'picker',
  ),
  'shopify.trackingPage': ch(
    z
      .object({
        storeId: z.string().min(1),
        template: z.string().trim().max(500).nullable().describe('https://… with {number} (also {carrier}, {order}); null: the carrier’s page'),
        useInShopify: z.boolean(),
        milestones: z.boolean(),
      })
      .strict(),
    z.object({ template: z.string().nullable(), useInShopify: z.boolean(), milestones: z.boolean() }),
    'Supervisor: set a store’s tracking page (used in the buyer messages the console writes, and in the URL sent to Shopify when chosen) and whether milestones go to Shopify.',
    'supervisor',
  ),
  'shopify.intake': ch(
    z.object({ storeId: z.string().min(1) }).strict(),
    z.object({ imported: z.number().int(), changed: z.number().int(), seen: z.number().int() }),
    'Pull open fulfillment orders of the site location now (new orders, holds, cancellations).',
    'dispatch',
  ),
  'shopify.parcel': ch(
    z.object({ parcelId: z.string().min(1) }).strict(),
    ShopifyParcelSync.nullable(),
    "A parcel's Shopify state and label -> Shopify time (null: not a Shopify order).",
    'picker',
  ),
  'shopify.fix': ch(
    z.object({ jobId: z.string().min(1), company: z.string().min(1).max(80).optional(), refreshLines: z.boolean().optional() }).strict(),
    z.object({ jobId: z.string(), change: z.string(), parcel: z.string().nullable() }),
    'Fix a dead letter (tracking company, line items) and send it again.',
    'dispatch',
  ),
  'shopify.requests': ch(
    z.object({ storeId: z.string().min(1) }).strict(),
    z.object({ requests: z.array(RequestView), error: z.string().nullable() }),
    'Fulfillment-service flow: requests waiting for accept or reject, and the answers given here (queued, accepted, rejected, refused).',
    'picker',
  ),
  'shopify.requests.answer': ch(
    z.object({ storeId: z.string().min(1), foGid: z.string().min(1), accept: z.boolean(), message: z.string().max(500).default('') }).strict(),
    z.object({ foGid: z.string(), orderName: z.string(), state: z.literal('queued'), jobId: z.string() }),
    'Accept or reject (with a reason) a fulfillment request: queued to Shopify through the outbox.',
    'dispatch',
  ),
  'shopify.demo.network': ch(
    z.object({ online: z.boolean(), faults: z.number().min(0).max(1).optional() }).strict(),
    z.object({ online: z.boolean(), faults: z.number() }),
    'Test clock only (--test-clock): cut or restore the in-process demo store, set its fault rate.',
    'picker',
  ),
} as const;
