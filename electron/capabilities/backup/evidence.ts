import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Numbers some record outside the station database holds: the printed labels, Shopify, the site server. */
export interface Evidence {
  name: 'labels' | 'shopify' | 'site';
  ok: boolean;
  /** what was read, or why it could not be (said to the supervisor) */
  note: string;
  numbers: string[];
  /** Orders the record shows picked, with their numbers (Shopify: by the store's order; labels: by the order name printed on it). */
  orders?: Array<{ storeId: string | null; orderGid: string | null; parcelId?: string; name: string; numbers: string[]; fulfilled: boolean }>;
}

const TOKEN = /[0-9A-Z]{10,22}/g;
// A label names its order and its parcel (zpl.ts: `ORDER <name>`, `PARCEL <id>`) and carries its number in the
// barcode: a label of a parcel the restored database does not know tells which order was picked after the backup.
const ORDER = /\^FDORDER (.+?)\^FS/;
const PARCEL = /PARCEL (pcl_[0-9a-z]+)/;
const BARCODE = /\^BC[^\^]*\^FD(.+?)\^FS/;
const fieldText = (s: string) => s.replace(/_([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * The printed-label record: every label file a printer filed (the fake printer's `<data>/fake-printer/`,
 * or a print server's archive the supervisor points at). Every token that could be a tracking number
 * is kept; the range rule only counts those a range could have issued, check digit included.
 */
export function labelEvidence(dirs: string[]): Evidence {
  const numbers = new Set<string>();
  const orders: NonNullable<Evidence['orders']> = [];
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
        const text = readFileSync(path, 'latin1');
        const found = text.toUpperCase().match(TOKEN) ?? [];
        for (const t of found) numbers.add(t);
        const order = ORDER.exec(text)?.[1];
        const parcel = PARCEL.exec(fieldText(text))?.[1];
        const barcode = BARCODE.exec(text)?.[1].replace(/>[0-9:;<=]/g, '');
        if (order && parcel && barcode)
          orders.push({ storeId: null, orderGid: null, parcelId: parcel, name: fieldText(order), numbers: [barcode.toUpperCase()], fulfilled: false });
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
    orders,
  };
}
