import type { Sqlite } from '../core/open';

/**
 * An undo journal for the projection tables, kept in memory (TEMP) and only in site mode. Events from
 * other stations can arrive with an hlc older than events already applied here; the replica then
 * undoes the projections back to that point and re-applies in hlc order. Temp triggers record the
 * old rows while an event is being projected, and nothing otherwise (leases, runtime columns).
 * Losing the journal (a restart) only means the next late event costs a full rebuild.
 */
export interface Journal {
  /** Journal id the next recorded change gets: an event's undo starts here. */
  mark(): number;
  /** Record changes made by fn (the projection of one event). */
  recording<T>(fn: () => T): T;
  /** Restore every projection row changed since mark `from`, newest first, and forget those changes. */
  undoTo(from: number): void;
  /** Forget changes older than mark `before` (they can no longer be undone). */
  forget(before: number): void;
}

interface TableShape {
  table: string;
  columns: string[];
  key: string[];
}

function shape(db: Sqlite, table: string): TableShape {
  const cols = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as Array<{ name: string; pk: number }>;
  const key = cols
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return { table, columns: cols.map((c) => c.name), key: key.length ? key : ['rowid'] };
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function installJournal(db: Sqlite, tables: string[]): Journal {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS undo_log (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS undo_on (on_ INTEGER NOT NULL);
    DELETE FROM undo_on; INSERT INTO undo_on VALUES (0);
  `);
  // REPLACE deletes the old row; only with recursive triggers does that delete fire a trigger.
  db.pragma('recursive_triggers = ON');
  const shapes = tables.map((t) => shape(db, t));
  const byTable = new Map(shapes.map((s) => [s.table, s]));
  const when = 'WHEN (SELECT on_ FROM temp.undo_on) = 1';
  for (const s of shapes) {
    const keyObj = (row: string) => `json_object(${s.key.map((k) => `'${k}', ${row}.${q(k)}`).join(', ')})`;
    const rowObj = (row: string) => `json_object(${[...new Set([...s.key, ...s.columns])].map((c) => `'${c}', ${row}.${q(c)}`).join(', ')})`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${s.table}_i AFTER INSERT ON main.${q(s.table)} ${when}
      BEGIN INSERT INTO undo_log (tbl, op, data) VALUES ('${s.table}', 'i', ${keyObj('NEW')}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${s.table}_u AFTER UPDATE ON main.${q(s.table)} ${when}
      BEGIN INSERT INTO undo_log (tbl, op, data) VALUES ('${s.table}', 'u', ${rowObj('OLD')}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS undo_${s.table}_d AFTER DELETE ON main.${q(s.table)} ${when}
      BEGIN INSERT INTO undo_log (tbl, op, data) VALUES ('${s.table}', 'd', ${rowObj('OLD')}); END;
    `);
  }
  const setOn = db.prepare('UPDATE temp.undo_on SET on_ = ?');
  const nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM temp.undo_log');
  const since = db.prepare('SELECT id, tbl, op, data FROM temp.undo_log WHERE id >= ? ORDER BY id DESC');
  const drop = db.prepare('DELETE FROM temp.undo_log WHERE id >= ?');
  const dropOld = db.prepare('DELETE FROM temp.undo_log WHERE id < ?');
  const restores = new Map<string, { del: ReturnType<Sqlite['prepare']>; put: ReturnType<Sqlite['prepare']> }>();
  const restoreOf = (table: string) => {
    let r = restores.get(table);
    if (!r) {
      const s = byTable.get(table)!;
      const cols = [...new Set([...s.key, ...s.columns])];
      r = {
        del: db.prepare(`DELETE FROM main.${q(table)} WHERE ${s.key.map((k) => `${q(k)} = json_extract(@d, '$.${k}')`).join(' AND ')}`),
        put: db.prepare(
          `INSERT OR REPLACE INTO main.${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map((c) => `json_extract(@d, '$.${c}')`).join(', ')})`,
        ),
      };
      restores.set(table, r);
    }
    return r;
  };
  let depth = 0;
  return {
    mark: () => (nextId.get() as { n: number }).n,
    recording(fn) {
      if (depth++ === 0) setOn.run(1);
      try {
        return fn();
      } finally {
        if (--depth === 0) setOn.run(0);
      }
    },
    undoTo(from) {
      for (const row of since.all(from) as Array<{ tbl: string; op: string; data: string }>) {
        const r = restoreOf(row.tbl);
        if (row.op === 'i') r.del.run({ d: row.data });
        else r.put.run({ d: row.data });
      }
      drop.run(from);
    },
    forget(before) {
      dropOld.run(before);
    },
  };
}
