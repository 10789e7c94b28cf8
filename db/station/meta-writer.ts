import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** The writer of those facts, `store.meta.set` (beside `store.write`): the read door never writes. */
export function metaWriter(db: Sqlite) {
  return {
    set(key: string, value: string): void {
      stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    },
  };
}
