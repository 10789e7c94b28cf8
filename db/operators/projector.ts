import { stmt } from '../core/stmt';
import type { Sqlite } from '../core/open';
import type { Projector } from '../core/types';
import type { NotifySettings, SignInSettings } from './events';
import { insertJobs } from '../outbox/projector';

export const DEFAULT_SIGNIN: SignInSettings = { idleMinutes: 15, maxFailures: 5, lockMinutes: 15 };
export const DEFAULT_NOTIFY: NotifySettings = { webhookUrl: null, exceptionsOver: 25 };

export function operatorSetting<T>(db: Sqlite, key: 'signin' | 'notify', fallback: T): T {
  const r = stmt(db, 'SELECT value FROM operator_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? { ...fallback, ...(JSON.parse(r.value) as T) } : fallback;
}

const saveSetting = (db: Sqlite, key: string, value: unknown) =>
  stmt(db, 'INSERT INTO operator_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));

/** Projections of the operators capability. Lockout is derived here, so every station of a site agrees. */
export const operatorsProjector: Projector = {
  // Two stations of a site that made the same operator id (or badge) while apart: the first in hlc order stands.
  'operator.created': (db, e) => {
    const p = e.payload;
    stmt(db, 'INSERT INTO operators (id, name, role, badge, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING').run(
      p.operatorId,
      p.name,
      p.role,
      p.badge,
      p.pinHash,
      e.occurredAt,
    );
  },
  'operator.role_changed': (db, e) => void stmt(db, 'UPDATE operators SET role = ? WHERE id = ?').run(e.payload.to, e.payload.operatorId),
  'operator.renamed': (db, e) => void stmt(db, 'UPDATE operators SET name = ? WHERE id = ?').run(e.payload.name, e.payload.operatorId),
  'operator.pin_set': (db, e) =>
    void stmt(db, 'UPDATE operators SET pin_hash = ?, failures = 0, locked_until = NULL WHERE id = ?').run(e.payload.pinHash, e.payload.operatorId),
  'operator.disabled': (db, e) => {
    stmt(db, 'UPDATE operators SET active = 0 WHERE id = ?').run(e.payload.operatorId);
    stmt(db, 'DELETE FROM operator_sessions WHERE operator_id = ?').run(e.payload.operatorId);
  },
  'operator.enabled': (db, e) => void stmt(db, 'UPDATE operators SET active = 1 WHERE id = ?').run(e.payload.operatorId),
  'operator.signed_in': (db, e) => {
    const p = e.payload;
    stmt(db, 'UPDATE operators SET failures = 0, locked_until = NULL WHERE id = ?').run(p.operatorId);
    stmt(
      db,
      `INSERT INTO operator_sessions (station, operator_id, since, via) VALUES (?, ?, ?, ?)
       ON CONFLICT (station) DO UPDATE SET operator_id = excluded.operator_id, since = excluded.since, via = excluded.via`,
    ).run(p.stationId, p.operatorId, e.occurredAt, p.via);
  },
  'operator.signed_out': (db, e) =>
    void stmt(db, 'DELETE FROM operator_sessions WHERE station = ? AND operator_id = ?').run(e.payload.stationId, e.payload.operatorId),
  'operator.signin_refused': (db, e) => {
    const p = e.payload;
    if (p.reason !== 'wrong_pin' || !p.operatorId) return;
    const s = operatorSetting(db, 'signin', DEFAULT_SIGNIN);
    const row = stmt(db, 'SELECT failures FROM operators WHERE id = ?').get(p.operatorId) as { failures: number } | undefined;
    if (!row) return;
    const failures = row.failures + 1;
    const lockedUntil = failures >= s.maxFailures ? new Date(Date.parse(e.occurredAt) + s.lockMinutes * 60_000).toISOString() : null;
    stmt(db, 'UPDATE operators SET failures = ?, locked_until = coalesce(?, locked_until) WHERE id = ?').run(failures, lockedUntil, p.operatorId);
  },
  'operator.unlocked': (db, e) => void stmt(db, 'UPDATE operators SET failures = 0, locked_until = NULL WHERE id = ?').run(e.payload.operatorId),
  'operators.settings_saved': (db, e) => saveSetting(db, 'signin', e.payload.settings),
  'notify.settings_saved': (db, e) => saveSetting(db, 'notify', e.payload.settings),
  'token.created': (db, e) => {
    const p = e.payload;
    stmt(db, 'INSERT INTO api_tokens (id, name, role, hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      p.tokenId,
      p.name,
      p.role,
      p.hash,
      e.occurredAt,
      e.actor,
    );
  },
  'token.revoked': (db, e) => void stmt(db, 'UPDATE api_tokens SET revoked_at = ? WHERE id = ?').run(e.occurredAt, e.payload.tokenId),
  'notify.raised': (db, e) => {
    const p = e.payload;
    stmt(db, 'INSERT INTO notifications (kind, key, title, body, screen, raised_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      p.kind,
      p.key,
      p.title,
      p.body,
      p.screen,
      e.occurredAt,
    );
    insertJobs(db, p.jobs, e.occurredAt);
  },
};

export const operatorsTables: Array<{ table: string; runtime?: string[] }> = [
  { table: 'notifications' },
  { table: 'api_tokens' },
  { table: 'operator_settings' },
  { table: 'operator_sessions' },
  { table: 'operators' },
];
