import type { OrderData } from '../../../db/event-types';
import { newId } from '../../core/ids';
import { addRange, saveLine } from '../lines/save';
import type { ServiceContext } from '../../core/context';
import { seedDemoCutoffs } from '../cutoffs/demo';
import { seedDemoOperators } from '../operators/demo';
import { DEMO_STORE, demoLines, demoProducts, demoRecipients, demoSite } from './data';

/** Deterministic so every newcomer sees the same demo. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** EAN-13 with a correct check digit, so the demo items scan like real ones. */
export function ean13(body12: string): string {
  const sum = [...body12].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return body12 + ((10 - (sum % 10)) % 10);
}

export function demoBarcode(sku: string): string {
  const idx = demoProducts.findIndex((p) => p.sku === sku);
  return ean13(`69012345${String(1000 + idx).padStart(4, '0')}`);
}

/**
 * Where the demo's open orders come from: straight into the console, or ('shopify') from the
 * emulated demo Shopify store, whose intake brings the very same orders in (the shopify capability
 * reads the count from meta `demo_shopify_orders`).
 */
export type DemoOrdersVia = 'console' | 'shopify';

/**
 * The whole demo site in one transaction: a kill at any moment of the first start leaves either
 * nothing (the next start seeds again) or every line, range, calendar and order. Orders that come
 * through the demo Shopify store are taken in by its intake at every start until they are all in.
 */
export function seedDemo(ctx: ServiceContext, opts: { orders?: number; printer?: { host: string; port: number }; ordersVia?: DemoOrdersVia } = {}): void {
  ctx.store.batch(() => seedAll(ctx, opts));
}

function seedAll(ctx: ServiceContext, opts: { orders?: number; printer?: { host: string; port: number }; ordersVia?: DemoOrdersVia }): void {
  const at = ctx.clock.now();
  ctx.store.write('demo', at, (emit) => {
    emit({ type: 'site.configured', payload: demoSite });
    if (opts.printer)
      emit({
        type: 'printer.saved',
        subject: 'demo-printer',
        payload: { printer: { id: 'demo-printer', name: 'Demo label printer', transport: 'tcp9100', language: 'zpl', ...opts.printer } },
      });
    emit({
      type: 'station.configured',
      payload: { stationId: ctx.stationId, settings: { name: 'Pick 1', printerId: opts.printer ? 'demo-printer' : null } },
    });
  });
  for (const { line, range } of demoLines) {
    saveLine(ctx, line);
    addRange(ctx, { lineId: line.id, ...range });
  }
  seedDemoCutoffs(ctx);
  seedDemoOperators(ctx);
  const count = opts.orders ?? 200;
  ctx.store.meta.set('demo', '1');
  if (opts.ordersVia === 'shopify') {
    ctx.store.meta.set('demo_shopify_orders', String(count));
    return;
  }
  const orders = buildDemoOrders(count, at);
  ctx.store.write('demo', at, (emit) => emit({ type: 'orders.imported', payload: { orders } }));
}

/** The demo's open orders: deterministic, '#1001' upwards. */
export function buildDemoOrders(count: number, at: Date): OrderData[] {
  const rnd = prng(20261126);
  const orders: OrderData[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const line = r < 0.6 ? 'postal-s10' : r < 0.85 ? 'express-dhl' : 'ups';
    const nItems = 1 + Math.floor(rnd() * 3);
    const items = Array.from({ length: nItems }, (_, k) => {
      // The first item of each order is unique to it, so scanning it finds exactly one order.
      if (k === 0) {
        const sku = `DEMO-${1001 + i}`;
        return { sku, barcode: ean13(`690999${String(1001 + i).padStart(6, '0')}`), title: `Gift box #${1001 + i}`, quantity: 1 };
      }
      const p = demoProducts[Math.floor(rnd() * demoProducts.length)];
      return { sku: p.sku, barcode: demoBarcode(p.sku), title: p.title, quantity: 1 + Math.floor(rnd() * 2) };
    });
    orders.push({
      id: newId('ord', at),
      store: DEMO_STORE,
      name: `#${1001 + i}`,
      status: 'open',
      lineId: line,
      shipTo: demoRecipients[i % demoRecipients.length],
      email: `buyer${1001 + i}@example.com`,
      createdAt: new Date(at.getTime() - (count - i) * 60_000).toISOString(),
      source: 'demo',
      items,
    });
  }
  return orders;
}
