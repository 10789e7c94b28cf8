import type { OrderData } from '../../../db/event-types';
import { badInput } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf, type ServiceContext } from '../../core/context';
import { countryProblem } from './countries';
import { checkDecodedText, decodeBase64File, type FileEncoding } from './encoding';
import { csvToOrders, jsonToOrdersAsync, type FileOrder, type ParsedFile } from './parse';
import { OrderFileItem, OrderFileRow } from './schema';

export interface ImportInput {
  format: 'csv' | 'json';
  /** The file as text (the API's JSON), or its bytes in base64 (the CLI, the Setup form): then its encoding is detected. */
  text?: string;
  base64?: string;
  store: string;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'importing' | 'done';
  /** Of `total`: characters read, orders checked, orders written. */
  done: number;
  total: number;
  imported: number;
}

export interface ImportResult {
  imported: number;
  rejected: Array<{ row: number; reason: string }>;
  encoding: FileEncoding;
  /** Orders of the file already in the console: a file imported before, or an import that stopped midway. */
  alreadyIn: number;
}

/** Orders written per transaction: a few milliseconds each, so a pick waits at most that long. */
const CHUNK = 100;
/** Check orders for at most this long before letting picks run. */
const SLICE_MS = 4;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

async function textOf(input: ImportInput): Promise<{ text: string; encoding: FileEncoding }> {
  if (input.base64 !== undefined) return decodeBase64File(input.base64);
  if (input.text === undefined) throw badInput('Send the file as text or as base64.');
  checkDecodedText(input.text);
  return { text: input.text.replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
}

const issuesText = (issues: Array<{ path: PropertyKey[]; message: string }>, prefix = '') =>
  issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || 'order'}: ${i.message}`).join('; ');

/**
 * Import orders from a file, as a background task: parsing, checking and writing run in slices that
 * yield to the event loop, so a pick never waits more than a few milliseconds behind it. Every bad
 * row is listed with its own row number and reason; every good order is imported. Orders are written
 * in small transactions (an order is never half in); an import that stopped midway is completed by
 * importing the same file again: the orders already in are named and counted, not imported twice.
 */
export async function importOrders(ctx: ServiceContext, input: ImportInput, onProgress: (p: ImportProgress) => void = () => undefined): Promise<ImportResult> {
  const { text, encoding } = await textOf(input);
  let parsed: ParsedFile;
  try {
    parsed =
      input.format === 'csv'
        ? await csvToOrders(text, (done, total) => onProgress({ phase: 'reading', done, total, imported: 0 }))
        : await jsonToOrdersAsync(text);
  } catch (e) {
    throw badInput(`The ${input.format.toUpperCase()} file could not be read: ${(e as Error).message}. Fix the file and import it again.`);
  }
  const lines = new Map(ctx.store.read.lines.all().map((l) => [l.id, l]));
  const byName = new Map(ctx.store.read.lines.all().map((l) => [l.name.toLowerCase(), l]));
  const rejected = [...parsed.rejected];
  const accepted: Array<{ row: number; order: OrderData }> = [];
  const seen = new Map<string, number>();
  const at = ctx.clock.now();
  const total = parsed.orders.length;
  let sliceStart = performance.now();
  for (let i = 0; i < total; i++) {
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress({ phase: 'checking', done: i, total, imported: 0 });
      await yieldNow();
      sliceStart = performance.now();
    }
    const r = checkOrder(parsed.orders[i], { lines, byName, seen, input, at });
    if ('reasons' in r) rejected.push(...r.reasons);
    else accepted.push(r);
  }

  // Written in small transactions, each re-checking inside the lock which orders are already in.
  // They skip the fsync (synchronous NORMAL: a crash may lose the last few, which importing the file
  // again completes); the last one is durable, and with it everything before it.
  let imported = 0;
  let alreadyIn = 0;
  for (let i = 0; i < accepted.length; i += CHUNK) {
    const chunk = accepted.slice(i, i + CHUNK);
    const last = i + CHUNK >= accepted.length;
    const write = () =>
      ctx.store.write(actorOf(ctx), at, (emit) => {
        const existing = ctx.store.read.orders.existingNames(
          input.store,
          chunk.map((o) => o.order.name),
        );
        const fresh = chunk.filter(({ row, order }) => {
          if (!existing.has(order.name)) return true;
          rejected.push({ row, reason: `order ${order.name} is already in the console (not imported again)` });
          alreadyIn++;
          return false;
        });
        if (fresh.length) emit({ type: 'orders.imported', payload: { orders: fresh.map((o) => o.order) } });
        imported += fresh.length;
      });
    if (last) write();
    else ctx.store.unsynced(write);
    onProgress({ phase: 'importing', done: i + chunk.length, total: accepted.length, imported });
    await yieldNow();
  }
  onProgress({ phase: 'done', done: accepted.length, total: accepted.length, imported });
  return { imported, rejected: rejected.sort((a, b) => a.row - b.row), encoding, alreadyIn };
}

type Ctx = {
  lines: Map<string, { id: string; name: string }>;
  byName: Map<string, { id: string; name: string }>;
  seen: Map<string, number>;
  input: ImportInput;
  at: Date;
};

/** One order of the file: an order to import, or every reason it is not, each on its own row. */
function checkOrder(f: FileOrder, c: Ctx): { row: number; order: OrderData } | { reasons: Array<{ row: number; reason: string }> } {
  if (f.refused) return { reasons: [{ row: f.row, reason: f.refused }] };
  const { items, ...head } = f.order;
  const reasons: Array<{ row: number; reason: string }> = [];
  const parsed = OrderFileRow.safeParse({ ...head, items: [] });
  if (!parsed.success) reasons.push({ row: f.row, reason: issuesText(parsed.error.issues.filter((i) => i.path[0] !== 'items')) });
  const country = (head.shipTo as { country?: unknown } | undefined)?.country;
  if (parsed.success && typeof country === 'string') {
    const problem = countryProblem(country);
    if (problem) reasons.push({ row: f.row, reason: `shipTo.country: ${problem}` });
  }
  const goodItems: OrderData['items'] = [];
  if (!Array.isArray(items) || items.length === 0) reasons.push({ row: f.row, reason: 'items: an order needs at least one item' });
  else
    items.forEach((item, k) => {
      const r = OrderFileItem.safeParse(item);
      // CSV: the item's own row; JSON: the order's entry, with the item's position.
      const row = f.itemRows[k] ?? f.row;
      const prefix = c.input.format === 'json' ? `items.${k}` : '';
      if (r.success) goodItems.push(r.data);
      else reasons.push({ row, reason: `${issuesText(r.error.issues, prefix)}${c.input.format === 'csv' ? ` (order ${String(head.name ?? '')})` : ''}` });
    });
  if (reasons.length) return { reasons: reasons.filter((r) => r.reason) };
  const o = parsed.data!;
  const line = c.lines.get(o.line) ?? c.byName.get(o.line.toLowerCase());
  if (!line) return { reasons: [{ row: f.row, reason: `order ${o.name}: unknown carrier line "${o.line}" (known: ${[...c.lines.keys()].join(', ')})` }] };
  const before = c.seen.get(o.name);
  if (before !== undefined)
    return { reasons: [{ row: f.row, reason: `order ${o.name} appears twice in the file: rows ${before} and ${f.row}; only row ${before} was taken` }] };
  c.seen.set(o.name, f.row);
  return {
    row: f.row,
    order: {
      id: newId('ord', c.at),
      store: c.input.store,
      name: o.name,
      status: 'open',
      lineId: line.id,
      shipTo: { ...o.shipTo, country: o.shipTo.country.toUpperCase() },
      email: o.email,
      createdAt: c.at.toISOString(),
      source: 'file',
      items: goodItems,
    },
  };
}
