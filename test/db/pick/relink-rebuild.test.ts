import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../../support/app';
import { dumpProjections, rebuildProjections } from '../../../db/rebuild';
import { shopApp, waitFor } from '../../electron/capabilities/shopify/helpers';
import { sqliteOf } from '../../../db/core/handle';

type Ctx = Awaited<ReturnType<typeof shopApp>>;
let t: Ctx | null = null;
afterAll(async () => {
  await t?.app.dispose();
  await t?.emu.close();
});

describe('re-links and fulfillment request answers rebuild to the live state', () => {
  it('rebuild == live after re-links (update, create rewritten, lost create, other line) and request answers', { timeout: 60_000 }, async () => {
    t = await shopApp({ orders: 8 });
    const app = t.app;
    const picked: Array<{ id: string; trackingNumber: string }> = [];
    for (const code of ['#1001', '#1002', '#1003']) {
      const r = await api(app, 'pick.scan', { code });
      if (r.outcome !== 'issued') throw new Error(code);
      picked.push(r.parcel);
    }
    const synced = async (id: string, n?: string) => {
      const s = await api(app, 'shopify.parcel', { parcelId: id });
      return s?.state === 'synced' && (!n || s.sentNumber === n);
    };
    for (const p of picked) await waitFor(() => synced(p.id), 'synced');
    // 1. After the fulfillment exists: a tracking update; twice, so the newest settles it.
    await api(app, 'parcel.relink', { parcelId: picked[0].id, reason: 'label torn' });
    const twice = await api(app, 'parcel.relink', { parcelId: picked[0].id, reason: 'torn again', lineId: 'express-dhl' });
    // 2. Offline, before the create: the create is rewritten.
    t.emu.setOffline(true);
    const r4 = await api(app, 'pick.scan', { code: '#1004' });
    if (r4.outcome !== 'issued') throw new Error('#1004');
    const rewritten = await api(app, 'parcel.relink', { parcelId: r4.parcel.id, reason: 'wrong label' });
    t.emu.setOffline(false);
    // 3. A create whose answer is lost, re-linked while it waits to retry: found, then updated.
    t.emu.setFaults(1, ['timeout-after']);
    const r5 = await api(app, 'pick.scan', { code: '#1005' });
    if (r5.outcome !== 'issued') throw new Error('#1005');
    await waitFor(() => [...t!.emu.state.fulfillments.values()].some((f) => f.trackingInfo[0]?.number === r5.parcel.trackingNumber), 'lost create');
    const lost = await api(app, 'parcel.relink', { parcelId: r5.parcel.id, reason: 'number refused' });
    t.emu.setFaults(0);
    // 4. Fulfillment requests: accepted, rejected, refused by Shopify.
    await api(app, 'shopify.connect', {
      id: 'svc',
      shopDomain: t.emu.shopDomain,
      endpoint: t.emu.url,
      flow: 'service',
      accessToken: t.emu.accessToken,
      defaultLineId: 'ups',
    });
    const open = [...t.emu.state.fulfillmentOrders.values()].filter((fo) => fo.status === 'OPEN').slice(0, 3);
    for (const fo of open) t.emu.state.submitFulfillmentRequest(fo.id);
    const { requests } = await api(app, 'shopify.requests', { storeId: 'svc' });
    t.emu.state.fulfillmentOrder(requests[2].foGid)!.requestStatus = 'CLOSED';
    await api(app, 'shopify.requests.answer', { storeId: 'svc', foGid: requests[0].foGid, accept: true });
    await api(app, 'shopify.requests.answer', { storeId: 'svc', foGid: requests[1].foGid, accept: false, message: 'no stock' });
    await api(app, 'shopify.requests.answer', { storeId: 'svc', foGid: requests[2].foGid, accept: true });

    await waitFor(
      async () =>
        (await synced(picked[0].id, twice.newNumber)) && (await synced(r4.parcel.id, rewritten.newNumber)) && (await synced(r5.parcel.id, lost.newNumber)),
      'all synced',
    );
    await waitFor(async () => (await api(app, 'shopify.requests', { storeId: 'svc' })).requests.every((q) => q.state !== 'queued'), 'answers settled');
    await waitFor(() => app.store.read.jobs.depth('shopify.').queued === 0, 'outbox drained');
    expect((await api(app, 'shopify.requests', { storeId: 'svc' })).requests.map((q) => q.state).sort()).toEqual(['accepted', 'refused', 'rejected']);
    expect(t.emu.state.fulfillments.size).toBe(5);

    const live = dumpProjections(sqliteOf(app.store));
    expect(live.shopify_requests).toHaveLength(3);
    expect(rebuildProjections(sqliteOf(app.store)).events).toBeGreaterThan(20);
    expect(dumpProjections(sqliteOf(app.store))).toEqual(live);
  });
});
