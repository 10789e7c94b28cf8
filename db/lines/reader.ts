import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { LineData, RangeData } from '../event-types';

const toLine = rowMapper<LineData>({
  id: 'id',
  name: 'name',
  carrier: 'carrier',
  shopifyCompany: 'shopify_company',
  trackingUrl: 'tracking_url',
  service: 'service',
  routeType: 'route_type',
  numberSource: 'number_source',
  lowDays: 'low_days',
  dailyVolume: 'daily_volume',
  active: (r) => !!r.active,
});

export interface RangeState extends RangeData {
  next: number;
  remaining: number;
}

const toRange = rowMapper<RangeState>({
  id: 'id',
  lineId: 'line_id',
  params: json('params'),
  first: 'first_serial',
  last: 'last_serial',
  next: 'next_serial',
  remaining: (r) => Math.max(0, (r.last_serial as number) - (r.next_serial as number) + 1),
});

export function linesReader(db: Sqlite) {
  return {
    all(): LineData[] {
      return (stmt(db, 'SELECT * FROM carrier_lines ORDER BY name').all() as Raw[]).map(toLine);
    },
    get(id: string): LineData | undefined {
      const r = stmt(db, 'SELECT * FROM carrier_lines WHERE id = ?').get(id) as Raw | undefined;
      return r && toLine(r);
    },
    ranges(lineId: string): RangeState[] {
      return (stmt(db, 'SELECT * FROM number_ranges WHERE line_id = ? ORDER BY added_at, id').all(lineId) as Raw[]).map(toRange);
    },
    /** The range to issue from next: the oldest one with serials left. */
    openRange(lineId: string): { id: string; params: RangeData['params']; next: number } | undefined {
      const r = stmt(
        db,
        'SELECT id, params, next_serial FROM number_ranges WHERE line_id = ? AND next_serial <= last_serial ORDER BY added_at, id LIMIT 1',
      ).get(lineId) as { id: string; params: string; next_serial: number } | undefined;
      return r && { id: r.id, params: JSON.parse(r.params), next: r.next_serial };
    },
    rangeRemaining(lineId: string): number {
      return (stmt(db, 'SELECT coalesce(sum(max(0, last_serial - next_serial + 1)), 0) AS n FROM number_ranges WHERE line_id = ?').get(lineId) as { n: number })
        .n;
    },
    nextPoolNumber(lineId: string): { number: string; format: string } | undefined {
      return stmt(db, 'SELECT number, format FROM number_pool WHERE line_id = ? AND parcel_id IS NULL ORDER BY pos LIMIT 1').get(lineId) as
        { number: string; format: string } | undefined;
    },
    poolRemaining(lineId: string): number {
      return (stmt(db, 'SELECT count(*) AS n FROM number_pool WHERE line_id = ? AND parcel_id IS NULL').get(lineId) as { n: number }).n;
    },
    /** The line whose pool holds each of `numbers` (numbers in no pool are left out). */
    poolOwners(numbers: string[]): Map<string, string> {
      const found = new Map<string, string>();
      const q = stmt(db, 'SELECT line_id FROM number_pool WHERE number = ?');
      for (const n of numbers) {
        const r = q.get(n) as { line_id: string } | undefined;
        if (r) found.set(n, r.line_id);
      }
      return found;
    },
    /** Every pool number with its line (set-up checks only: not on the scan path). */
    poolNumbers(): Array<{ number: string; lineId: string }> {
      return (stmt(db, 'SELECT number, line_id FROM number_pool').all() as Array<{ number: string; line_id: string }>).map((r) => ({
        number: r.number,
        lineId: r.line_id,
      }));
    },
    poolContains(numbers: string[]): Set<string> {
      const found = new Set<string>();
      const q = stmt(db, 'SELECT 1 FROM number_pool WHERE number = ?');
      for (const n of numbers) if (q.get(n)) found.add(n);
      return found;
    },
    /** Parcels picked on a line since an instant: the volume used to say how many days a range lasts. */
    pickedSince(lineId: string, sinceIso: string): number {
      return (stmt(db, 'SELECT count(*) AS n FROM parcels WHERE line_id = ? AND picked_at >= ?').get(lineId, sinceIso) as { n: number }).n;
    },
  };
}
