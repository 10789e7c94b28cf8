import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** Station-local facts that are not events (identity of this install): read through `store.read.meta`. */
export function metaStore(db: Sqlite) {
  return {
    get(key: string): string | undefined {
      return (stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    },
  };
}
