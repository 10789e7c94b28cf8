import type { OrderData } from '../../../db/event-types';
import { badInput } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf, type ServiceContext } from '../site/context';
import { csvToOrders, jsonToOrders } from './parse';
import { OrderFileRow } from './schema';

/**
 * Import orders from a file. Every valid order is imported in one event; every bad row is listed
 * with its reason, so a file with a few mistakes loses nothing that was right.
 */
export function importOrders(ctx: ServiceContext, input: { format: 'csv' | 'json'; text: string; store: string }) {
  let rows: Array<{ row: number; order: unknown }>;
  try {
    rows = input.format === 'csv' ? csvToOrders(input.text) : jsonToOrders(input.text);
  } catch (e) {
    throw badInput(`The ${input.format.toUpperCase()} file could not be read: ${(e as Error).message}. Fix the file and import it again.`);
  }
  const lines = new Map(ctx.store.lines.all().map((l) => [l.id, l]));
  const byName = new Map(ctx.store.lines.all().map((l) => [l.name.toLowerCase(), l]));
  const rejected: Array<{ row: number; reason: string }> = [];
  const accepted: OrderData[] = [];
  const seen = new Map<string, number>();
  const at = ctx.clock.now();
  for (const { row, order } of rows) {
    const parsed = OrderFileRow.safeParse(order);
    if (!parsed.success) {
      rejected.push({ row, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'order'}: ${i.message}`).join('; ') });
      continue;
    }
    const o = parsed.data;
    const line = lines.get(o.line) ?? byName.get(o.line.toLowerCase());
    if (!line) {
      rejected.push({ row, reason: `order ${o.name}: unknown carrier line "${o.line}" (known: ${[...lines.keys()].join(', ')})` });
      continue;
    }
    if (seen.has(o.name)) {
      rejected.push({ row, reason: `order ${o.name} appears twice in the file` });
      continue;
    }
    seen.set(o.name, row);
    accepted.push({
      id: newId('ord', at),
      store: input.store,
      name: o.name,
      status: 'open',
      lineId: line.id,
      shipTo: o.shipTo,
      email: o.email,
      createdAt: at.toISOString(),
      source: 'file',
      items: o.items,
    });
  }
  const existing = ctx.store.orders.existingNames(input.store, accepted.map((o) => o.name));
  const fresh = accepted.filter((o) => {
    if (!existing.has(o.name)) return true;
    rejected.push({ row: seen.get(o.name)!, reason: `order ${o.name} is already in the console (not imported again)` });
    return false;
  });
  for (let i = 0; i < fresh.length; i += 500) {
    const chunk = fresh.slice(i, i + 500);
    ctx.store.write(actorOf(ctx), at, (emit) => emit({ type: 'orders.imported', payload: { orders: chunk } }));
  }
  return { imported: fresh.length, rejected: rejected.sort((a, b) => a.row - b.row) };
}
