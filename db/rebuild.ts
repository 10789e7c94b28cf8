import type { Sqlite } from './core/open';
import { iterateEvents } from './core/events';
import { projectionTables } from './projections';
import { projectOrRefuse } from './project-or-refuse';
import { sqliteOf } from './core/handle';
import { deriveLogCounters } from './core/counters';
import { moveSearchQueue } from './pick/search-index';

/** Inside the caller's transaction: empty every projection and apply the whole log in hlc order. */
export function rebuildInOrder(db: Sqlite): { events: number; lastHlc: string } {
  for (const { table } of projectionTables) db.prepare(`DELETE FROM ${table}`).run();
  // iterate() holds a reader on this connection; collect first to write while reading.
  const all = [...iterateEvents(db)];
  for (const e of all) projectOrRefuse(db, e);
  deriveLogCounters(db);
  moveSearchQueue(db, Infinity);
  return { events: all.length, lastHlc: all.length ? all[all.length - 1].hlc : '' };
}

/** Drop every projection and replay the whole log, in one transaction. */
export function rebuildProjections(db: Sqlite): { events: number; ms: number } {
  const t0 = performance.now();
  const { events } = db.transaction(() => rebuildInOrder(db)).immediate();
  return { events, ms: performance.now() - t0 };
}

/** A stable dump of every projection, for comparing a rebuild with the live state. */
export function dumpProjections(db: Sqlite): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { table, runtime = [], dump } of projectionTables) {
    const rows = db.prepare(dump ?? `SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    out[table] = rows
      .map((r) => {
        for (const c of runtime) delete r[c];
        return JSON.stringify(r, Object.keys(r).sort());
      })
      .sort();
  }
  return out;
}

/** A store's projections rebuilt from its log (the offline `rebuild` command). */
export const rebuildStore = (store: object) => rebuildProjections(sqliteOf(store));

/** A store's projections dumped in a stable order (to compare them with a rebuild). */
export const dumpStore = (store: object) => dumpProjections(sqliteOf(store));
