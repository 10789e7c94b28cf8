/**
 * Hybrid logical clock. Events from several stations are applied in hlc order (station id as
 * tie-break) so every station ends with the same projections, even with skewed wall clocks.
 * Encoded as a fixed-width string so it sorts lexically in SQLite and PostgreSQL alike.
 */
export interface Hlc {
  wall: number;
  logical: number;
}

export function encodeHlc(h: Hlc, station: string): string {
  return `${h.wall.toString().padStart(15, '0')}.${h.logical.toString().padStart(5, '0')}.${station}`;
}

export function decodeHlc(s: string): Hlc & { station: string } {
  const [wall, logical, ...rest] = s.split('.');
  return { wall: Number(wall), logical: Number(logical), station: rest.join('.') };
}

/** Next timestamp for a local event. */
export function tick(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.wall) return { wall: nowMs, logical: 0 };
  return { wall: last.wall, logical: last.logical + 1 };
}

/** Merge a timestamp received from another station. */
export function receive(last: Hlc, remote: Hlc, nowMs: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, nowMs);
  if (wall === last.wall && wall === remote.wall) return { wall, logical: Math.max(last.logical, remote.logical) + 1 };
  if (wall === last.wall) return { wall, logical: last.logical + 1 };
  if (wall === remote.wall) return { wall, logical: remote.logical + 1 };
  return { wall, logical: 0 };
}
