import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';

export interface BlockRow {
  rangeId: string;
  first: number;
  last: number;
  next: number;
}

export interface ConflictRow {
  id: string;
  kind: string;
  subject: string;
  detail: string;
  eventIds: string[];
  stations: string[];
  openedAt: string;
  status: 'open' | 'settled';
  settledAt: string | null;
  settledBy: string | null;
  resolution: string | null;
}

const toConflict = rowMapper<ConflictRow>({
  id: 'id',
  kind: 'kind',
  subject: 'subject',
  detail: 'detail',
  eventIds: json('event_ids'),
  stations: json('stations'),
  openedAt: 'opened_at',
  status: 'status',
  settledAt: 'settled_at',
  settledBy: 'settled_by',
  resolution: 'resolution',
});

/** Pool numbers are leased in blocks of their positions, under this range id. */
export const poolRangeId = (lineId: string) => `pool:${lineId}`;

export function siteReader(db: Sqlite) {
  return {
    /** The block this station issues the next number of a line's ranges from. */
    openBlock(station: string, lineId: string): (BlockRow & { params: string }) | undefined {
      return stmt(
        db,
        `SELECT b.range_id AS rangeId, b.first, b.last, b.next, r.params FROM range_blocks b JOIN number_ranges r ON r.id = b.range_id
         WHERE b.station = ? AND b.state = 'leased' AND b.next <= b.last AND r.line_id = ? ORDER BY b.leased_at, b.first LIMIT 1`,
      ).get(station, lineId) as (BlockRow & { params: string }) | undefined;
    },
    /** The next free pool number inside this station's leased blocks of the line's pool. */
    nextPoolNumberInBlocks(station: string, lineId: string): { number: string; format: string } | undefined {
      return stmt(
        db,
        `SELECT p.number, p.format FROM range_blocks b JOIN number_pool p ON p.line_id = ? AND p.pos BETWEEN b.first AND b.last AND p.parcel_id IS NULL
         WHERE b.station = ? AND b.range_id = ? AND b.state = 'leased' ORDER BY p.pos LIMIT 1`,
      ).get(lineId, station, poolRangeId(lineId)) as { number: string; format: string } | undefined;
    },
    /** Serials (or pool numbers) this station can still issue per range without the server. */
    ownRemaining(station: string): Array<{ rangeId: string; remaining: number; blocks: number }> {
      return stmt(
        db,
        `SELECT range_id AS rangeId, sum(max(0, last - next + 1)) AS remaining, count(*) AS blocks FROM range_blocks
         WHERE station = ? AND state = 'leased' GROUP BY range_id`,
      ).all(station) as Array<{ rangeId: string; remaining: number; blocks: number }>;
    },
    /** Leased blocks of this station, for handing back unused serials. */
    ownBlocks(station: string, which: 'leased' | 'any' = 'leased'): BlockRow[] {
      return stmt(
        db,
        "SELECT range_id AS rangeId, first, last, next FROM range_blocks WHERE station = ? AND (? = 'any' OR state = 'leased') ORDER BY range_id, first",
      ).all(station, which) as BlockRow[];
    },
    pickedBySince(station: string, lineId: string, sinceIso: string): number {
      return (
        stmt(db, 'SELECT count(*) AS n FROM parcels WHERE line_id = ? AND picked_at >= ? AND picked_station = ?').get(lineId, sinceIso, station) as {
          n: number;
        }
      ).n;
    },
    /** Positions of a line's imported pool: the pool is leased in blocks of positions. */
    poolExtent(lineId: string): { last: number; firstFree: number | null } {
      return stmt(
        db,
        'SELECT coalesce(max(pos), 0) AS last, min(CASE WHEN parcel_id IS NULL THEN pos END) AS firstFree FROM number_pool WHERE line_id = ?',
      ).get(lineId) as { last: number; firstFree: number | null };
    },
    conflicts(status: 'open' | 'all'): ConflictRow[] {
      const rows = stmt(db, "SELECT * FROM site_conflicts WHERE (? = 'all' OR status = 'open') ORDER BY opened_at DESC LIMIT 500").all(status) as Raw[];
      return rows.map(toConflict);
    },
    conflict(id: string): ConflictRow | undefined {
      const r = stmt(db, 'SELECT * FROM site_conflicts WHERE id = ?').get(id) as Raw | undefined;
      return r && toConflict(r);
    },
    /** Events this station wrote that the server does not have yet. */
    unpushed(station: string, afterSeq: number, limit: number) {
      return stmt(
        db,
        `SELECT id, station, station_seq AS stationSeq, hlc, actor, occurred_at AS occurredAt, type, subject, payload
         FROM events WHERE station = ? AND station_seq > ? ORDER BY station_seq LIMIT ?`,
      ).all(station, afterSeq, limit) as Array<{
        id: string;
        station: string;
        stationSeq: number;
        hlc: string;
        actor: string;
        occurredAt: string;
        type: string;
        subject: string | null;
        payload: string;
      }>;
    },
    /** Own events above a station sequence (what the server does not have yet). */
    countAbove(station: string, afterSeq: number): number {
      return (stmt(db, 'SELECT count(*) AS n FROM events WHERE station = ? AND station_seq > ?').get(station, afterSeq) as { n: number }).n;
    },
    /** The highest own station sequence below `below` (a restored station's log before its sequence floor). */
    lastStationSeqBelow(station: string, below: number): number {
      return (stmt(db, 'SELECT coalesce(max(station_seq), 0) AS n FROM events WHERE station = ? AND station_seq < ?').get(station, below) as { n: number }).n;
    },
    lastStationSeq(station: string): number {
      return (stmt(db, 'SELECT coalesce(max(station_seq), 0) AS n FROM events WHERE station = ?').get(station) as { n: number }).n;
    },
  };
}
