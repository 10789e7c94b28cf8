import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp, tempDir } from '../../../support/app';
import { shopifyRuntime } from '../../../../electron/capabilities/shopify/handlers';
import { FULFILLMENTS_OF_ORDER } from '../../../../electron/capabilities/shopify/documents';
import { waitFor } from './helpers';

const dir = tempDir();
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Fo = { fulfillmentOrder: { status: string; fulfillments: { nodes: Array<{ id: string; trackingInfo: Array<{ number: string }> }> } } };

describe('the demo store across a console restart', () => {
  it('keeps its fulfillments: a parcel synced before the restart is still in Shopify after it, with its re-linked number', { timeout: 60_000 }, async () => {
    let app = await demoApp({ dataDir: dir, demoOrders: 5, demoShopify: true });
    const r = await api(app, 'pick.scan', { code: '#1001' });
    if (r.outcome !== 'issued') throw new Error(r.outcome);
    await waitFor(async () => (await api(app, 'shopify.parcel', { parcelId: r.parcel.id }))?.state === 'synced', 'synced');
    const relinked = await api(app, 'parcel.relink', { parcelId: r.parcel.id, reason: 'label unreadable' });
    await waitFor(async () => (await api(app, 'shopify.parcel', { parcelId: r.parcel.id }))?.sentNumber === relinked.newNumber, 'update synced');
    const foGid = app.store.read.shopify.parcel(r.parcel.id)!.foGid;
    await app.close();
    expect(existsSync(join(dir, 'shopify-emulator', 'demo-store.json'))).toBe(true);

    app = await demoApp({ dataDir: dir });
    try {
      const fo = await shopifyRuntime(app.env).client('demo-store').request<Fo>('FulfillmentsOfFulfillmentOrder', FULFILLMENTS_OF_ORDER, { id: foGid });
      expect(fo.fulfillmentOrder.status).toBe('CLOSED');
      expect(fo.fulfillmentOrder.fulfillments.nodes.map((f) => f.trackingInfo.map((t) => t.number))).toEqual([[relinked.newNumber]]);
      // The intake after the restart does not bring the shipped order back.
      expect((await api(app, 'shopify.intake', { storeId: 'demo-store' })).imported).toBe(0);
      expect((await api(app, 'shopify.status', {})).counts).toEqual({ synced: 1 });
      // The fulfillment requests are still waiting to be answered.
      expect((await api(app, 'shopify.requests', { storeId: 'demo-store' })).requests.map((q) => [q.orderName, q.state])).toEqual([
        ['#1006', 'pending'],
        ['#1007', 'pending'],
        ['#1008', 'pending'],
      ]);
    } finally {
      await app.close();
    }
  });
});
