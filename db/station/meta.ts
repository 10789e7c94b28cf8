import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** Station-local facts that are not events (identity of this install). */
export function metaStore(db: Sqlite) {
  return {
    get(key: string): string | undefined {
      return (stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    },
    set(key: string, value: string): void {
      stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    },
  };
}
