// The emulated physical world behind the emulated sources: what the carrier really did to each
// parcel and when each source gets to show it. Deterministic: a seed and the tracking number
// decide everything; the warehouse's own records (pick and handover times) anchor it in time.
import { DateTime } from 'luxon';
import type { TrackingStatus } from '../../../../db/monitor/events';

export type RouteType = 'postal' | 'private' | 'express' | 'domestic';

export interface WorldParcel {
  trackingNumber: string;
  routeType: RouteType;
  pickedAtMs: number;
  /** null while the carrier does not have it. */
  handedOverAtMs: number | null;
  destCountry: string;
  destCity: string;
  /** Zone of the origin facility (near the warehouse): carriers do not scan on weekends there. */
  zone: string;
}

export type WorldLookup = (trackingNumber: string) => WorldParcel | null;

/** What happens to a parcel on its way. */
export type Fate = 'normal' | 'never_scanned' | 'lost_in_transit' | 'failed_then_delivered' | 'returned' | 'customs_exception' | 'wrong_parcel';

export interface PhysicalScan {
  idx: number;
  code: 'EDI' | 'PU' | 'AF' | 'DF' | 'CC' | 'WC' | 'OK' | 'NH' | 'OH' | 'RT';
  status: TrackingStatus;
  atMs: number;
  location: string;
  description: string;
  /** Scripted scans (demo): shown by these sources at once; null = every source. */
  scriptedFor?: string[] | null;
}

const H = 3_600_000;

/** FNV-1a, then mulberry32: a small, stable generator per (seed, key). */
export function rngFor(seed: number, key: string): () => number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();

const FATES: Record<'postal' | 'other', Array<[number, Fate]>> = {
  postal: [
    [0.02, 'never_scanned'],
    [0.05, 'lost_in_transit'],
    [0.09, 'failed_then_delivered'],
    [0.1, 'returned'],
    [0.12, 'customs_exception'],
    [0.125, 'wrong_parcel'],
  ],
  other: [
    [0.005, 'never_scanned'],
    [0.01, 'lost_in_transit'],
    [0.04, 'failed_then_delivered'],
    [0.045, 'returned'],
    [0.06, 'customs_exception'],
    [0.062, 'wrong_parcel'],
  ],
};

/** Hours from handover to the first scan, and between transit scans, by route (Table 3's observed ranges). */
const PROFILE: Record<RouteType, { firstScan: [number, number]; legs: [number, number]; legGap: [number, number]; lastMile: [number, number] }> = {
  postal: { firstScan: [48, 150], legs: [4, 7], legGap: [12, 60], lastMile: [4, 10] },
  private: { firstScan: [20, 40], legs: [3, 5], legGap: [8, 30], lastMile: [3, 8] },
  express: { firstScan: [8, 28], legs: [3, 4], legGap: [4, 18], lastMile: [2, 6] },
  domestic: { firstScan: [4, 16], legs: [2, 3], legGap: [4, 12], lastMile: [2, 6] },
};

/** Moves an instant off the weekend to Monday morning at the origin facility. */
function onCarrierWorkday(ms: number, zone: string, r: () => number): number {
  const d = DateTime.fromMillis(ms, { zone });
  if (d.weekday <= 5) return ms;
  const monday = d.plus({ days: 8 - d.weekday }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  return monday.toMillis() + between(r, 0, 6) * H;
}

export function fateOf(seed: number, p: WorldParcel): Fate {
  const r = rngFor(seed, `fate:${p.trackingNumber}`)();
  for (const [limit, fate] of FATES[p.routeType === 'postal' ? 'postal' : 'other']) if (r < limit) return fate;
  return 'normal';
}

const OTHER_COUNTRY: Record<string, string> = { US: 'CA', GB: 'IE', DE: 'AT', FR: 'BE' };

/** Everything the carrier physically did to a parcel, oldest first. */
export function physicalScans(seed: number, p: WorldParcel, scripted: PhysicalScan[] = []): PhysicalScan[] {
  const out: PhysicalScan[] = [];
  const push = (code: PhysicalScan['code'], status: TrackingStatus, atMs: number, location: string, description: string) =>
    out.push({ idx: out.length, code, status, atMs: Math.round(atMs), location, description });
  push('EDI', 'info_received', p.pickedAtMs + 10 * 60_000, 'Shenzhen, CN', 'Shipment information received');
  if (p.handedOverAtMs !== null) {
    const r = rngFor(seed, `path:${p.trackingNumber}`);
    const fate = fateOf(seed, p);
    const prof = PROFILE[p.routeType];
    if (fate !== 'never_scanned') {
      const dest = fate === 'wrong_parcel' ? (OTHER_COUNTRY[p.destCountry] ?? 'MX') : p.destCountry;
      const destCity = fate === 'wrong_parcel' ? 'Unexpected destination' : p.destCity;
      let t = onCarrierWorkday(p.handedOverAtMs + between(r, ...prof.firstScan) * H, p.zone, r);
      push('PU', 'accepted', t, 'Shenzhen, CN', 'Accepted at origin facility');
      const legs = Math.round(between(r, ...prof.legs));
      const places = [
        'Guangzhou hub, CN',
        'Export customs, CN',
        `Arrived in ${dest}`,
        `Import customs, ${dest}`,
        `Sorting centre, ${destCity} ${dest}`,
        `Delivery office, ${destCity} ${dest}`,
        `Local depot, ${destCity} ${dest}`,
      ];
      for (let i = 0; i < legs; i++) {
        // Multi-leg postal routes: the handoff to the destination carrier is the long silence.
        const handoff = p.routeType === 'postal' && i === 2 ? between(r, 48, 96) : 0;
        t += between(r, ...prof.legGap) * H + handoff * H;
        push(i % 2 ? 'AF' : 'DF', 'in_transit', t, places[Math.min(i, places.length - 1)], i % 2 ? 'Arrived at facility' : 'Departed facility');
        if (fate === 'lost_in_transit' && i === 1) break;
        if (fate === 'customs_exception' && i === 2) {
          t += between(r, 2, 8) * H;
          push('OH', 'exception', t, `Import customs, ${dest}`, 'Held at customs: inspection');
          t += between(r, 48, 96) * H;
          push('CC', 'in_transit', t, `Import customs, ${dest}`, 'Released by customs');
        }
      }
      if (fate !== 'lost_in_transit') {
        t += between(r, ...prof.lastMile) * H;
        push('WC', 'out_for_delivery', t, `${destCity}, ${dest}`, 'With courier for delivery');
        t += between(r, 2, 8) * H;
        if (fate === 'failed_then_delivered' || fate === 'returned') {
          push('NH', 'failed_attempt', t, `${destCity}, ${dest}`, 'Delivery attempted: recipient not home, notice left');
          if (fate === 'returned') {
            t += between(r, 120, 200) * H;
            push('RT', 'returned', t, `${destCity}, ${dest}`, 'Not collected: returned to sender');
          } else {
            t += between(r, 20, 28) * H;
            push('WC', 'out_for_delivery', t, `${destCity}, ${dest}`, 'With courier for delivery');
            t += between(r, 2, 8) * H;
            push('OK', 'delivered', t, `${destCity}, ${dest}`, 'Delivered');
          }
        } else push('OK', 'delivered', t, `${destCity}, ${dest}`, 'Delivered');
      }
    }
  }
  for (const s of scripted) out.push({ ...s, idx: out.length });
  return out.sort((a, b) => a.atMs - b.atMs);
}

export type SourceProfile = 'carrier_api' | 'aggregator';

/**
 * When a source gets to show a scan (gap 4), or null when it never does (an aggregator's gap).
 * Low-cost postal APIs report hours late; aggregators mirror public pages, sometimes earlier.
 */
export function reportedAtMs(seed: number, sourceId: string, profile: SourceProfile, p: WorldParcel, s: PhysicalScan): number | null {
  if (s.scriptedFor !== undefined) return s.scriptedFor === null || s.scriptedFor.includes(sourceId) ? s.atMs : null;
  const r = rngFor(seed, `lag:${sourceId}:${p.trackingNumber}:${s.idx}:${s.code}`);
  if (s.code === 'EDI') return s.atMs + between(r, 0.05, 0.5) * H;
  const route = p.routeType;
  if (profile === 'aggregator') {
    if (s.status !== 'delivered' && r() < 0.08) return null;
    const [lo, hi] = route === 'postal' ? [2, 20] : [0.5, 3];
    return s.atMs + between(r, lo, hi) * H;
  }
  const [lo, hi] = route === 'postal' ? [6, 36] : route === 'private' ? [1, 8] : [0.05, 1.5];
  return s.atMs + between(r, lo, hi) * H;
}
