import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';

let app: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  app = await demoApp({ runJobs: false, demoOrders: 5 });
});
afterAll(async () => app?.dispose());

const HEADER = 'order,line,email,name,company,address1,address2,city,province,zip,country,phone,sku,barcode,title,quantity';
// Row numbers as a spreadsheet shows them: the header is row 1.
const CSV = [
  HEADER,
  'WEB-5001,postal-s10,ann@example.com,Ann Lee,,1 Main St,,Portland,OR,97201,US,,MUG-1,4006381333931,Mug,1', // row 2
  'WEB-5002,ups,,Bo Chen,Acme,2 High St,Unit 3,London,,N1 9GU,GB,+44 20 7946 0000,TEE-1,,Tee,2', // row 3
  'WEB-5002,ups,,Bo Chen,Acme,2 High St,Unit 3,London,,N1 9GU,GB,+44 20 7946 0000,SOCK-1,,Socks,3', // row 4: 2nd item of WEB-5002
  'WEB-5003,express-dhl,,Cy Diaz,,3 Low Rd,,Madrid,,28001,ES,,LAMP-1,,Lamp,1', // row 5
  'WEB-5004,postal-s10,,Di Eng,,4 Side St,,,,10115,DE,,PEN-1,,Pens,1', // row 6: no city
  'WEB-5005,fedex-air,,Ed Fox,,5 Top St,,Paris,,75001,FR,,CUP-1,,Cup,1', // row 7: unknown line
].join('\n');

describe('orders.import (CSV)', () => {
  it('imports the good orders and lists each bad row with its number and what is wrong', async () => {
    const r = await api(app, 'orders.import', { format: 'csv', text: CSV, store: 'web' });
    expect(r.imported).toBe(3);
    expect(r.rejected.map((x) => x.row)).toEqual([6, 7]);
    expect(r.rejected[0].reason).toBe('shipTo.city: city is missing');
    expect(r.rejected[1].reason).toMatch(/^order WEB-5005: unknown carrier line "fedex-air" \(known: .*postal-s10.*\)$/);

    const two = app.store.orders.byName('WEB-5002');
    expect(two).toHaveLength(1);
    expect(two[0]).toMatchObject({ store: 'web', status: 'open', lineId: 'ups', source: 'file', email: null });
    expect(two[0].shipTo).toEqual({ name: 'Bo Chen', company: 'Acme', address1: '2 High St', address2: 'Unit 3', city: 'London', zip: 'N1 9GU', country: 'GB', phone: '+44 20 7946 0000' });
    expect(app.store.orders.items(two[0].id).map((i) => [i.sku, i.title, i.quantity])).toEqual([
      ['TEE-1', 'Tee', 2],
      ['SOCK-1', 'Socks', 3],
    ]);
    expect(app.store.orders.byName('WEB-5004')).toEqual([]);
    expect(app.store.orders.byName('WEB-5005')).toEqual([]);
  });

  it('imports nothing the second time and says the orders are already in the console, with their rows', async () => {
    const r = await api(app, 'orders.import', { format: 'csv', text: CSV, store: 'web' });
    expect(r.imported).toBe(0);
    const again = r.rejected.filter((x) => x.reason.includes('already in the console'));
    expect(again.map((x) => x.reason)).toEqual([
      'order WEB-5001 is already in the console (not imported again)',
      'order WEB-5002 is already in the console (not imported again)',
      'order WEB-5003 is already in the console (not imported again)',
    ]);
    expect(again.map((x) => x.row)).toEqual([2, 3, 5]);
    expect(r.rejected.map((x) => x.row)).toEqual([2, 3, 5, 6, 7]);
    expect(app.store.orders.byName('WEB-5001')).toHaveLength(1);
  });

  it('lets the imported orders be picked by name', async () => {
    for (const name of ['WEB-5001', 'WEB-5002', 'WEB-5003']) {
      const r = await api(app, 'pick.scan', { code: name });
      expect(r.outcome).toBe('issued');
      if (r.outcome === 'issued') expect(r.parcel.orderName).toBe(name);
    }
    const ups = await api(app, 'pick.scan', { code: 'WEB-5002' });
    expect(ups.outcome).toBe('reprinted');
  });

  it('refuses a CSV it cannot read with BAD_INPUT that says to fix the file', async () => {
    const r = await invoke(app.handlers, 'orders.import', { format: 'csv', text: `${HEADER}\n"WEB-6001,postal-s10` });
    expect(r).toMatchObject({ ok: false, status: 400, error: { code: 'BAD_INPUT' } });
    if (!r.ok) expect(r.error.message).toMatch(/^The CSV file could not be read: .+\. Fix the file and import it again\.$/);
  });
});

describe('orders.import (JSON)', () => {
  const order = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    line: 'China Post ePacket', // a line may be named by its display name too
    shipTo: { name: 'Fay Gu', address1: '6 Elm St', city: 'Oslo', zip: '0150', country: 'NO' },
    items: [{ sku: `SKU-${name}`, title: 'Scarf', quantity: 1 }],
    ...extra,
  });

  it('imports an array of orders and rejects bad entries by their 1-based position', async () => {
    const text = JSON.stringify([
      order('J-1'),
      order('J-2', { items: [] }),
      order('J-3', { shipTo: { name: 'X', address1: 'Y', city: 'Z', zip: '1', country: 'Norway' } }),
      order('J-1'),
      order('J-4', { email: 'not-an-email' }),
    ]);
    const r = await api(app, 'orders.import', { format: 'json', text });
    expect(r.imported).toBe(1);
    expect(r.rejected).toEqual([
      { row: 2, reason: 'items: an order needs at least one item' },
      { row: 3, reason: 'shipTo.country: country must be a 2-letter ISO code' },
      { row: 4, reason: 'order J-1 appears twice in the file' },
      { row: 5, reason: expect.stringMatching(/^email: /) },
    ]);
    const [j1] = app.store.orders.byName('J-1');
    expect(j1).toMatchObject({ store: 'local', lineId: 'postal-s10', status: 'open' });
    const picked = await api(app, 'pick.scan', { code: 'J-1' });
    expect(picked.outcome).toBe('issued');
  });

  it('accepts {"orders": [...]}', async () => {
    const r = await api(app, 'orders.import', { format: 'json', text: JSON.stringify({ orders: [order('J-10'), order('J-11')] }) });
    expect(r).toEqual({ imported: 2, rejected: [] });
  });

  it('refuses unreadable JSON with BAD_INPUT that says to fix the file', async () => {
    const r = await invoke(app.handlers, 'orders.import', { format: 'json', text: '[{"name": "J-20",' });
    expect(r).toMatchObject({ ok: false, status: 400, error: { code: 'BAD_INPUT' } });
    if (!r.ok) {
      expect(r.error.message).toMatch(/^The JSON file could not be read: /);
      expect(r.error.message).toContain('Fix the file and import it again.');
    }
  });

  it('refuses JSON that is not a list of orders, saying what it expected', async () => {
    const r = await invoke(app.handlers, 'orders.import', { format: 'json', text: '{"order": {}}' });
    expect(r).toMatchObject({ ok: false, status: 400, error: { code: 'BAD_INPUT' } });
    if (!r.ok) expect(r.error.message).toContain('expected a JSON array of orders, or {"orders": [...]}');
  });
});
