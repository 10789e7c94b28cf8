import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../../../../electron/core/clock';
import { localDate } from '../../../../../electron/capabilities/station/zone';
import { api, demoApp } from '../../../../support/app';

let app: Awaited<ReturnType<typeof demoApp>>;
afterEach(async () => app?.dispose());

describe('the label’s SHIP date', () => {
  it('is the day of the pickup the parcel makes, not the day it was picked', async () => {
    // Friday 20:00 in Shanghai: past every demo line's cut-off, so parcels leave on a later day.
    app = await demoApp({ runJobs: false, demoOrders: 20, testClock: new SettableClock(new Date('2026-11-27T12:00:00.000Z')) });
    const order = app.store.read.orders.list({ status: 'open', limit: 100 }).find((o) => o.lineId === 'express-dhl')!;
    const r = await api(app, 'pick.scan', { code: order.name });
    if (r.outcome !== 'issued') return expect.fail(r.outcome);
    expect(r.parcel.pickupAt).toBeTruthy();
    const shipDay = localDate(new Date(r.parcel.pickupAt!), 'Asia/Shanghai');
    expect(shipDay).not.toBe('2026-11-27');
    const { zpl } = await api(app, 'labels.preview', { parcelId: r.parcel.id });
    expect(zpl).toContain(`SHIP ${shipDay}`);
    expect(zpl).not.toContain('SHIP 2026-11-27');
    expect(zpl).toContain('^FDDHL Express^FS');
  });
});
