import type { WireEvent } from '../../../../db/site/server/types';

/** A station's event as it would go on the wire; hlc grows with seq unless given. */
export function wire(station: string, seq: number, over: Partial<WireEvent> = {}): WireEvent {
  return {
    id: `${station}:${seq}`,
    station,
    stationSeq: seq,
    hlc: `${String(1_700_000_000_000 + seq).padStart(15, '0')}.00000.${station}`,
    actor: 'picker',
    occurredAt: new Date(1_700_000_000_000 + seq).toISOString(),
    type: 'parcel.picked',
    subject: `parcel_${seq}`,
    payload: `{"order":"#${1000 + seq}",  "tracking":"RR${seq}CN", "note":"spaces  and \\"quotes\\" and ünïcode"}`,
    ...over,
  };
}

export function wires(station: string, from: number, count: number): WireEvent[] {
  return Array.from({ length: count }, (_, i) => wire(station, from + i));
}
