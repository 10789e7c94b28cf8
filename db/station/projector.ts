import { stmt } from '../core/stmt';
import type { Projector } from '../core/types';

const put = 'INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value';

export const settingsProjector: Projector = {
  'site.configured': (db, e) => {
    stmt(db, put).run('site', 'site', JSON.stringify(e.payload));
  },
  'station.configured': (db, e) => {
    for (const [k, v] of Object.entries(e.payload.settings)) {
      // Older versions kept a free-text operator per station; who acts is now the signed-in operator (migration 0020).
      if (k === 'operator') continue;
      stmt(db, put).run(e.payload.stationId, k, JSON.stringify(v));
    }
  },
  'printer.saved': (db, e) => {
    const p = e.payload.printer;
    stmt(
      db,
      `INSERT INTO printers (id, name, transport, host, port, language) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, transport = excluded.transport, host = excluded.host,
         port = excluded.port, language = excluded.language`,
    ).run(p.id, p.name, p.transport, p.host, p.port, p.language);
  },
};
