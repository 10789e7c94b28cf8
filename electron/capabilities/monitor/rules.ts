// Exception rules, one parcel at a time, at an instant: pure, so thresholds are tested to the millisecond.
import type { ExceptionCause, MonitorRulesData, TrackingStatus } from '../../../db/monitor/events';
import type { LineThresholds } from './settings';
import { isFinal } from '../../../db/monitor/statuses';

const H = 3_600_000;
const D = 24 * H;

/** A watched parcel at an instant; times in epoch ms (the pass reads them so, 50,000 at a time). */
export interface ParcelFacts {
  pickedAt: number;
  /** The pickup the parcel was due to make (cut-offs), or null. */
  pickupAt: number | null;
  handedOverAt: number | null;
  trackStatus: TrackingStatus | null;
  firstScanAt: number | null;
  lastScanAt: number | null;
}

export interface Finding {
  cause: ExceptionCause;
  /** When the rule's clock started. */
  since: string;
  /** When the threshold was crossed. */
  firedAt: string;
  detail: string;
  proposal: 'reship' | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const hours = (ms: number) => Math.round((ms / H) * 10) / 10;
const days = (ms: number) => Math.round((ms / D) * 10) / 10;

/** Worst first: a parcel has at most one open exception, for the most serious cause that holds. */
export function evaluate(f: ParcelFacts, rules: MonitorRulesData, t: LineThresholds, nowMs: number): Finding | null {
  if (isFinal(f.trackStatus)) return null;
  const physical = f.firstScanAt !== null;

  if (rules.lost.enabled) {
    const ref = f.lastScanAt !== null && physical ? f.lastScanAt : f.handedOverAt;
    if (ref !== null) {
      const at = ref + t.lostDays * D;
      if (nowMs >= at)
        return {
          cause: 'lost',
          since: iso(ref),
          firedAt: iso(at),
          detail: `No carrier update for ${days(nowMs - ref)} days (lost after ${t.lostDays}): reship now, do not wait for the claim.`,
          proposal: 'reship',
        };
    }
  }
  if (rules.failedDelivery.enabled && (f.trackStatus === 'failed_attempt' || f.trackStatus === 'exception') && f.lastScanAt !== null)
    return {
      cause: 'failed_delivery',
      since: iso(f.lastScanAt),
      firedAt: iso(f.lastScanAt),
      detail:
        f.trackStatus === 'failed_attempt'
          ? 'The carrier could not deliver: tell the buyer how to collect or rebook.'
          : 'The carrier reports an exception (customs, damage, address): find out what it needs.',
      proposal: null,
    };
  if (rules.noFirstScan.enabled && f.handedOverAt !== null && !physical) {
    const at = f.handedOverAt + t.noFirstScanHours * H;
    if (nowMs >= at)
      return {
        cause: 'no_first_scan',
        since: iso(f.handedOverAt),
        firedAt: iso(at),
        detail: `Handed over ${hours(nowMs - f.handedOverAt)} h ago and no carrier scan yet (limit ${t.noFirstScanHours} h).`,
        proposal: null,
      };
  }
  if (rules.noUpdate.enabled && physical && f.lastScanAt !== null) {
    const at = f.lastScanAt + t.noUpdateDays * D;
    if (nowMs >= at)
      return {
        cause: 'no_update',
        since: iso(f.lastScanAt),
        firedAt: iso(at),
        detail: `In transit, no update for ${days(nowMs - f.lastScanAt)} days (limit ${t.noUpdateDays}).`,
        proposal: null,
      };
  }
  if (rules.notHandedOver.enabled && f.handedOverAt === null && !physical) {
    const pickup = f.pickupAt ?? f.pickedAt + rules.notHandedOver.fallbackPickupHours * H;
    const at = pickup + rules.notHandedOver.graceHours * H;
    if (nowMs >= at)
      return {
        cause: 'not_handed_over',
        since: iso(pickup),
        firedAt: iso(at),
        detail:
          f.pickupAt !== null
            ? `Its pickup was ${hours(nowMs - pickup)} h ago and the carrier has not taken it.`
            : `Picked ${hours(nowMs - f.pickedAt)} h ago, no pickup known (assumed ${rules.notHandedOver.fallbackPickupHours} h after pick), not handed over.`,
        proposal: null,
      };
  }
  return null;
}

/**
 * The next instant after nowMs at which `evaluate` could answer differently for these facts (null: never
 * while they hold). Each rule fires at a threshold; between thresholds the finding's cause and clock stay
 * the same, so the incremental pass need not look at the parcel before then.
 */
export function nextRuleChangeAt(f: ParcelFacts, rules: MonitorRulesData, t: LineThresholds, nowMs: number): number | null {
  if (isFinal(f.trackStatus)) return null;
  const physical = f.firstScanAt !== null;
  const at: number[] = [];
  if (rules.lost.enabled) {
    const ref = f.lastScanAt !== null && physical ? f.lastScanAt : f.handedOverAt;
    if (ref !== null) at.push(ref + t.lostDays * D);
  }
  if (rules.noFirstScan.enabled && f.handedOverAt !== null && !physical) at.push(f.handedOverAt + t.noFirstScanHours * H);
  if (rules.noUpdate.enabled && physical && f.lastScanAt !== null) at.push(f.lastScanAt + t.noUpdateDays * D);
  if (rules.notHandedOver.enabled && f.handedOverAt === null && !physical) {
    const pickup = f.pickupAt ?? f.pickedAt + rules.notHandedOver.fallbackPickupHours * H;
    at.push(pickup + rules.notHandedOver.graceHours * H);
  }
  const later = at.filter((x) => x > nowMs);
  return later.length ? Math.min(...later) : null;
}
