import { parse } from 'csv-parse';
import { Worker } from 'node:worker_threads';

/**
 * CSV columns (header row required, one row per item): order, line, email, name, company,
 * address1, address2, city, province, zip, country, phone, sku, barcode, title, quantity.
 * Rows of one order share the order column; the recipient is the order's first row, and a later row
 * that names another recipient refuses the order (both rows named).
 */
export interface FileOrder {
  /** The order's first row (CSV line number; JSON: position in the array, from 1). */
  row: number;
  order: Record<string, unknown> & { items: unknown[] };
  /** The row of each item, in order (CSV: one row per item). */
  itemRows: number[];
  /** Why the whole order is refused before it is even checked (two recipients under one name). */
  refused?: string;
}

export interface ParsedFile {
  orders: FileOrder[];
  /** Rows refused while reading (a field too many or too few). */
  rejected: Array<{ row: number; reason: string }>;
}

const RECIPIENT = ['name', 'address1', 'city', 'zip', 'country'] as const;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Parse in slices, yielding to the event loop between them: a 50 MB file never holds up a pick. */
export async function csvToOrders(
  text: string,
  onProgress: (done: number, total: number) => void = () => undefined,
  sliceChars = 32 * 1024,
): Promise<ParsedFile> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  const records: Array<{ record: string[]; info: { lines: number } }> = [];
  let failure: Error | null = null;
  parser.on('readable', () => {
    let r;
    while ((r = parser.read()) !== null) records.push(r);
  });
  parser.on('error', (e) => (failure = e));
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));

  let header: string[] | null = null;
  const byName = new Map<string, FileOrder>();
  const rejected: ParsedFile['rejected'] = [];
  const take = () => {
    for (const { record, info } of records.splice(0)) {
      if (!header) {
        header = record.map((c) => c.trim().toLowerCase());
        continue;
      }
      addRow(header, record, info.lines, byName, rejected);
    }
  };
  for (let at = 0; at < text.length && !failure; at += sliceChars) {
    parser.write(text.slice(at, at + sliceChars));
    await yieldNow();
    take();
    onProgress(Math.min(at + sliceChars, text.length), text.length);
  }
  parser.end();
  await ended;
  take();
  if (failure) throw failure;
  if (!header) throw new Error('the file is empty: it needs a header row and one row per item');
  return { orders: [...byName.values()], rejected };
}

function addRow(header: string[], record: string[], row: number, byName: Map<string, FileOrder>, rejected: ParsedFile['rejected']): void {
  if (record.length !== header.length) {
    rejected.push({
      row,
      reason: `row ${row} has ${record.length} fields but the header has ${header.length}${record.length > header.length ? ': a comma inside a field needs the field in double quotes' : ''}. The row was not imported.`,
    });
    return;
  }
  const r: Record<string, string> = {};
  header.forEach((h, i) => (r[h] = record[i]));
  const name = r.order ?? r.name_of_order ?? '';
  const opt = (v?: string) => (v ? v : undefined);
  const item = { sku: r.sku, barcode: r.barcode || undefined, title: r.title, quantity: r.quantity };
  const entry = byName.get(name);
  if (!entry) {
    byName.set(name, {
      row,
      itemRows: [row],
      order: {
        name,
        line: r.line,
        email: opt(r.email),
        shipTo: {
          name: r.name,
          company: opt(r.company),
          address1: r.address1,
          address2: opt(r.address2),
          city: r.city,
          province: opt(r.province),
          zip: r.zip,
          country: r.country,
          phone: opt(r.phone),
        },
        items: [item],
      },
    });
    return;
  }
  // A later row may leave the recipient empty; if it names one, it must be the same.
  const first = entry.order.shipTo as Record<string, string>;
  const differs = RECIPIENT.some((k) => r[k] && r[k].toLowerCase() !== String(first[k] ?? '').toLowerCase());
  if (differs && !entry.refused) {
    const who = (x: Record<string, string>) => [x.name, x.address1, x.city, x.country].filter(Boolean).join(', ');
    entry.refused = `order ${name}: row ${row} ships to ${who(r)} but row ${entry.row} ships to ${who(first)}. One order name cannot have two recipients: give them different order names. Rows ${entry.row} and ${row} were not imported.`;
  }
  entry.order.items.push(item);
  entry.itemRows.push(row);
}

const NOT_A_LIST = 'expected a JSON array of orders, or {"orders": [...]}';

// Plain CommonJS for a worker thread: JSON.parse of a large file off the main thread, orders sent back in slices.
const JSON_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const data = JSON.parse(workerData.text);
  const list = Array.isArray(data) ? data : data && data.orders;
  if (!Array.isArray(list)) throw new Error(${JSON.stringify(NOT_A_LIST)});
  for (let i = 0; i < list.length; i += 500) parentPort.postMessage({ slice: list.slice(i, i + 500) });
  parentPort.postMessage({ done: true });
} catch (e) {
  parentPort.postMessage({ error: e.message });
}`;

/** Files above this are parsed on a worker thread: JSON.parse of 50 MB would hold the event loop for a second. */
const WORKER_ABOVE = 1024 * 1024;

export async function jsonToOrdersAsync(text: string): Promise<ParsedFile> {
  if (text.length < WORKER_ABOVE) return jsonToOrders(text);
  const list: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    const w = new Worker(JSON_WORKER, { eval: true, workerData: { text } });
    w.on('message', (m: { slice?: unknown[]; done?: boolean; error?: string }) => {
      if (m.slice) for (const o of m.slice) list.push(o);
      else if (m.error !== undefined) reject(new Error(m.error));
      else if (m.done) resolve();
    });
    w.on('error', reject);
    w.on('exit', (code) => (code ? reject(new Error(`the JSON reader stopped (${code})`)) : resolve()));
  });
  return ordersOfList(list);
}

export function jsonToOrders(text: string): ParsedFile {
  const data = JSON.parse(text) as unknown;
  const list = Array.isArray(data) ? data : (data as { orders?: unknown[] })?.orders;
  if (!Array.isArray(list)) throw new Error(NOT_A_LIST);
  return ordersOfList(list);
}

function ordersOfList(list: unknown[]): ParsedFile {
  return {
    orders: list.map((order, i) => {
      const items = Array.isArray((order as { items?: unknown })?.items) ? ((order as { items: unknown[] }).items as unknown[]) : [];
      return { row: i + 1, order: order as FileOrder['order'], itemRows: items.map(() => i + 1) };
    }),
    rejected: [],
  };
}
