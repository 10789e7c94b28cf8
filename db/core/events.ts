import type { Sqlite } from './open';
import { stmt } from './stmt';
import type { EventDraft, EventType, StoredEvent } from '../event-types';
import { bucketOf } from './counters';
import { encodeHlc, tick, decodeHlc, receive, type Hlc } from './hlc';

interface EventRow {
  seq: number;
  id: string;
  station: string;
  station_seq: number;
  hlc: string;
  actor: string;
  occurred_at: string;
  type: string;
  subject: string | null;
  payload: string;
}

export function toEvent(r: EventRow): StoredEvent {
  return {
    seq: r.seq,
    id: r.id,
    station: r.station,
    stationSeq: r.station_seq,
    hlc: r.hlc,
    actor: r.actor,
    occurredAt: r.occurred_at,
    type: r.type as EventType,
    subject: r.subject,
    payload: JSON.parse(r.payload),
  };
}

/**
 * The writer of the append-only log. `append` stamps an event and applies its projection; it must
 * run inside the caller's transaction so the event and the state it implies commit together.
 */
export class EventLog {
  private last: Hlc = { wall: 0, logical: 0 };
  /**
   * Own sequence numbers start above this (meta `station_seq_floor`): a station restored from a backup in
   * a site writes above every number it may have pushed after the backup, so no id is used twice while
   * it pulls those events back.
   */
  private readonly floor: number;
  /** How an appended event reaches the projections; site mode routes it through its replica. */
  projector: (db: Sqlite, e: StoredEvent) => void;

  constructor(
    private readonly db: Sqlite,
    readonly station: string,
    project: (db: Sqlite, e: StoredEvent) => void,
  ) {
    this.projector = project;
    const row = stmt(db, 'SELECT hlc FROM events WHERE station = ? ORDER BY station_seq DESC LIMIT 1').get(station) as { hlc: string } | undefined;
    if (row) this.last = decodeHlc(row.hlc);
    const floor = stmt(db, "SELECT value FROM meta WHERE key = 'station_seq_floor'").get() as { value: string } | undefined;
    this.floor = Number(floor?.value ?? 0) || 0;
  }

  append<T extends EventType>(draft: EventDraft<T>, actor: string, at: Date): StoredEvent<T> {
    if (!this.db.inTransaction) throw new Error('EventLog.append must run inside a transaction');
    this.last = tick(this.last, at.getTime());
    const top = stmt(this.db, 'SELECT coalesce(max(station_seq), 0) + 1 AS n FROM events WHERE station = ?').get(this.station) as { n: number };
    const next = { n: Math.max(top.n, this.floor + 1) };
    const event: StoredEvent<T> = {
      seq: 0,
      id: `${this.station}:${next.n}`,
      station: this.station,
      stationSeq: next.n,
      hlc: encodeHlc(this.last, this.station),
      actor,
      occurredAt: at.toISOString(),
      type: draft.type,
      subject: draft.subject ?? null,
      payload: draft.payload,
    };
    const info = stmt(
      this.db,
      `INSERT INTO events (id, station, station_seq, hlc, actor, occurred_at, type, subject, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.id, event.station, event.stationSeq, event.hlc, actor, event.occurredAt, event.type, event.subject, JSON.stringify(draft.payload));
    event.seq = Number(info.lastInsertRowid);
    this.projector(this.db, event);
    return event;
  }

  /** Merge a timestamp seen from another station, so later local events sort after it. */
  observe(hlc: string, nowMs: number): void {
    this.last = receive(this.last, decodeHlc(hlc), nowMs);
  }
}

export interface EventQuery {
  afterSeq?: number;
  since?: string;
  subject?: string;
  limit?: number;
}

export function readEvents(db: Sqlite, q: EventQuery = {}): StoredEvent[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.afterSeq !== undefined) (where.push('seq > ?'), args.push(q.afterSeq));
  if (q.since) (where.push('occurred_at >= ?'), args.push(q.since));
  if (q.subject) (where.push('subject = ?'), args.push(q.subject));
  const sql = `SELECT * FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq LIMIT ?`;
  return (db.prepare(sql).all(...args, q.limit ?? 1_000_000) as EventRow[]).map(toEvent);
}

/** Every event in the site-wide order (hlc, station as tie-break) in which projections apply them. */
export function* iterateEvents(db: Sqlite): Generator<StoredEvent> {
  for (const r of db.prepare('SELECT * FROM events ORDER BY hlc').iterate() as Iterable<EventRow>) yield toEvent(r);
}

export function eventsFor(db: Sqlite, subjects: string[]): StoredEvent[] {
  if (!subjects.length) return [];
  const rows = db.prepare(`SELECT * FROM events WHERE subject IN (${subjects.map(() => '?').join(',')}) ORDER BY seq`).all(...subjects) as EventRow[];
  return rows.map(toEvent);
}

/** Picks, reprints and refusals of a station since an instant (the floor's counters, migration 0013). */
export function countByType(db: Sqlite, station: string, since: string): Record<string, number> {
  const rows = stmt(db, 'SELECT type, sum(n) AS n FROM pick_counts WHERE station = ? AND bucket >= ? GROUP BY type').all(station, bucketOf(since)) as Array<{
    type: string;
    n: number;
  }>;
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

/** The parcel a station last picked or reprinted. */
export function lastPickedParcel(db: Sqlite, station: string): string | null {
  const r = stmt(db, 'SELECT parcel_id FROM pick_last WHERE station = ?').get(station) as { parcel_id: string | null } | undefined;
  return r?.parcel_id ?? null;
}
