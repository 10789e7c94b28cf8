import { fmtZoned } from '../ui/ZonedTime';

/** A station counts as connected when the server heard from it this recently. */
export const CONNECTED_WITHIN_MS = 30_000;

export const KIND_WORDS: Record<string, string> = {
  order_picked_twice: 'Order picked twice',
  parcel_on_two_manifests: 'Parcel on two manifests',
  number_issued_twice: 'Number issued twice',
  event_refused: 'Change refused',
};

export const DUTY_WORDS: Record<string, string> = {
  monitor: 'Parcel monitor pass',
  'shopify-intake': 'Shopify order intake',
  retention: 'Archive run',
  notify: 'Supervisor notifications',
};

/** Replication lag: "120 ms", "3.4 s", "2 min 5 s". */
export function fmtLag(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** How long ago, coarse: "48 s", "3 min", "2 h 5 min". */
export function fmtAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A push/pull time in the warehouse zone and how long ago it was: "14:03 (5 s ago)", or "14:03 · 5 s" when short. */
export function fmtWhen(iso: string | null, nowIso: string, zone: string, short = false): string {
  if (!iso) return 'never';
  const ago = Date.parse(nowIso) - Date.parse(iso);
  const at = fmtZoned(iso, zone, ago >= 12 * 3600_000);
  return short ? `${at} · ${fmtAgo(ago)}` : `${at} (${ago < 1000 ? 'just now' : `${fmtAgo(ago)} ago`})`;
}

export function isConnected(lastSeenAt: string | null, nowIso: string): boolean {
  return !!lastSeenAt && Date.parse(nowIso) - Date.parse(lastSeenAt) <= CONNECTED_WITHIN_MS;
}
