/** Durations on the Sync screen: "8 s", "4 min 10 s", "2 h 5 min". */
export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const STATE_WORDS: Record<string, string> = {
  online: 'Online',
  offline: 'Offline',
  unknown: 'Not contacted yet',
  unauthorized: 'Token refused',
  queued: 'Queued',
  synced: 'Synced',
  conflict: 'Conflict',
  refused: 'Refused',
};
