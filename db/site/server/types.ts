/**
 * The station's view of the site server (PostgreSQL). The station side (electron/capabilities/site)
 * is written against this interface only; db/site/server implements it with `pg`.
 */

/** An event as it travels between stations: the payload stays the exact JSON text the station stored. */
export interface WireEvent {
  id: string; // `${station}:${stationSeq}`
  station: string;
  stationSeq: number;
  hlc: string; // db/core/hlc.ts encoding; sorts lexically, station as tie-break
  actor: string;
  occurredAt: string; // ISO UTC
  type: string;
  subject: string | null;
  payload: string; // JSON text
}

export interface PulledEvent extends WireEvent {
  serverSeq: number;
}

/** What a station keeps after joining (a key file with mode 0600 in its data dir, never in the event log). */
export interface StationCredentials {
  siteId: string;
  host: string;
  port: number;
  database: string;
  user: string; // this station's own login role
  password: string;
  /** SHA-256 fingerprint of the server certificate (hex, colon-free, lower case) when the server has TLS. */
  tlsFingerprint: string | null;
}

export interface StationStatusReport {
  name: string;
  pulledServerSeq: number;
  outboxDepth: number;
  lagMs: number | null;
  version: string;
}

export interface StationStatusRow extends StationStatusReport {
  station: string;
  pushedSeq: number; // max station_seq the server holds for it
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastSeenAt: string | null;
}

/** 'leased-again': leased before (by this or another station) and not finished: it may have run. */
export type JobLease = 'leased' | 'leased-again' | 'held' | 'finished';

export interface SiteLink {
  readonly station: string;
  /** Highest station_seq of this station's own events the server holds (0 when none). */
  pushedUpTo(): Promise<number>;
  /** Append this station's events; the server refuses events of another station. Idempotent by id. Returns rows inserted. */
  push(events: WireEvent[]): Promise<number>;
  /**
   * This station's own events after a station sequence, in that order: what a station restored from an
   * older backup pushed after it and must take back before it issues anything.
   */
  pullOwn(afterStationSeq: number, limit: number): Promise<PulledEvent[]>;
  /** Everyone else's events after a server sequence, in server order. */
  pull(afterServerSeq: number, limit: number): Promise<{ events: PulledEvent[]; maxServerSeq: number }>;
  /**
   * The stable frontier: no event with a smaller hlc can still arrive from any station that pushed in the
   * last `activeWithinMs` (min over those stations of their highest pushed hlc). Null when no station pushed.
   */
  frontier(activeWithinMs: number): Promise<string | null>;
  reportStatus(s: StationStatusReport): Promise<void>;
  stations(): Promise<StationStatusRow[]>;
  /**
   * Lease a site-wide job for ms; 'leased-again' when an earlier lease of it lapsed (treat as a retry),
   * 'held' when another live station holds it, 'finished' when done/dead anywhere.
   */
  leaseJob(jobId: string, ms: number): Promise<JobLease>;
  finishJob(jobId: string, state: 'done' | 'dead'): Promise<void>;
  /** A named periodic duty (monitor pass, Shopify intake): true while this station holds it. */
  leaseDuty(name: string, ms: number): Promise<boolean>;
  /**
   * Lease the next block of a carrier-allocated range (serials first..last inclusive), at most `size` serials;
   * returned fragments are leased again before fresh serials. `startAt` is the first serial not yet issued by
   * anyone when the server first hears of the range (the range's next_serial at the first station). Null when exhausted.
   */
  leaseBlock(range: { id: string; first: number; last: number; startAt: number }, size: number): Promise<{ first: number; last: number } | null>;
  /** Give back serials first..last of a block this station leased and will never issue. */
  returnBlock(rangeId: string, first: number, last: number): Promise<void>;
  /** The server's clock (epoch ms): stations correct their own clock by it. */
  serverTime(): Promise<number>;
  /** Blocks the server has this station holding (to recover one leased just before a crash). */
  heldBlocks(): Promise<Array<{ rangeId: string; first: number; last: number }>>;
  /**
   * Be told at once when another station pushed events (PostgreSQL LISTEN on one held connection):
   * `onEvents` on each notice, `onLost` once if the listening connection drops (the caller listens again).
   */
  listen(onEvents: () => void, onLost: () => void): Promise<void>;
  close(): Promise<void>;
}
