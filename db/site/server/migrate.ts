import type { ClientBase } from 'pg';
import { siteMigrations } from './migrations';

/** Group role of every station's login role: it may only call the station functions. */
export const STATION_GROUP = 'firstscan_station';

/**
 * Bring the site schema up to date in one transaction; concurrent callers wait for each other.
 * Runs as the site's admin role (owner of everything it creates).
 */
export async function migrateSite(client: ClientBase): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(7412, 0)');
    await client.query('CREATE SCHEMA IF NOT EXISTS firstscan');
    await client.query(
      'CREATE TABLE IF NOT EXISTS firstscan.schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM firstscan.schema_version');
    const pending = siteMigrations.filter((m) => m.version > rows[0].v);
    for (const m of pending) {
      await client.query(m.up);
      await client.query('INSERT INTO firstscan.schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    return pending.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
