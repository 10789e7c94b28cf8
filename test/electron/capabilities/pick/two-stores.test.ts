import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';

let app: Awaited<ReturnType<typeof demoApp>>;
afterEach(async () => app?.dispose());

const ship = { name: 'Ana North', address1: '1 Fjord Rd', city: 'Bergen', zip: '5003', country: 'NO' };
const northOrders = (names: string[]) =>
  JSON.stringify(names.map((name) => ({ name, line: 'postal-s10', shipTo: ship, items: [{ sku: 'N-1', title: 'Wool socks', quantity: 1 }] })));

/** The demo store and a second store whose numbers also start at #1001. */
async function twoStores() {
  app = await demoApp({ runJobs: false });
  const r = await api(app, 'orders.import', { format: 'json', text: northOrders(['#1006', '#1007', '#1008']), store: 'north-shop' });
  expect(r.imported).toBe(3);
}

describe('one order number in two stores', () => {
  it('skips the order that is not open: the only open #1007 is picked', async () => {
    await twoStores();
    const demo = await api(app, 'pick.scan', { code: '#1007', choice: app.store.read.orders.byName('#1007').find((o) => o.store !== 'north-shop')!.id });
    expect(demo.outcome).toBe('issued');
    const r = await api(app, 'pick.scan', { code: '#1007' });
    expect(r.outcome).toBe('issued');
    if (r.outcome === 'issued') expect(r.shipTo).toContain('Ana North');
  });

  it('offers both candidates with their store names and pick-slip barcodes', async () => {
    await twoStores();
    const r = await api(app, 'pick.scan', { code: '#1006' });
    expect(r.outcome).toBe('ambiguous');
    if (r.outcome !== 'ambiguous') return;
    expect(r.message).toBe('#1006 is an open order of 2 stores.');
    expect(r.next).toMatch(/scan the store's barcode/);
    expect(r.candidates.map((c) => [c.store, c.storeBarcode]).sort()).toEqual([
      ['Firstscan Demo Store', 'STORE-DEMO-STORE'],
      ['north-shop', 'STORE-NORTH-SHOP'],
    ]);
  });

  it('picks the candidate chosen by touch or by the store barcode, and refuses a barcode of another store', async () => {
    await twoStores();
    const north = app.store.read.orders.byName('#1006').find((o) => o.store === 'north-shop')!;
    const touched = await api(app, 'pick.scan', { code: '#1006', choice: north.id });
    expect(touched.outcome === 'issued' && touched.parcel.orderId).toBe(north.id);

    const wrong = await api(app, 'pick.scan', { code: '#1008', choice: 'STORE-SOUTH' });
    expect(wrong.outcome).toBe('ambiguous');
    if (wrong.outcome === 'ambiguous') expect(wrong.next).toMatch(/^"STORE-SOUTH" is not one of these/);
    const scanned = await api(app, 'pick.scan', { code: '#1008', choice: 'STORE-NORTH-SHOP' });
    expect(scanned.outcome === 'issued' && scanned.parcel.orderId).toBe(app.store.read.orders.byName('#1008').find((o) => o.store === 'north-shop')!.id);
  });

  it('answers a store barcode scanned on its own with what to do', async () => {
    await twoStores();
    const r = await api(app, 'pick.scan', { code: 'STORE-NORTH-SHOP' });
    expect(r.outcome === 'refused' && r.next).toMatch(/Scan the order number first/);
  });

  it('lists every store with its pick-slip barcode as a Code 128 image', async () => {
    await twoStores();
    const stores = await api(app, 'pick.stores', {});
    expect(stores.map((s) => s.barcode)).toEqual(['STORE-DEMO-STORE', 'STORE-NORTH-SHOP']);
    expect(Buffer.from(stores[0].pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });
});
