import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { dispatchApp, pickOn } from './fixtures';

let app: Awaited<ReturnType<typeof dispatchApp>> | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const postalAlerts = async () => (await api(app!, 'dispatch.board', {})).alerts.filter((a) => a.lineId === 'postal-s10');

describe('pickup overdue only when a pickup was really due', () => {
  it('a Sunday (no pickup in the postal calendar) raises nothing, and a manifest opened then is for Monday', async () => {
    app = await dispatchApp({ orders: 30 });
    app.clock.set(new Date('2026-11-29T04:00:00.000Z')); // Sun 29 Nov 12:00 Shanghai
    await pickOn(app, 'postal-s10', 2);
    const m = await api(app, 'dispatch.open', { lineId: 'postal-s10' });
    expect(m).toMatchObject({ pickupDate: '2026-11-30', expectedPickupAt: '2026-11-30T09:30:00.000Z' });
    app.clock.set(new Date('2026-11-29T12:00:00.000Z')); // Sun 20:00, past the old 17:00 fallback
    expect(await postalAlerts()).toEqual([]);
    expect((await api(app, 'dispatch.board', {})).manifests.find((x) => x.id === m.id)!.overdue).toBe(false);
  });

  it('a missed pickup alarms; the late handover (on a manifest for the next pickup) clears it, and parcels picked after it are not overdue', async () => {
    app = await dispatchApp({ orders: 30 });
    const morning = await pickOn(app, 'postal-s10', 3); // Fri 09:00, for Friday's 17:30 pickup
    app.clock.set(new Date('2026-11-27T11:00:00.000Z')); // Fri 19:00
    const [alert] = await postalAlerts();
    expect(alert.message).toMatch(/^Pickup overdue: 3 .* parcels due at 17:30, not handed over\.$/);
    const m = await api(app, 'dispatch.open', { lineId: 'postal-s10' });
    expect(m.pickupDate).toBe('2026-11-30');
    for (const p of morning) await api(app, 'dispatch.scan', { manifestId: m.id, code: p.trackingNumber });
    const closed = await api(app, 'dispatch.close', { manifestId: m.id });
    app.clock.set(new Date('2026-11-27T11:30:00.000Z'));
    await api(app, 'dispatch.handover', { code: closed.manifest.number!, driver: 'Li Wei', via: 'driver_scan' });
    app.clock.set(new Date('2026-11-27T11:45:00.000Z'));
    await pickOn(app, 'postal-s10', 2); // for Monday's pickup
    app.clock.set(new Date('2026-11-27T12:00:00.000Z'));
    expect(await postalAlerts()).toEqual([]);
  });

  it("says the due time in the site's clock style (12-hour when the site says so)", async () => {
    app = await dispatchApp({ orders: 30 });
    await pickOn(app, 'postal-s10', 1);
    await api(app, 'site.clock.save', { clock: '12h' });
    app.clock.set(new Date('2026-11-27T11:00:00.000Z')); // Fri 19:00
    const [alert] = await postalAlerts();
    expect(alert.message).toMatch(/due at 5:30 PM, not handed over\.$/);
  });
});
