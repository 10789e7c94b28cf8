import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { dispatchApp, pickOn } from './fixtures';

let app: Awaited<ReturnType<typeof dispatchApp>>;
beforeAll(async () => {
  app = await dispatchApp({ orders: 40 });
});
afterAll(async () => app?.dispose());

describe('the dispatch screen asks for the last parcels loaded, not the whole manifest', () => {
  it('recent: n answers the last n loaded in load order, with the whole count in the header', async () => {
    const picked = await pickOn(app, 'ups', 9);
    const m = await api(app, 'dispatch.open', { lineId: 'ups', pickupDate: '2026-11-27' });
    for (const p of picked) expect((await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber })).outcome).toBe('loaded');
    const whole = await api(app, 'dispatch.manifest', { manifestId: m.id });
    const last = await api(app, 'dispatch.manifest', { manifestId: m.id, recent: 6 });
    expect(whole.parcels.map((p) => p.trackingNumber)).toEqual(picked.map((p) => p.trackingNumber));
    expect(last.parcels).toEqual(whole.parcels.slice(-6));
    expect(last.manifest.parcels).toBe(9);
    expect(last.bags).toEqual(whole.bags);
  });
});
