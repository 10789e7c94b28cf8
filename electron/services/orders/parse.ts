import { parse } from 'csv-parse/sync';

/**
 * CSV columns (header row required, one row per item): order, line, email, name, company,
 * address1, address2, city, province, zip, country, phone, sku, barcode, title, quantity.
 * Rows of one order share the order column; the address is taken from its first row.
 */
export function csvToOrders(text: string): Array<{ row: number; order: unknown }> {
  const records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true }) as Array<
    Record<string, string>
  >;
  const byName = new Map<string, { row: number; order: Record<string, unknown> & { items: unknown[] } }>();
  records.forEach((r, i) => {
    const name = r.order ?? r.name_of_order ?? '';
    let entry = byName.get(name);
    if (!entry) {
      const opt = (v?: string) => (v ? v : undefined);
      entry = {
        row: i + 2,
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
          items: [],
        },
      };
      byName.set(name, entry);
    }
    entry.order.items.push({ sku: r.sku, barcode: r.barcode || undefined, title: r.title, quantity: r.quantity });
  });
  return [...byName.values()];
}

export function jsonToOrders(text: string): Array<{ row: number; order: unknown }> {
  const data = JSON.parse(text) as unknown;
  const list = Array.isArray(data) ? data : (data as { orders?: unknown[] })?.orders;
  if (!Array.isArray(list)) throw new Error('expected a JSON array of orders, or {"orders": [...]}');
  return list.map((order, i) => ({ row: i + 1, order }));
}
