import { createHash } from 'node:crypto';
import type { Sqlite } from './core/open';
import { dumpProjections } from './rebuild';
import { counterTables } from './core/counters';

// Counters follow their tables through triggers: they add nothing to compare, and a count that fell to 0
// stays as a row at one station and is never written at another.
const derived = new Set(counterTables.map((t) => t.table));

/** Same events applied in the same order give the same hash, at any station. */
export function fingerprint(db: Sqlite): { events: number; lastHlc: string; hash: string } {
  const h = createHash('sha256');
  for (const [table, rows] of Object.entries(dumpProjections(db))) {
    if (derived.has(table)) continue;
    h.update(table);
    for (const r of rows) h.update(r as string);
  }
  const e = db.prepare("SELECT count(*) AS n, coalesce(max(hlc), '') AS h FROM events").get() as { n: number; h: string };
  return { events: e.n, lastHlc: e.h, hash: h.digest('hex') };
}
