import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Numbers some record outside the station database holds: the printed labels, Shopify, the site server. */
export interface Evidence {
  name: 'labels' | 'shopify' | 'site';
  ok: boolean;
  /** what was read, or why it could not be (said to the supervisor) */
  note: string;
  numbers: string[];
}

const TOKEN = /[0-9A-Z]{10,22}/g;

/**
 * The printed-label record: every label file a printer filed (the fake printer's `<data>/fake-printer/`,
 * or a print server's archive the supervisor points at). Every token that could be a tracking number
 * is kept; the range rule only counts those a range could have issued, check digit included.
 */
export function labelEvidence(dirs: string[]): Evidence {
  const numbers = new Set<string>();
  let files = 0;
  const missing: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      missing.push(dir);
      continue;
    }
    for (const n of names) {
      const path = join(dir, n);
      try {
        if (!statSync(path).isFile()) continue;
        for (const t of readFileSync(path, 'latin1').toUpperCase().match(TOKEN) ?? []) numbers.add(t);
        files++;
      } catch {
        // unreadable file: counted as not read
      }
    }
  }
  const read = `${files} label file${files === 1 ? '' : 's'} read`;
  return {
    name: 'labels',
    ok: files > 0 || missing.length === 0,
    note: missing.length ? `${read}; not found: ${missing.join(', ')}` : read,
    numbers: [...numbers],
  };
}
