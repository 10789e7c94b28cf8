import { createHash } from 'node:crypto';
import type { Sqlite } from './core/open';
import { dumpProjections } from './rebuild';

/** Same events applied in the same order give the same hash, at any station. */
export function fingerprint(db: Sqlite): { events: number; lastHlc: string; hash: string } {
  const h = createHash('sha256');
  for (const [table, rows] of Object.entries(dumpProjections(db))) {
    h.update(table);
    for (const r of rows) h.update(r as string);
  }
  const e = db.prepare("SELECT count(*) AS n, coalesce(max(hlc), '') AS h FROM events").get() as { n: number; h: string };
  return { events: e.n, lastHlc: e.h, hash: h.digest('hex') };
}
