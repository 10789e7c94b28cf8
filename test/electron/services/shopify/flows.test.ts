import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { planShopifyEvent } from '../../../../electron/services/shopify/plan-event';
import { shopifyJobHandler } from '../../../../electron/services/shopify/handler';
import type { JobRow } from '../../../../db/readers/jobs';
import { shopApp, waitFor } from './helpers';

type Ctx = Awaited<ReturnType<typeof shopApp>>;
let t: Ctx | null = null;
afterEach(async () => {
  await t?.app.dispose();
  await t?.emu.close();
  t = null;
});

describe('Shopify milestones and the fulfillment-service flow', () => {
  it('planShopifyEvent queues fulfillmentEventCreate for Shopify parcels only, and a retry does not send it twice', async () => {
    t = await shopApp({ orders: 3 });
    const r = await api(t.app, 'pick.scan', { code: '#1001' });
    if (r.outcome !== 'issued') throw new Error(r.outcome);
    await waitFor(async () => (await api(t!.app, 'shopify.parcel', { parcelId: r.parcel.id }))?.state === 'synced', 'synced');
    const at = new Date('2026-11-27T09:30:00Z');
    const [draft] = planShopifyEvent(t.app.ctx, r.parcel.id, 'CARRIER_PICKED_UP', at);
    expect(draft).toMatchObject({ kind: 'shopify.fulfillment_event', ref: r.parcel.id, payload: { status: 'CARRIER_PICKED_UP', happenedAt: at.toISOString() } });
    expect(draft.target).toMatch(/^shopify:shop:/);
    expect(planShopifyEvent(t.app.ctx, 'pcl_nope', 'DELIVERED', at)).toEqual([]);

    const handler = shopifyJobHandler(t.rt);
    const row = (attempts: number): JobRow => ({ ...draft, status: 'queued', attempts, nextAt: at.toISOString(), lastError: null, result: null, createdAt: at.toISOString(), doneAt: null });
    const first = await handler.run(row(0));
    expect(first.result).toMatchObject({ found: false });
    // Its answer "lost": the retry looks first and finds the event.
    const again = await handler.run(row(1));
    expect(again.result).toMatchObject({ eventGid: first.result.eventGid, found: true });
    const f = [...t.emu.state.fulfillments.values()][0];
    expect(f.events.map((e) => e.status)).toEqual(['CARRIER_PICKED_UP']);
    expect(f.displayStatus).toBe('CARRIER_PICKED_UP');
  });

  it('fulfillment-service flow: a fulfillment request is listed, accepted, then taken in by the intake', async () => {
    t = await shopApp({ orders: 2 });
    const fos = [...t.emu.state.fulfillmentOrders.values()].filter((fo) => fo.locationId === t!.emu.state.locations[0].id);
    await api(t.app, 'shopify.connect', { id: 'svc', shopDomain: t.emu.shopDomain, endpoint: t.emu.url, flow: 'service', accessToken: t.emu.accessToken, defaultLineId: 'ups' });
    // The merchant's own store already holds these orders as 'shop'; 'svc' sees them as requests.
    t.emu.state.submitFulfillmentRequest(fos[0].id, 'please ship');
    t.emu.state.submitFulfillmentRequest(fos[1].id, 'please ship');
    const pending = await api(t.app, 'shopify.requests', { storeId: 'svc' });
    expect(pending.map((p) => p.orderName).sort()).toEqual(['#1001', '#1002'].sort());
    expect(await api(t.app, 'shopify.requests.answer', { storeId: 'svc', foGid: pending[0].foGid, accept: true })).toMatchObject({ requestStatus: 'ACCEPTED' });
    expect(await api(t.app, 'shopify.requests.answer', { storeId: 'svc', foGid: pending[1].foGid, accept: false, message: 'out of stock' })).toMatchObject({ requestStatus: 'REJECTED' });
    const intake = await api(t.app, 'shopify.intake', { storeId: 'svc' });
    expect(intake.imported).toBe(1);
    expect(t.app.store.orders.list({ limit: 50 }).filter((o) => o.store === 'svc').map((o) => o.name)).toEqual([pending[0].orderName]);
  });
});
