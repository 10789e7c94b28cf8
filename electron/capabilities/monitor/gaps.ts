// The five information-flow gaps of Table 1, measured on one parcel from its own times. Pure: the
// site view runs it over thousands of parcels, the support helper over one.
const H = 3_600_000;

export const GAP_LIMITS = {
  /** Gap 1: order placed -> number issued. Issue-at-pick keeps it to the pick queue; over 12 h is late. */
  issuedHours: 12,
  /** Gap 2: number issued -> on Shopify. Real-time sync is minutes; a batch is 6-24 h. */
  shopifyHours: 1,
  /** Handover: the carrier takes the parcel at its pickup; two hours of grace. */
  handoverGraceHours: 2,
  /** Without a known pickup, the carrier is expected within a day of pick. */
  fallbackPickupHours: 24,
  /** Gap 4: carrier scan -> source shows it. Table 1: 6-48 h when broken. */
  reportedHours: 6,
};

export type GapKey = 'issued' | 'shopify' | 'handover' | 'first_scan' | 'reported' | 'notification';
export type GapState = 'ok' | 'late' | 'open' | 'open_late' | 'unknown' | 'n/a';

export interface GapFacts {
  orderCreatedAt: string;
  pickedAt: string | null;
  /** Shopify: null when the order does not come from Shopify. */
  shopify: {
    queuedAt: string | null;
    syncedAt: string | null;
    notifyCustomer: boolean | null;
    /** When Shopify was asked to e-mail the buyer (null: not yet, or unknown in older data). */
    notifiedAt?: string | null;
    /** The store's setting for this parcel: e-mail at pick (with the fulfillment) or at handover. */
    notifyAt?: 'pick' | 'handover' | null;
  } | null;
  pickupAt: string | null;
  handedOverAt: string | null;
  windowTo: string | null;
  firstScanAt: string | null;
  firstLearnedAt: string | null;
}

export interface Gap {
  gap: 1 | 2 | 3 | 4 | 5;
  key: GapKey;
  title: string;
  state: GapState;
  from: string | null;
  to: string | null;
  hours: number | null;
  limitHours: number | null;
  text: string;
}

const hrs = (a: string, b: string | number) => Math.round((((typeof b === 'number' ? b : Date.parse(b)) - Date.parse(a)) / H) * 10) / 10;

function measure(
  gap: Gap['gap'],
  key: GapKey,
  title: string,
  from: string | null,
  to: string | null,
  limit: number | null,
  nowMs: number,
  words: { ok: string; late: string; open: string; openLate: string },
): Gap {
  if (!from) return { gap, key, title, state: 'unknown', from, to, hours: null, limitHours: limit, text: words.open };
  if (to) {
    const h = hrs(from, to);
    const late = limit !== null && h > limit;
    return { gap, key, title, state: late ? 'late' : 'ok', from, to, hours: h, limitHours: limit, text: late ? words.late : words.ok };
  }
  const h = hrs(from, nowMs);
  const late = limit !== null && h > limit;
  return { gap, key, title, state: late ? 'open_late' : 'open', from, to, hours: h, limitHours: limit, text: late ? words.openLate : words.open };
}

export function gapsOf(f: GapFacts, nowMs: number, limits = GAP_LIMITS): Gap[] {
  const issued = measure(1, 'issued', 'Number issued', f.orderCreatedAt, f.pickedAt, limits.issuedHours, nowMs, {
    ok: 'Number issued at pick, soon after the order came in.',
    late: 'The number was issued long after the order came in: the buyer had no number meanwhile.',
    open: 'Not picked yet: no tracking number exists.',
    openLate: 'Still not picked: the buyer has no tracking number.',
  });
  let shopify: Gap;
  if (!f.pickedAt)
    shopify = {
      gap: 2,
      key: 'shopify',
      title: 'On Shopify',
      state: 'unknown',
      from: null,
      to: null,
      hours: null,
      limitHours: limits.shopifyHours,
      text: 'No number yet.',
    };
  else if (!f.shopify)
    shopify = {
      gap: 2,
      key: 'shopify',
      title: 'On Shopify',
      state: 'n/a',
      from: f.pickedAt,
      to: null,
      hours: null,
      limitHours: null,
      text: 'Not a Shopify order (or the Shopify capability recorded nothing for it).',
    };
  else
    shopify = measure(2, 'shopify', 'On Shopify', f.pickedAt, f.shopify.syncedAt, limits.shopifyHours, nowMs, {
      ok: 'Tracking reached Shopify within minutes.',
      late: 'Tracking reached Shopify late: a batch, or a sync that was failing.',
      open: 'Tracking is queued for Shopify.',
      openLate: 'Tracking has still not reached Shopify: check the sync queue.',
    });
  const pickup = f.pickupAt ?? (f.pickedAt ? new Date(Date.parse(f.pickedAt) + limits.fallbackPickupHours * H).toISOString() : null);
  let handover: Gap;
  if (!f.pickedAt)
    handover = {
      gap: 3,
      key: 'handover',
      title: 'Handed over',
      state: 'unknown',
      from: null,
      to: null,
      hours: null,
      limitHours: null,
      text: 'Not picked yet.',
    };
  else {
    const late = f.handedOverAt
      ? Date.parse(f.handedOverAt) > Date.parse(pickup!) + limits.handoverGraceHours * H
      : nowMs > Date.parse(pickup!) + limits.handoverGraceHours * H;
    const h = hrs(f.pickedAt, f.handedOverAt ?? nowMs);
    handover = {
      gap: 3,
      key: 'handover',
      title: 'Handed over',
      state: f.handedOverAt ? (late ? 'late' : 'ok') : late ? 'open_late' : 'open',
      from: f.pickedAt,
      to: f.handedOverAt,
      hours: h,
      limitHours: hrs(f.pickedAt, pickup!) + limits.handoverGraceHours,
      text: f.handedOverAt
        ? late
          ? `Handed over after its pickup${f.pickupAt ? '' : ' (assumed a day after pick)'}.`
          : 'Handed over on time.'
        : late
          ? `Missed its pickup${f.pickupAt ? '' : ' (assumed a day after pick)'}: the carrier does not have it.`
          : 'Waiting for its pickup.',
    };
  }
  const limitFirst = f.handedOverAt && f.windowTo ? hrs(f.handedOverAt, f.windowTo) : null;
  const firstScan = measure(3, 'first_scan', 'Carrier first scan', f.handedOverAt, f.firstScanAt, limitFirst, nowMs, {
    ok: 'First scanned within its expected window.',
    late: 'First scanned after its expected window: the carrier held it before scanning.',
    open: f.handedOverAt ? 'With the carrier, not scanned yet: inside its expected window.' : 'Not with the carrier yet.',
    openLate: 'With the carrier, not scanned, past its expected window.',
  });
  const reported = measure(4, 'reported', 'Carrier reported', f.firstScanAt, f.firstLearnedAt, limits.reportedHours, nowMs, {
    ok: 'A source showed the first scan within hours.',
    late: 'Sources showed the first scan many hours after it happened.',
    open: 'No scan yet.',
    openLate: 'No scan yet.',
  });
  const notification = buyerSilence(f, nowMs);
  return [issued, shopify, handover, firstScan, reported, notification];
}

/** Which gap the parcel sits in now (the first one still open), or null when it is moving. */
export function currentGap(gaps: Gap[]): Gap | null {
  return gaps.find((g) => g.key !== 'notification' && (g.state === 'open' || g.state === 'open_late')) ?? null;
}

/** When the buyer was told of the parcel (Shopify's shipping e-mail), per the store's setting; null: not yet. */
export function buyerToldAt(f: GapFacts): string | null {
  if (!f.shopify) return null;
  if (f.shopify.notifiedAt) return f.shopify.notifiedAt;
  // Older records: a fulfillment created with notifyCustomer told the buyer when it reached Shopify.
  if (f.shopify.notifyAt !== 'handover' && f.shopify.notifyCustomer !== false) return f.shopify.syncedAt;
  return null;
}

/**
 * Gap 5, the buyer's side: silence is measured from the moment the buyer is told (the shipping
 * e-mail, at pick or at handover per the store's setting) to the carrier's first scan, against the
 * end of the expected first-scan window.
 */
function buyerSilence(f: GapFacts, nowMs: number): Gap {
  const base = { gap: 5 as const, key: 'notification' as const, title: 'Buyer notified' };
  if (!f.shopify)
    return { ...base, state: 'n/a', from: null, to: null, hours: null, limitHours: null, text: 'Not a Shopify order: no Shopify shipping e-mail.' };
  const told = buyerToldAt(f);
  if (!told) {
    if (f.shopify.notifyAt === 'handover')
      return {
        ...base,
        state: 'open',
        from: null,
        to: null,
        hours: null,
        limitHours: null,
        text: f.handedOverAt
          ? 'Handed over: Shopify is being asked to e-mail the buyer (queued in the outbox).'
          : 'Shopify e-mails the buyer at handover: not handed over yet, so no silent tracking link.',
      };
    if (!f.shopify.syncedAt)
      return {
        ...base,
        state: 'open',
        from: null,
        to: null,
        hours: null,
        limitHours: null,
        text: 'No fulfillment in Shopify yet: no shipping e-mail could go.',
      };
    return {
      ...base,
      state: 'late',
      from: f.shopify.syncedAt,
      to: null,
      hours: null,
      limitHours: null,
      text: 'The fulfillment was created without notifying the buyer: no shipping e-mail went out.',
    };
  }
  const limit = f.windowTo ? hrs(told, f.windowTo) : null;
  return measure(5, 'notification', 'Buyer notified', told, f.firstScanAt, limit, nowMs, {
    ok: "Buyer told; the carrier's first scan came within the expected window of that.",
    late: 'Buyer told, then the tracking link stayed silent past the expected window until the first scan.',
    open: 'Buyer told; waiting for the first scan, still inside the expected window.',
    openLate: 'Buyer told and the tracking link is still silent past the expected window: expect a ticket.',
  });
}
