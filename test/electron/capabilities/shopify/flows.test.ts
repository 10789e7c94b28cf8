import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { planShopifyEvent } from '../../../../electron/capabilities/shopify/plan-event';
import { shopifyJobHandler } from '../../../../electron/capabilities/shopify/handler';
import type { JobRow } from '../../../../db/outbox/reader';
import { shopApp, waitFor } from './helpers';
import { sqliteOf } from '../../../../db/core/handle';

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
    expect(draft).toMatchObject({
      kind: 'shopify.fulfillment_event',
      ref: r.parcel.id,
      payload: { status: 'CARRIER_PICKED_UP', happenedAt: at.toISOString() },
    });
    expect(draft.target).toMatch(/^shopify:shop:/);
    expect(planShopifyEvent(t.app.ctx, 'pcl_nope', 'DELIVERED', at)).toEqual([]);

    const handler = shopifyJobHandler(t.rt);
    const row = (attempts: number): JobRow => ({
      ...draft,
      status: 'queued',
      attempts,
      nextAt: at.toISOString(),
      lastError: null,
      result: null,
      createdAt: at.toISOString(),
      doneAt: null,
    });
    const first = await handler.run(row(0), new AbortController().signal);
    expect(first.result).toMatchObject({ found: false });
    // Its answer "lost": the retry looks first and finds the event.
    const again = await handler.run(row(1), new AbortController().signal);
    expect(again.result).toMatchObject({ eventGid: first.result.eventGid, found: true });
    const f = [...t.emu.state.fulfillments.values()][0];
    expect(f.events.map((e) => e.status)).toEqual(['CARRIER_PICKED_UP']);
    expect(f.displayStatus).toBe('CARRIER_PICKED_UP');
  });

  it('fulfillment-service flow: requests are listed, accepted and rejected through the outbox, the accepted order comes in', async () => {
    t = await shopApp({ orders: 3 });
    const fos = [...t.emu.state.fulfillmentOrders.values()].filter((fo) => fo.locationId === t!.emu.state.locations[0].id);
    await api(t.app, 'shopify.connect', {
      id: 'svc',
      shopDomain: t.emu.shopDomain,
      endpoint: t.emu.url,
      flow: 'service',
      accessToken: t.emu.accessToken,
      defaultLineId: 'ups',
    });
    // The merchant's own store already holds these orders as 'shop'; 'svc' sees them as requests.
    t.emu.state.submitFulfillmentRequest(fos[0].id, 'please ship');
    t.emu.state.submitFulfillmentRequest(fos[1].id, 'please ship');
    const { requests: pending, error } = await api(t.app, 'shopify.requests', { storeId: 'svc' });
    expect(error).toBeNull();
    expect(pending.map((p) => [p.orderName, p.state]).sort()).toEqual([
      ['#1001', 'pending'],
      ['#1002', 'pending'],
    ]);
    const no = await invoke(t.app.handlers, 'shopify.requests.answer', { storeId: 'svc', foGid: pending[1].foGid, accept: false });
    expect(no).toMatchObject({ ok: false, status: 400, error: { issues: [{ path: 'message' }] } });

    expect(await api(t.app, 'shopify.requests.answer', { storeId: 'svc', foGid: pending[0].foGid, accept: true })).toMatchObject({
      state: 'queued',
      orderName: pending[0].orderName,
    });
    expect(await api(t.app, 'shopify.requests.answer', { storeId: 'svc', foGid: pending[1].foGid, accept: false, message: 'out of stock' })).toMatchObject({
      state: 'queued',
    });
    const twice = await invoke(t.app.handlers, 'shopify.requests.answer', { storeId: 'svc', foGid: pending[0].foGid, accept: true });
    expect(twice).toMatchObject({ ok: false, status: 409 });
    const state = async (foGid: string) => (await api(t!.app, 'shopify.requests', { storeId: 'svc' })).requests.find((r) => r.foGid === foGid)?.state;
    await waitFor(async () => (await state(pending[0].foGid)) === 'accepted' && (await state(pending[1].foGid)) === 'rejected', 'answers sent', 8000);
    expect(t.emu.state.fulfillmentOrder(pending[1].foGid)!.merchantMessages.at(-1)).toEqual({ kind: 'FULFILLMENT_REQUEST_REJECTED', message: 'out of stock' });
    // Accepted: its order is taken in at once, without waiting for the periodic intake.
    await waitFor(() => t!.app.store.read.orders.list({ limit: 50 }).some((o) => o.store === 'svc'), 'accepted order taken in', 8000);
    expect(
      t.app.store.read.orders
        .list({ limit: 50 })
        .filter((o) => o.store === 'svc')
        .map((o) => o.name),
    ).toEqual([pending[0].orderName]);
    expect(t.app.store.read.jobs.list({ kindPrefix: 'shopify.request_answer', limit: 10 }).map((j) => j.status)).toEqual(['done', 'done']);
  });

  it("an answer queued offline is sent when Shopify is back; a lost answer is not sent twice; a refusal shows Shopify's message", async () => {
    t = await shopApp({ orders: 3 });
    const [a, b, c] = [...t.emu.state.fulfillmentOrders.values()];
    await api(t.app, 'shopify.connect', {
      id: 'svc',
      shopDomain: t.emu.shopDomain,
      endpoint: t.emu.url,
      flow: 'service',
      accessToken: t.emu.accessToken,
      defaultLineId: 'ups',
    });
    t.emu.state.submitFulfillmentRequest(a.id, null);
    t.emu.state.submitFulfillmentRequest(b.id, null);
    const list = (await api(t.app, 'shopify.requests', { storeId: 'svc' })).requests;
    expect(list).toHaveLength(2);

    // Offline: the answer is kept and shown queued, with why Shopify could not be asked.
    t.emu.setOffline(true);
    await api(t.app, 'shopify.requests.answer', { storeId: 'svc', foGid: list[0].foGid, accept: true });
    const offline = await api(t.app, 'shopify.requests', { storeId: 'svc' });
    expect(offline.error).toMatch(/could not be asked/);
    expect(offline.requests.map((r) => [r.orderName, r.state])).toEqual([[list[0].orderName, 'queued']]);
    // Its answer is applied but never heard: the retry reads the request status and stops there.
    t.emu.setFaults(1, ['timeout-after']);
    t.emu.setOffline(false);
    await waitFor(() => t!.emu.state.fulfillmentOrder(list[0].foGid)!.requestStatus === 'ACCEPTED', 'answer applied');
    t.emu.setFaults(0);
    const stateOf = async (foGid: string) => (await api(t!.app, 'shopify.requests', { storeId: 'svc' })).requests.find((r) => r.foGid === foGid);
    await waitFor(async () => (await stateOf(list[0].foGid))?.state === 'accepted', 'accepted');
    expect(t.emu.state.fulfillmentOrder(list[0].foGid)!.merchantMessages.filter((m) => m.kind === 'FULFILLMENT_REQUEST_ACCEPTED')).toHaveLength(1);
    const answered = sqliteOf(t.app.store).prepare("SELECT payload FROM events WHERE type = 'shopify.request_answered'").all() as Array<{ payload: string }>;
    expect(answered.map((r) => JSON.parse(r.payload).found)).toEqual([true]);

    // A request the merchant withdrew meanwhile: Shopify refuses, the screen shows its message.
    t.emu.state.fulfillmentOrder(list[1].foGid)!.requestStatus = 'CANCELLATION_ACCEPTED';
    await api(t.app, 'shopify.requests.answer', { storeId: 'svc', foGid: list[1].foGid, accept: false, message: 'no stock' });
    await waitFor(async () => (await stateOf(list[1].foGid))?.state === 'refused', 'refused');
    expect((await stateOf(list[1].foGid))?.error).toBe(
      'Shopify refused: Cannot reject a fulfillment request for a fulfillment order with request status cancellation_accepted.',
    );
    expect(c.requestStatus).toBe('UNSUBMITTED');
  });
});
