import { z } from 'zod';
import { IsoTime } from '../schemas';
import { ch, Empty } from './define';

/** Channels of the monitor capability: tracking sources, exception queue, diagnosis, site view. */
const Status = z.enum(['info_received', 'accepted', 'in_transit', 'out_for_delivery', 'delivered', 'failed_attempt', 'exception', 'returned']);
const Cause = z.enum(['not_handed_over', 'no_first_scan', 'no_update', 'failed_delivery', 'lost']);
const Route = z.enum(['postal', 'private', 'express', 'domestic']);
const Ids = z.array(z.string().min(1)).min(1, 'select at least one exception').max(2000);
const Reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(300);
const Hours = z
  .number()
  .positive()
  .max(24 * 90);
const Symptom = z.enum(['no_number', 'shows_nothing', 'stopped']);
/**
 * One number in an aggregator's push (17TRACK-style webhook): what the console reads of it is each
 * provider's events, with their stage and time; everything else the aggregator sends is kept as sent.
 */
const AggregatorPushItem = z
  .object({
    number: z.string().min(1),
    track_info: z
      .object({
        tracking: z
          .object({
            providers: z.array(
              z
                .object({
                  events: z.array(
                    z
                      .object({
                        stage: z.string(),
                        time_utc: z.string().optional(),
                        time_iso: z.string().optional(),
                        description: z.string().nullish(),
                        location: z.string().nullish(),
                      })
                      .passthrough(),
                  ),
                })
                .passthrough(),
            ),
          })
          .passthrough(),
      })
      .passthrough(),
  })
  .passthrough();

const PassSummary = z.object({
  at: IsoTime,
  mode: z.enum(['due', 'full']).describe("'due': only the parcels whose due time had come; 'full': every watched parcel (the first pass after a start)"),
  inFlight: z.number().int(),
  visited: z.number().int().describe('parcels the pass looked at'),
  waitRead: z.number().int().describe("requests read from the heads of the sources' wait lists, only as many as each source had room for"),
  opened: z.number().int(),
  changed: z.number().int(),
  cleared: z.number().int(),
  registrationsQueued: z.number().int(),
  pollsQueued: z.number().int(),
  ms: z.number(),
  writeMs: z.number().describe('of which committing, in slices'),
});

const Exception = z.object({
  id: z.string(),
  parcelId: z.string(),
  cause: Cause,
  status: z.enum(['open', 'resolved']),
  since: IsoTime,
  openedAt: IsoTime,
  dueAt: IsoTime,
  detail: z.string(),
  proposal: z.literal('reship').nullable(),
  owner: z.string().nullable(),
  contacts: z.number().int(),
  contactedAt: IsoTime.nullable(),
  resolvedAt: IsoTime.nullable(),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  reason: z.string().nullable(),
  trackingNumber: z.string(),
  orderId: z.string(),
  orderName: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  buyer: z.string(),
  email: z.string().nullable(),
  ageHours: z.number(),
  overdue: z.boolean(),
});

const Rules = z
  .object({
    noFirstScan: z
      .object({ enabled: z.boolean(), hoursByRoute: z.object({ postal: Hours, private: Hours, express: Hours, domestic: Hours }).strict() })
      .strict(),
    noUpdate: z.object({ enabled: z.boolean(), days: z.number().positive().max(90) }).strict(),
    failedDelivery: z.object({ enabled: z.boolean() }).strict(),
    notHandedOver: z.object({ enabled: z.boolean(), graceHours: z.number().min(0).max(240), fallbackPickupHours: Hours }).strict(),
    lost: z.object({ enabled: z.boolean(), days: z.number().positive().max(120) }).strict(),
    dueHours: z.object({ not_handed_over: Hours, no_first_scan: Hours, no_update: Hours, failed_delivery: Hours, lost: Hours }).strict(),
    lines: z.record(
      z.string(),
      z
        .object({
          noFirstScanHours: Hours.optional(),
          noUpdateDays: z.number().positive().max(90).optional(),
          lostDays: z.number().positive().max(120).optional(),
        })
        .strict(),
    ),
  })
  .strict();

const RulesView = z.object({
  rules: Rules,
  defaults: Rules,
  lines: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      routeType: Route,
      noFirstScanHours: z.number(),
      noUpdateDays: z.number(),
      lostDays: z.number(),
      overridden: z.boolean(),
    }),
  ),
});

const Costs = z
  .object({
    hourlyRate: z.number().min(0).max(1000),
    minutesPerTicket: z.number().positive().max(120),
    ticketRates: z
      .object({ postal: z.number().min(0).max(1), private: z.number().min(0).max(1), express: z.number().min(0).max(1), domestic: z.number().min(0).max(1) })
      .strict(),
  })
  .strict();

const GapKey = z.enum(['issued', 'shopify', 'handover', 'first_scan', 'reported', 'notification']);
const Gap = z.object({
  gap: z.number().int(),
  key: GapKey,
  title: z.string(),
  state: z.enum(['ok', 'late', 'open', 'open_late', 'unknown', 'n/a']),
  from: IsoTime.nullable(),
  to: IsoTime.nullable(),
  hours: z.number().nullable(),
  limitHours: z.number().nullable(),
  text: z.string(),
});

const Diagnosis = z.object({
  parcel: z.object({
    id: z.string(),
    trackingNumber: z.string(),
    status: z.string(),
    pickedAt: IsoTime,
    pickupAt: IsoTime.nullable(),
    handedOverAt: IsoTime.nullable(),
    trackingUrl: z.string(),
  }),
  order: z.object({
    id: z.string(),
    name: z.string(),
    createdAt: IsoTime,
    buyer: z.string(),
    email: z.string().nullable(),
    country: z.string(),
    source: z.string(),
  }),
  line: z.object({ id: z.string(), name: z.string(), carrier: z.string(), routeType: Route }),
  window: z.object({ from: IsoTime, to: IsoTime, source: z.enum(['cutoffs', 'table3']) }).nullable(),
  tracking: z
    .object({
      status: Status,
      statusWords: z.string(),
      statusAt: IsoTime,
      firstScanAt: IsoTime.nullable(),
      firstLearnedAt: IsoTime.nullable(),
      firstSource: z.string().nullable(),
      firstSourceName: z.string().nullable(),
      lastScanAt: IsoTime,
      lastLearnedAt: IsoTime,
      scans: z.number().int(),
    })
    .nullable(),
  scans: z.array(
    z.object({
      status: Status,
      statusWords: z.string(),
      scannedAt: IsoTime,
      learnedAt: IsoTime,
      lagHours: z.number(),
      source: z.string(),
      via: z.string(),
      location: z.string().nullable(),
      detail: z.string(),
    }),
  ),
  gaps: z.array(Gap),
  current: Gap.nullable(),
  shopify: z
    .object({
      queuedAt: IsoTime.nullable(),
      syncedAt: IsoTime.nullable(),
      state: z.string().nullable(),
      notifyCustomer: z.boolean().nullable(),
      notifiedAt: IsoTime.nullable().describe('when Shopify was asked to e-mail the buyer (null: not yet)'),
      notifyAt: z.enum(['pick', 'handover']).nullable().describe("the store's setting for this parcel"),
      error: z.string().nullable(),
      events: z.array(z.object({ status: z.string(), at: IsoTime })),
    })
    .nullable(),
  exceptions: z.array(Exception),
  reshippedAs: z.array(
    z.object({
      orderName: z.string(),
      orderId: z.string(),
      parcelId: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      at: IsoTime,
      reason: z.string(),
    }),
  ),
  reshipOf: z.object({ orderName: z.string(), oldParcelId: z.string(), oldTrackingNumber: z.string() }).nullable(),
});

const Tree = z.object({
  symptom: Symptom,
  symptomWords: z.string(),
  inferred: z.boolean(),
  steps: z.array(z.object({ question: z.string(), answer: z.string() })),
  rootCause: z.string(),
  gap: z.number().int().nullable(),
  fixes: z.array(z.object({ n: z.number().int(), text: z.string() })),
  action: z.string(),
  reply: z.string(),
});

const Shares = z.object({
  issued: z.number(),
  shopify: z.number(),
  handover: z.number(),
  first_scan: z.number(),
  reported: z.number(),
  notification: z.number(),
});

export const monitorChannels = {
  'monitor.queue': ch(
    z
      .object({
        status: z.enum(['open', 'resolved']).default('open'),
        cause: Cause.optional(),
        owner: z.string().max(40).optional(),
        lineId: z.string().optional(),
        limit: z.number().int().min(1).max(2000).default(500),
        after: z.string().min(1).max(64).optional().describe('keyset paging: the rows after this exception id, in the queue order'),
        parcelIds: z.array(z.string().min(1).max(64)).max(500).optional().describe('only the exceptions of these parcels: what changed after a push'),
      })
      .strict(),
    z.object({
      rows: z.array(Exception),
      counts: z.record(z.string(), z.number().int()),
      owners: z.array(z.string()),
      lastPass: PassSummary.nullable(),
      now: IsoTime,
    }),
    'The exception queue: open (most urgent first) or resolved, with counts per cause.',
    'picker',
  ),
  'monitor.pass': ch(Empty, PassSummary, 'Run the rules-and-schedule pass now: open/clear exceptions, queue due polls.', 'dispatch'),
  'monitor.assign': ch(
    z.object({ ids: Ids, owner: z.string().trim().min(1).max(40).nullable() }).strict(),
    z.object({ updated: z.number().int() }),
    'Give exceptions an owner (null: unassign).',
    'dispatch',
  ),
  'monitor.resolve': ch(
    z.object({ ids: Ids, reason: Reason }).strict(),
    z.object({ updated: z.number().int() }),
    'Mark exceptions resolved, with the reason.',
    'dispatch',
  ),
  'monitor.contactPreview': ch(
    z.object({ exceptionId: z.string().min(1).optional(), parcelId: z.string().min(1).optional() }).strict(),
    z.object({ exceptionId: z.string().nullable(), parcelId: z.string(), cause: z.string(), to: z.string(), subject: z.string(), body: z.string() }),
    'The message to the buyer for an exception (template of its cause, with the tracking link and the realistic window).',
    'picker',
  ),
  'monitor.contact': ch(
    z
      .object({
        exceptionIds: z.array(z.string().min(1)).max(2000).optional(),
        parcelId: z.string().min(1).optional(),
        subject: z.string().max(200).optional(),
        body: z.string().max(5000).optional(),
      })
      .strict(),
    z.object({ sent: z.number().int() }),
    'Contact the buyers of exceptions (or of one parcel): queues one e-mail job per buyer.',
    'dispatch',
  ),
  'monitor.reship': ch(
    z.object({ exceptionIds: z.array(z.string().min(1)).max(500).optional(), parcelId: z.string().min(1).optional(), reason: Reason }).strict(),
    z.object({ reships: z.array(z.object({ oldParcelId: z.string(), oldTrackingNumber: z.string(), newOrderId: z.string(), newOrderName: z.string() })) }),
    'Reship: a replacement order (#1001-R1) with the same buyer and items, picked like any order; linked to the old parcel.',
    'dispatch',
  ),
  'monitor.rules.get': ch(Empty, RulesView, 'Exception rules: site defaults per route type and per-line overrides.', 'picker'),
  'monitor.rules.save': ch(
    z.object({ rules: Rules, reason: Reason }).strict(),
    RulesView,
    'Change the exception rules (a new version, with the reason).',
    'supervisor',
  ),
  'monitor.sources': ch(
    Empty,
    z.object({
      sources: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: z.enum(['carrier_api', 'aggregator', 'file']),
          ratePerMin: z.number(),
          batchSize: z.number(),
          delivery: z.enum(['poll', 'push']),
          lines: z.array(z.string()),
          emulated: z.boolean(),
          queued: z.number().int(),
          failing: z.number().int(),
          dead: z.number().int(),
          done: z.number().int(),
          lastError: z.string().nullable(),
          lastDone: IsoTime.nullable(),
        }),
      ),
      lastPass: PassSummary.nullable(),
    }),
    'Tracking sources (carrier APIs, aggregator, files) with their rate limits and outbox state.',
    'picker',
  ),
  'monitor.import': ch(
    z.object({ csv: z.string().min(1, 'the file is empty').max(5_000_000), zone: z.string().max(60).optional() }).strict(),
    z.object({
      read: z.number().int(),
      fresh: z.number().int(),
      repeated: z.number().int(),
      unknownNumbers: z.array(z.string()),
      rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    }),
    'Import a CSV of scans a carrier e-mailed (tracking_number, status, scanned_at, location).',
    'dispatch',
  ),
  'monitor.push': ch(
    z.object({ sourceId: z.string().min(1), data: z.array(AggregatorPushItem).max(1000) }).strict(),
    z.object({ fresh: z.number().int(), repeated: z.number().int(), unknown: z.number().int(), skipped: z.number().int() }),
    'Webhook for an aggregator in push mode: tracking updates of registered numbers.',
    'dispatch',
  ),
  'monitor.parcel': ch(
    z.object({ id: z.string().min(1) }).strict(),
    Diagnosis,
    'One parcel diagnosed: tracking lines with both times, the five gaps, Shopify, exceptions, reship links.',
    'picker',
  ),
  'monitor.support': ch(
    z.object({ query: z.string().trim().min(1, 'type an order or tracking number').max(60), symptom: Symptom.optional() }).strict(),
    z.object({
      query: z.string(),
      results: z.array(z.object({ diagnosis: Diagnosis, tree: Tree })),
      waiting: z.array(
        z.object({
          orderName: z.string(),
          status: z.string(),
          createdAt: IsoTime,
          hoursWaiting: z.number(),
          rootCause: z.string(),
          fix: z.object({ n: z.number().int(), text: z.string() }),
          reply: z.string(),
        }),
      ),
    }),
    'Support helper: an order or tracking number -> its gaps, Table 2 walked, the fix, a ready reply.',
    'picker',
  ),
  'monitor.site': ch(
    z.object({ days: z.number().int().min(1).max(120).default(30), hourlyRate: z.number().min(0).max(1000).optional() }).strict(),
    z.object({
      days: z.number().int(),
      parcels: z.number().int(),
      gaps: z.array(GapKey),
      overall: Shares,
      lines: z.array(z.object({ lineId: z.string(), lineName: z.string(), routeType: Route, parcels: z.number().int(), shares: Shares })),
      weekdays: z.array(z.object({ day: z.string(), parcels: z.number().int(), shares: Shares })),
      costs: Costs,
      estimate: z.object({ ordersPerDay: z.number(), ticketsPerDay: z.number(), minutesPerDay: z.number(), monthlyCost: z.number(), risk: z.string() }),
      perLineCost: z.array(z.object({ lineName: z.string(), ordersPerDay: z.number(), ticketRate: z.number(), ticketsPerDay: z.number() })),
      table4: z.array(z.object({ ordersPerDay: z.number(), tickets: z.string(), minutes: z.string(), monthly: z.string(), risk: z.string() })),
    }),
    'Site view: share of parcels in each gap per line and weekday; Table 4 cost estimate.',
    'supervisor',
  ),
  'monitor.costs.save': ch(Costs, Costs, 'Save the cost figures (hourly rate, minutes per ticket, ticket rates).', 'supervisor'),
  'monitor.demo.scan': ch(
    z
      .object({
        query: z.string().trim().min(1).max(60),
        status: Status,
        hoursAgo: z
          .number()
          .min(0)
          .max(24 * 60)
          .default(0),
        sourceId: z.string().optional(),
        location: z.string().max(80).optional(),
      })
      .strict(),
    z.object({ parcelId: z.string(), trackingNumber: z.string(), sources: z.array(z.string()) }),
    'Demo console only: the emulated carrier scans a parcel (hoursAgo), and its sources are polled now.',
    'picker',
  ),
} as const;
