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

    const two = app.store.read.orders.byName('WEB-5002');
    expect(two).toHaveLength(1);
    expect(two[0]).toMatchObject({ store: 'web', status: 'open', lineId: 'ups', source: 'file', email: null });
    expect(two[0].shipTo).toEqual({
      name: 'Bo Chen',
      company: 'Acme',
      address1: '2 High St',
      address2: 'Unit 3',
      city: 'London',
      zip: 'N1 9GU',
      country: 'GB',
      phone: '+44 20 7946 0000',
    });
    expect(app.store.read.orders.items(two[0].id).map((i) => [i.sku, i.title, i.quantity])).toEqual([
      ['TEE-1', 'Tee', 2],
      ['SOCK-1', 'Socks', 3],
    ]);
    expect(app.store.read.orders.byName('WEB-5004')).toEqual([]);
    expect(app.store.read.orders.byName('WEB-5005')).toEqual([]);
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
    expect(app.store.read.orders.byName('WEB-5001')).toHaveLength(1);
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
      { row: 3, reason: 'shipTo.country: country must be an ISO 3166-1 two-letter code, e.g. US, GB, DE, CN' },
      { row: 4, reason: 'order J-1 appears twice in the file: rows 1 and 4; only row 1 was taken' },
      { row: 5, reason: expect.stringMatching(/^email: /) },
    ]);
    const [j1] = app.store.read.orders.byName('J-1');
    expect(j1).toMatchObject({ store: 'local', lineId: 'postal-s10', status: 'open' });
    const picked = await api(app, 'pick.scan', { code: 'J-1' });
    expect(picked.outcome).toBe('issued');
  });

  it('accepts {"orders": [...]}', async () => {
    const r = await api(app, 'orders.import', { format: 'json', text: JSON.stringify({ orders: [order('J-10'), order('J-11')] }) });
    expect(r).toMatchObject({ imported: 2, rejected: [] });
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

describe('orders.import: every bad file case, row by row', () => {
  const row = (order: string, extra = '') => `${order},postal-s10,,Gus Hale,,7 Bay Rd,,Dublin,,D02 X285,IE,,SKU-${order},,Scarf,1${extra}`;
  const b64 = (b: Buffer) => b.toString('base64');

  it('a row with an extra field is refused alone; the good rows are imported', async () => {
    const text = [HEADER, row('X-1'), row('X-2', ',surplus'), row('X-3')].join('\n');
    const r = await api(app, 'orders.import', { format: 'csv', text });
    expect(r.imported).toBe(2);
    expect(r.rejected).toEqual([
      { row: 3, reason: 'row 3 has 17 fields but the header has 16: a comma inside a field needs the field in double quotes. The row was not imported.' },
    ]);
  });

  it('UTF-16 (with or without BOM) is detected, named and read', async () => {
    const text = [HEADER, row('U16-1').replace('Gus Hale', 'Zoë Ørsted')].join('\n');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await api(app, 'orders.import', { format: 'csv', base64: b64(le) });
    expect(r).toMatchObject({ imported: 1, rejected: [], encoding: 'UTF-16LE' });
    expect(app.store.read.orders.byName('U16-1')[0].shipTo.name).toBe('Zoë Ørsted');
    const noBom = Buffer.from([HEADER, row('U16-2')].join('\n'), 'utf16le');
    expect(await api(app, 'orders.import', { format: 'csv', base64: b64(noBom) })).toMatchObject({ imported: 1, encoding: 'UTF-16LE' });
    // UTF-16 decoded as if it were UTF-8 by whoever sent the text: refused, named, nothing imported.
    const wrong = await invoke(app.handlers, 'orders.import', { format: 'csv', text: noBom.toString('utf8') });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('looks like UTF-16');
  });

  it('Windows-1252 is refused with the lines it is on, never imported as mojibake', async () => {
    const text = [HEADER, row('W-1'), row('W-2').replace('Gus Hale', 'Renée Müller')].join('\r\n');
    const cp1252 = Buffer.from(text, 'latin1');
    const r = await invoke(app.handlers, 'orders.import', { format: 'csv', base64: b64(cp1252) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('Windows-1252');
      expect(r.error.message).toContain('line 3');
      expect(r.error.message).toContain('Nothing was imported');
    }
    expect(app.store.read.orders.byName('W-1')).toEqual([]);
    // Already decoded wrongly into U+FFFD by a client: refused the same way.
    const mangled = await invoke(app.handlers, 'orders.import', { format: 'csv', text: cp1252.toString('utf8') });
    expect(mangled.ok).toBe(false);
    if (!mangled.ok) expect(mangled.error.message).toContain('Windows-1252');
  });

  it('one order name with two recipients is refused naming both rows; the same recipient over two rows is one order', async () => {
    const text = [
      HEADER,
      row('D-1'),
      row('D-1').replace('Gus Hale', 'Ivy Ng').replace('SKU-D-1', 'SKU-D-1b'),
      row('D-2'),
      row('D-2').replace('SKU-D-2', 'SKU-D-2b'),
    ].join('\n');
    const r = await api(app, 'orders.import', { format: 'csv', text });
    expect(r.imported).toBe(1);
    expect(r.rejected).toEqual([
      {
        row: 2,
        reason:
          'order D-1: row 3 ships to Ivy Ng, 7 Bay Rd, Dublin, IE but row 2 ships to Gus Hale, 7 Bay Rd, Dublin, IE. One order name cannot have two recipients: give them different order names. Rows 2 and 3 were not imported.',
      },
    ]);
    expect(app.store.read.orders.items(app.store.read.orders.byName('D-2')[0].id)).toHaveLength(2);
  });

  it('a bad item is reported on its own row, in words', async () => {
    const text = [HEADER, row('I-1'), row('I-1').replace(',Scarf,1', ',Scarf,two')].join('\n');
    const r = await api(app, 'orders.import', { format: 'csv', text });
    expect(r.imported).toBe(0);
    expect(r.rejected).toEqual([{ row: 3, reason: 'quantity: quantity must be a whole number (order I-1)' }]);
  });

  it('countries are ISO 3166-1 alpha-2 codes: "=1", "UK" and "XX" are refused, "gb" is GB', async () => {
    const text = [
      HEADER,
      row('C-1').replace(',IE,', ',=1,'),
      row('C-2').replace(',IE,', ',UK,'),
      row('C-3').replace(',IE,', ',XX,'),
      row('C-4').replace(',IE,', ',gb,'),
    ].join('\n');
    const r = await api(app, 'orders.import', { format: 'csv', text, store: 'iso' });
    expect(r.imported).toBe(1);
    expect(r.rejected.map((x) => [x.row, x.reason])).toEqual([
      [2, 'shipTo.country: country "=1" is not an ISO 3166-1 two-letter code: use e.g. US, GB, DE, CN'],
      [3, 'shipTo.country: country "UK" is not an ISO 3166-1 two-letter code (for UK use GB): use e.g. US, GB, DE, CN'],
      [4, 'shipTo.country: country "XX" is not an ISO 3166-1 two-letter code: use e.g. US, GB, DE, CN'],
    ]);
    expect(app.store.read.orders.byName('C-4').find((o) => o.store === 'iso')?.shipTo.country).toBe('GB');
  });

  it('an import that stopped midway is completed by importing the file again: what is in is named, nothing twice', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`R-${i}`));
    const half = [HEADER, ...rows.slice(0, 12)].join('\n');
    await api(app, 'orders.import', { format: 'csv', text: half, store: 'resume' });
    const r = await api(app, 'orders.import', { format: 'csv', text: [HEADER, ...rows].join('\n'), store: 'resume' });
    expect(r).toMatchObject({ imported: 18, alreadyIn: 12 });
    for (let i = 0; i < 30; i++) expect(app.store.read.orders.byName(`R-${i}`).filter((o) => o.store === 'resume')).toHaveLength(1);
  });
});

describe('orders.import: a large JSON file', () => {
  it('is read on a worker thread: the event loop keeps turning while 30,000 orders are parsed and imported', async () => {
    const orders = Array.from({ length: 30_000 }, (_, i) => ({
      name: `BIG-${i}`,
      line: 'ups',
      shipTo: { name: 'Hal Ito', address1: '8 Pier St', city: 'Osaka', zip: '530-0001', country: 'JP' },
      items: [{ sku: `BIG-${i}`, title: 'Tea', quantity: 1 }],
    }));
    let longest = 0;
    let last = performance.now();
    let running = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const r = await api(app, 'orders.import', { format: 'json', text: JSON.stringify(orders), store: 'big' }).finally(() => (running = false));
    expect(r).toMatchObject({ imported: 30_000, rejected: [] });
    // Generous for a shared test machine; a synchronous import of this file holds the loop for seconds.
    expect(longest).toBeLessThan(1500);
  }, 60_000);
});

describe('orders.import: a large file sent as bytes', () => {
  const HEAD = 'order,line,email,name,company,address1,address2,city,province,zip,country,phone,sku,barcode,title,quantity';
  const many = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => `${prefix}${i},ups,,Lee Ann,,1 Main St,,Austin,TX,78701,US,,S-${i},,Mug with a long enough title to fill the file,1`);

  it('is decoded in slices; UTF-8 reads, and one Windows-1252 byte near the end is named by its line', async () => {
    const rows = many(60_000, 'L8-');
    const ok = Buffer.from([HEAD, ...rows].join('\n'), 'utf8');
    expect(ok.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(await api(app, 'orders.import', { format: 'csv', base64: ok.toString('base64'), store: 'l8' })).toMatchObject({
      imported: 60_000,
      encoding: 'UTF-8',
    });
    const bad = Buffer.concat([
      Buffer.from([HEAD, ...many(60_000, 'L9-')].join('\n') + '\n', 'utf8'),
      Buffer.from('L9-x,ups,,Ren\xe9e,,1 Main St,,Austin,TX,78701,US,,S-x,,Mug,1', 'latin1'),
    ]);
    const r = await invoke(app.handlers, 'orders.import', { format: 'csv', base64: bad.toString('base64'), store: 'l9' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Windows-1252 (or another single-byte code page), not UTF-8: the characters on line 60002');
    expect(app.store.read.orders.byName('L9-1')).toEqual([]);
  }, 60_000);
});
