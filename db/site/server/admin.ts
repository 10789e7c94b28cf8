import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { migrateSite, STATION_GROUP } from './migrate';

export interface SiteSecrets {
  siteId: string;
  database: string;
  joinRole: string;
  joinSecret: string;
}

/** Create the site database when it is missing (run on the cluster's maintenance database). */
export async function ensureDatabase(admin: ClientBase, name: string): Promise<boolean> {
  const r = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (r.rowCount) return false;
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  return true;
}

async function roleExists(admin: ClientBase, role: string): Promise<boolean> {
  return !!(await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount;
}

async function ensureGroupRole(admin: ClientBase): Promise<void> {
  if (await roleExists(admin, STATION_GROUP)) return;
  try {
    await admin.query(`CREATE ROLE ${STATION_GROUP} NOLOGIN`);
  } catch (err) {
    // another site database on this cluster made it at the same moment
    if ((err as { code?: string }).code !== '42710') throw err;
  }
}

/**
 * Make the connected database a site (idempotent: a second run keeps the site id and join secret):
 * schema, the stations' group role, the join role, and privileges so that nobody but the admin reads a table.
 * Needs a role that owns the database and may create roles (the embedded server's superuser, or CREATEROLE).
 */
export async function initSite(admin: ClientBase): Promise<SiteSecrets> {
  await ensureGroupRole(admin);
  await migrateSite(admin);
  const siteId = randomUUID();
  const tag = siteId.replace(/-/g, '').slice(0, 8);
  await admin.query('INSERT INTO firstscan.site (site_id, tag, join_role, join_secret) VALUES ($1, $2, $3, $4) ON CONFLICT (one) DO NOTHING', [
    siteId,
    tag,
    `fs_${tag}_join`,
    randomBytes(24).toString('base64url'),
  ]);
  const s = (
    await admin.query<{ site_id: string; join_role: string; join_secret: string; db: string }>(
      'SELECT site_id, join_role, join_secret, current_database() AS db FROM firstscan.site',
    )
  ).rows[0];
  const role = admin.escapeIdentifier(s.join_role);
  const password = admin.escapeLiteral(s.join_secret);
  if (await roleExists(admin, s.join_role)) await admin.query(`ALTER ROLE ${role} WITH LOGIN NOINHERIT PASSWORD ${password}`);
  else await admin.query(`CREATE ROLE ${role} WITH LOGIN NOINHERIT CONNECTION LIMIT 8 PASSWORD ${password}`);
  const db = admin.escapeIdentifier(s.db);
  await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
  await admin.query(`GRANT CONNECT ON DATABASE ${db} TO ${STATION_GROUP}, ${role}`);
  await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await admin.query(`GRANT USAGE ON SCHEMA firstscan TO ${role}`);
  await admin.query(`GRANT EXECUTE ON FUNCTION firstscan.site_join(text, text, text) TO ${role}`);
  return { siteId: s.site_id, database: s.db, joinRole: s.join_role, joinSecret: s.join_secret };
}

/** True when the server has TLS switched on. */
export async function serverHasSsl(admin: ClientBase): Promise<boolean> {
  return (await admin.query<{ ssl: string }>('SHOW ssl')).rows[0].ssl === 'on';
}

/** PostgreSQL major version (site mode needs 14 or newer). */
export async function serverMajorVersion(admin: ClientBase): Promise<number> {
  const r = await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(r.rows[0].v) / 10_000);
}

/**
 * A new join secret: the old join code stops working at once (its sessions are ended); stations that
 * already joined keep their own roles. Returns the secrets for the new code.
 */
export async function rotateJoinSecret(admin: ClientBase): Promise<SiteSecrets> {
  const secret = randomBytes(24).toString('base64url');
  const s = (
    await admin.query<{ site_id: string; join_role: string; db: string }>(
      'UPDATE firstscan.site SET join_secret = $1 RETURNING site_id, join_role, current_database() AS db',
      [secret],
    )
  ).rows[0];
  if (!s) throw new Error('This database is not a Firstscan site (no site row): run site init first.');
  await admin.query(`ALTER ROLE ${admin.escapeIdentifier(s.join_role)} WITH PASSWORD ${admin.escapeLiteral(secret)}`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [s.join_role]);
  return { siteId: s.site_id, database: s.db, joinRole: s.join_role, joinSecret: secret };
}

/**
 * Take a station out of the site from the server's side (a stolen PC, a copied data directory): its
 * login role may no longer log in, its open sessions end, so it can neither push nor pull. `who` is
 * the station id or its name. The join secret is rotated too, or the old code could join it again.
 */
export async function revokeStation(admin: ClientBase, who: string): Promise<{ station: string; name: string; role: string; secrets: SiteSecrets }> {
  const rows = (
    await admin.query<{ station: string; name: string; role: string }>(
      'SELECT station, name, role FROM firstscan.stations WHERE station = $1 OR lower(name) = lower($1)',
      [who],
    )
  ).rows;
  if (rows.length === 0) throw new Error(`No station "${who}" in this site: give its station id or its name (see the Site screen, F10).`);
  if (rows.length > 1) throw new Error(`Several stations are called "${who}" (${rows.map((r) => r.station).join(', ')}): give the station id.`);
  const st = rows[0];
  await admin.query(`ALTER ROLE ${admin.escapeIdentifier(st.role)} WITH NOLOGIN PASSWORD NULL`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [st.role]);
  const secrets = await rotateJoinSecret(admin);
  return { ...st, secrets };
}
