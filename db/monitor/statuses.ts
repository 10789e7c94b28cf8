// The one status set every tracking source is normalized to, and the mapping from each source's words.
import type { TrackingStatus } from './events';

export type { TrackingStatus };

export const STATUSES: TrackingStatus[] = [
  'info_received',
  'accepted',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'exception',
  'returned',
];

export const STATUS_WORDS: Record<TrackingStatus, string> = {
  info_received: 'Info received',
  accepted: 'First scan / accepted',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  failed_attempt: 'Failed delivery attempt',
  exception: 'Exception',
  returned: 'Returned',
};

/** A physical scan: the carrier has the parcel in hand. Info received is only the electronic manifest. */
export const isPhysical = (s: TrackingStatus) => s !== 'info_received';

/** Nothing more will happen to the parcel: no polling, no rule fires. */
export const isFinal = (s: TrackingStatus | null | undefined) => s === 'delivered' || s === 'returned';

/** Event codes of the (emulated) carrier API. */
const CARRIER_CODES: Record<string, TrackingStatus> = {
  EDI: 'info_received',
  PU: 'accepted',
  AF: 'in_transit',
  DF: 'in_transit',
  CC: 'in_transit',
  WC: 'out_for_delivery',
  OK: 'delivered',
  NH: 'failed_attempt',
  OH: 'exception',
  RT: 'returned',
};

/** Stages of an aggregator (17TRACK / AfterShip style). */
const AGGREGATOR_STAGES: Record<string, TrackingStatus> = {
  InfoReceived: 'info_received',
  PickedUp: 'accepted',
  Departure: 'in_transit',
  Arrival: 'in_transit',
  InTransit: 'in_transit',
  AvailableForPickup: 'out_for_delivery',
  OutForDelivery: 'out_for_delivery',
  Delivered: 'delivered',
  DeliveryFailure: 'failed_attempt',
  Exception: 'exception',
  Returning: 'returned',
  Returned: 'returned',
};

/** Words carriers use in the scan files they e-mail; the first pattern that matches wins (order matters). */
const TEXT_RULES: Array<[RegExp, TrackingStatus]> = [
  [/return(ed)? to sender|\breturned\b|\breturning\b|retour/i, 'returned'],
  [/attempt|not home|undeliver|not delivered|delivery failed|failed delivery|notice left|recipient absent/i, 'failed_attempt'],
  [/out for delivery|with (the )?courier|on (the )?vehicle|available for pick ?up/i, 'out_for_delivery'],
  [/\bdelivered\b|signed for|\bsigned\b/i, 'delivered'],
  [/accepted|picked up|collected|posting|acceptance|first scan|received by carrier/i, 'accepted'],
  [/held|hold|exception|damaged|refused|customs (inspection|delay)|\bdelay/i, 'exception'],
  [/electronic|info(rmation)? received|pre-?advice|label created|shipment information|manifest/i, 'info_received'],
  [/transit|depart|arriv|process|dispatch|sort|facility|customs clear|hub|export|import|flight/i, 'in_transit'],
];

export type Normalized = { ok: true; status: TrackingStatus } | { ok: false; reason: string };

export function normalizeCarrierCode(code: string): Normalized {
  const s = CARRIER_CODES[code.trim().toUpperCase()];
  return s ? { ok: true, status: s } : { ok: false, reason: `unknown carrier event code "${code}"` };
}

export function normalizeAggregatorStage(stage: string): Normalized {
  const s = AGGREGATOR_STAGES[stage.trim()];
  return s ? { ok: true, status: s } : { ok: false, reason: `unknown aggregator stage "${stage}"` };
}

export function normalizeText(text: string): Normalized {
  const t = text.trim();
  if (!t) return { ok: false, reason: 'the status is empty' };
  const exact = (STATUSES as string[]).includes(t.toLowerCase()) ? (t.toLowerCase() as TrackingStatus) : null;
  if (exact) return { ok: true, status: exact };
  for (const [re, status] of TEXT_RULES) if (re.test(t)) return { ok: true, status };
  return { ok: false, reason: `"${t}" is not a scan status this console knows (e.g. accepted, in transit, delivered)` };
}
