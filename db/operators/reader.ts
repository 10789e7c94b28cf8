import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { json, rowMapper, type Raw } from '../core/rows';
import type { Role } from './events';
import { operatorSetting } from './projector';

export interface OperatorRow {
  id: string;
  name: string;
  role: Role;
  badge: string;
  hasPin: boolean;
  active: boolean;
  failures: number;
  lockedUntil: string | null;
  createdAt: string;
}

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

export interface AuditQuery {
  actor?: string;
  /** A parcel, order or manifest id (or an order/parcel/manifest name mentioned in the event). */
  ref?: string;
  type?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditRow {
  seq: number;
  station: string;
  actor: string;
  occurredAt: string;
  type: string;
  subject: string | null;
  payload: Record<string, unknown>;
}

const toOperator = rowMapper<OperatorRow>({
  id: 'id',
  name: 'name',
  role: 'role',
  badge: 'badge',
  hasPin: (r) => r.pin_hash !== null,
  active: (r) => r.active === 1,
  failures: 'failures',
  lockedUntil: 'locked_until',
  createdAt: 'created_at',
});
const toToken = rowMapper<TokenRow>({
  id: 'id',
  name: 'name',
  role: 'role',
  createdAt: 'created_at',
  createdBy: 'created_by',
  revokedAt: 'revoked_at',
});
const toAudit = rowMapper<AuditRow>({
  seq: 'seq',
  station: 'station',
  actor: 'actor',
  occurredAt: 'occurred_at',
  type: 'type',
  subject: 'subject',
  payload: json('payload'),
});

export function operatorsReader(db: Sqlite) {
  return {
    /** The site's sign-in or notification settings (the fallback until a supervisor saves them). */
    setting: <T>(key: 'signin' | 'notify', fallback: T): T => operatorSetting(db, key, fallback),
    list(): OperatorRow[] {
      return (stmt(db, 'SELECT * FROM operators ORDER BY active DESC, name').all() as Raw[]).map(toOperator);
    },
    count(): number {
      return (stmt(db, 'SELECT count(*) AS n FROM operators').get() as { n: number }).n;
    },
    byId(id: string): OperatorRow | undefined {
      const r = stmt(db, 'SELECT * FROM operators WHERE id = ?').get(id) as Raw | undefined;
      return r && toOperator(r);
    },
    byBadge(badge: string): OperatorRow | undefined {
      const r = stmt(db, 'SELECT * FROM operators WHERE badge = ?').get(badge) as Raw | undefined;
      return r && toOperator(r);
    },
    /** The stored scrypt hash, for the one place that checks a PIN. */
    pinHash(id: string): string | null {
      return (stmt(db, 'SELECT pin_hash FROM operators WHERE id = ?').get(id) as { pin_hash: string | null } | undefined)?.pin_hash ?? null;
    },
    pinHashes(): Array<{ id: string; pinHash: string }> {
      return stmt(db, 'SELECT id, pin_hash AS pinHash FROM operators WHERE pin_hash IS NOT NULL').all() as Array<{ id: string; pinHash: string }>;
    },
    names(): Map<string, string> {
      return new Map((stmt(db, 'SELECT id, name FROM operators').all() as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]));
    },
    session(station: string): { operatorId: string; since: string; via: string } | undefined {
      return stmt(db, 'SELECT operator_id AS operatorId, since, via FROM operator_sessions WHERE station = ?').get(station) as
        { operatorId: string; since: string; via: string } | undefined;
    },
    tokens(): TokenRow[] {
      return (stmt(db, 'SELECT * FROM api_tokens ORDER BY revoked_at IS NOT NULL, created_at DESC').all() as Raw[]).map(toToken);
    },
    tokenByHash(hash: string): TokenRow | undefined {
      const r = stmt(db, 'SELECT * FROM api_tokens WHERE hash = ? AND revoked_at IS NULL').get(hash) as Raw | undefined;
      return r && toToken(r);
    },
    token(id: string): TokenRow | undefined {
      const r = stmt(db, 'SELECT * FROM api_tokens WHERE id = ?').get(id) as Raw | undefined;
      return r && toToken(r);
    },
    /** Who did what, newest first. Filters combine; `ref` matches the subject or any id/name in the payload. */
    audit(q: AuditQuery): { rows: AuditRow[]; total: number } {
      const where: string[] = [];
      const args: unknown[] = [];
      if (q.actor) (where.push('actor = ?'), args.push(q.actor));
      if (q.type) (where.push(q.type.endsWith('.') ? "type LIKE ? || '%'" : 'type = ?'), args.push(q.type));
      if (q.from) (where.push('occurred_at >= ?'), args.push(q.from));
      if (q.to) (where.push('occurred_at < ?'), args.push(q.to));
      if (q.ref) {
        where.push(
          `(subject = ? OR payload LIKE '%"' || ? || '"%' OR subject IN (SELECT id FROM parcels WHERE order_id = ? OR order_id IN (SELECT id FROM orders WHERE name = ?)))`,
        );
        args.push(q.ref, q.ref, q.ref, q.ref);
      }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM events ${w}`).get(...args) as { n: number }).n;
      const rows = (
        db
          .prepare(`SELECT seq, station, actor, occurred_at, type, subject, payload FROM events ${w} ORDER BY seq DESC LIMIT ? OFFSET ?`)
          .all(...args, q.limit, q.offset) as Raw[]
      ).map(toAudit);
      return { rows, total };
    },
    /** The floor's work in [from, to): picks, reprints and refusals with who, when, which line and why. */
    work(from: string, to: string): Array<{ actor: string; at: string; type: string; lineId: string | null; reason: string | null }> {
      return stmt(
        db,
        `SELECT e.actor, e.occurred_at AS at, e.type,
                CASE WHEN e.type = 'parcel.picked' THEN json_extract(e.payload, '$.lineId') ELSE p.line_id END AS lineId,
                json_extract(e.payload, '$.reason') AS reason
           FROM events e LEFT JOIN parcels p ON p.id = e.subject AND e.type = 'parcel.reprinted'
          WHERE e.occurred_at >= ? AND e.occurred_at < ? AND e.type IN ('parcel.picked', 'parcel.reprinted', 'scan.refused')
          ORDER BY e.occurred_at`,
      ).all(from, to) as Array<{ actor: string; at: string; type: string; lineId: string | null; reason: string | null }>;
    },
    /** Parcels picked, not loaded, whose pickup is in [now, until): per line. */
    unloadedBefore(now: string, until: string): Array<{ lineId: string; parcels: number; pickupAt: string }> {
      return stmt(
        db,
        `SELECT line_id AS lineId, count(*) AS parcels, min(pickup_at) AS pickupAt FROM parcels
          WHERE status = 'picked' AND pickup_at >= ? AND pickup_at < ? GROUP BY line_id`,
      ).all(now, until) as Array<{ lineId: string; parcels: number; pickupAt: string }>;
    },
    openExceptions(): number {
      return (stmt(db, "SELECT count(*) AS n FROM monitor_exceptions WHERE status = 'open'").get() as { n: number }).n;
    },
    deadShopifyJobs(): number {
      return (stmt(db, "SELECT count(*) AS n FROM jobs WHERE status = 'dead' AND kind LIKE 'shopify.%'").get() as { n: number }).n;
    },
    printersDown(): Array<{ id: string; name: string; health: string }> {
      return stmt(
        db,
        `SELECT p.id, p.name, h.health FROM printers p JOIN printer_state h ON h.printer_id = p.id WHERE h.health IN ('problem', 'unreachable')`,
      ).all() as Array<{ id: string; name: string; health: string }>;
    },
    lastRaised(key: string): string | null {
      return (stmt(db, 'SELECT max(raised_at) AS at FROM notifications WHERE key = ?').get(key) as { at: string | null }).at;
    },
    notifications(limit: number): Array<{ seq: number; kind: string; key: string; title: string; body: string; screen: string; raisedAt: string }> {
      return stmt(db, 'SELECT seq, kind, key, title, body, screen, raised_at AS raisedAt FROM notifications ORDER BY seq DESC LIMIT ?').all(limit) as Array<{
        seq: number;
        kind: string;
        key: string;
        title: string;
        body: string;
        screen: string;
        raisedAt: string;
      }>;
    },
  };
}
export type OperatorsReader = ReturnType<typeof operatorsReader>;
