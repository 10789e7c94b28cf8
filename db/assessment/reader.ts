import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** The site's own figures for the partner self-assessment, for parcels picked in [from, to). */
export function assessmentReader(db: Sqlite) {
  return {
    /** Every parcel picked in the period: when, its line and route, label printed, Shopify synced, handed over, first carrier scan. */
    parcels(from: string, to: string) {
      return stmt(
        db,
        `SELECT p.id, p.line_id AS lineId, l.name AS lineName, l.route_type AS routeType, p.picked_at AS pickedAt, p.label_printed_at AS labelAt,
           sp.synced_at AS syncedAt, sp.parcel_id IS NOT NULL AS shopify, mp.handed_over_at AS handedOverAt, t.first_scan_at AS firstScanAt
         FROM parcels p JOIN carrier_lines l ON l.id = p.line_id
           LEFT JOIN shopify_parcels sp ON sp.parcel_id = p.id
           LEFT JOIN manifest_parcels mp ON mp.parcel_id = p.id
           LEFT JOIN monitor_tracking t ON t.parcel_id = p.id
         WHERE p.picked_at >= ? AND p.picked_at < ? AND p.status <> 'voided'`,
      ).all(from, to) as Array<{
        id: string;
        lineId: string;
        lineName: string;
        routeType: 'postal' | 'private' | 'express' | 'domestic';
        pickedAt: string;
        labelAt: string | null;
        syncedAt: string | null;
        shopify: number;
        handedOverAt: string | null;
        firstScanAt: string | null;
      }>;
    },
    lines() {
      return stmt(db, 'SELECT id, name, route_type AS routeType FROM carrier_lines ORDER BY name').all() as Array<{
        id: string;
        name: string;
        routeType: string;
      }>;
    },
    /** Exceptions opened in the period, with how they ended. */
    exceptions(from: string, to: string) {
      return stmt(
        db,
        `SELECT cause, opened_at AS openedAt, due_at AS dueAt, since, contacted_at AS contactedAt, resolved_at AS resolvedAt, resolution
         FROM monitor_exceptions WHERE opened_at >= ? AND opened_at < ?`,
      ).all(from, to) as Array<{
        cause: string;
        openedAt: string;
        dueAt: string;
        since: string;
        contactedAt: string | null;
        resolvedAt: string | null;
        resolution: string | null;
      }>;
    },
    reships(from: string, to: string) {
      return stmt(
        db,
        `SELECT r.created_at AS createdAt, e.opened_at AS flaggedAt, e.cause
         FROM monitor_reships r LEFT JOIN monitor_exceptions e ON e.id = r.exception_id WHERE r.created_at >= ? AND r.created_at < ?`,
      ).all(from, to) as Array<{ createdAt: string; flaggedAt: string | null; cause: string | null }>;
    },
    /** Shopify fulfillment events sent in the period, by status. */
    milestonesSent(from: string, to: string) {
      return stmt(
        db,
        `SELECT json_extract(payload, '$.status') AS status, count(*) AS n FROM events
         WHERE type = 'shopify.event_sent' AND occurred_at >= ? AND occurred_at < ? GROUP BY 1`,
      ).all(from, to) as Array<{ status: string; n: number }>;
    },
  };
}
