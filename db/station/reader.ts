import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import type { PrinterData } from '../event-types';

export function settingsReader(db: Sqlite) {
  return {
    get<T>(scope: string, key: string): T | undefined {
      const r = stmt(db, 'SELECT value FROM settings WHERE scope = ? AND key = ?').get(scope, key) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as T) : undefined;
    },
    scope(scope: string): Record<string, unknown> {
      const rows = stmt(db, 'SELECT key, value FROM settings WHERE scope = ?').all(scope) as Array<{ key: string; value: string }>;
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
    },
    printers(): PrinterData[] {
      return stmt(db, 'SELECT * FROM printers ORDER BY name').all() as PrinterData[];
    },
    printer(id: string): PrinterData | undefined {
      return stmt(db, 'SELECT * FROM printers WHERE id = ?').get(id) as PrinterData | undefined;
    },
  };
}
