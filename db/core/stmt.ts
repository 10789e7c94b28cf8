import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './open';

const cache = new WeakMap<Sqlite, Map<string, Statement>>();

/** Prepared once per connection: the scan path runs the same few statements thousands of times. */
export function stmt(db: Sqlite, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
