import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { api, demoApp } from '../../../support/app';
import { numberFromSerial } from '../../../../electron/capabilities/numbers/issue';
import { serialOf, spanOf, overlaps } from '../../../../electron/capabilities/numbers/overlap';
import { sqliteOf } from '../../../../db/core/handle';

let app: Awaited<ReturnType<typeof demoApp>> | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const S10 = { format: 's10', serviceIndicator: 'LX', country: 'CN' } as const;
const line = (id: string, name: string, numberSource: 'range' | 'pool' = 'range') => ({
  id,
  name,
  carrier: 'China Post',
  shopifyCompany: 'China Post',
  trackingUrl: 'https://t.example/{number}',
  service: 'ePacket',
  routeType: 'postal' as const,
  numberSource,
  lowDays: 3,
  dailyVolume: 100,
  active: true,
});

describe('tracking numbers are unique across the station', () => {
  it('refuses a range that overlaps another line’s range, naming that line', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 5 });
    await api(app, 'lines.save', line('postal-2', 'Postal two'));
    // The demo's China Post ePacket line holds LX 10,000,000–10,049,999 CN.
    const r = await invoke(app.handlers, 'ranges.add', { lineId: 'postal-2', params: S10, first: 10_049_000, last: 10_060_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(400);
    expect(r.error.message).toContain('overlaps range 10000000–10049999 of line China Post ePacket');
    // The same serials with another service indicator are other numbers: accepted.
    expect(
      (await invoke(app.handlers, 'ranges.add', { lineId: 'postal-2', params: { ...S10, serviceIndicator: 'LY' }, first: 10_049_000, last: 10_060_000 })).ok,
    ).toBe(true);
  });

  it('digit formats compare the whole number: FedEx prefix 12 serial 345 is prefix 1 serial 2000000345', () => {
    const a = spanOf({ format: 'fedex12', prefix: '12' }, 345, 345);
    expect(overlaps(a, spanOf({ format: 'fedex12', prefix: '1' }, 2_000_000_000, 2_000_001_000))).toBe(true);
    expect(overlaps(a, spanOf({ format: 'fedex12', prefix: '1' }, 2_000_000_346, 2_000_001_000))).toBe(false);
    const n = numberFromSerial({ format: 'fedex12', prefix: '12' }, 345);
    expect(serialOf({ format: 'fedex12', prefix: '1' }, n)).toBe(2_000_000_345);
    expect(serialOf({ format: 'fedex12', prefix: '13' }, n)).toBeNull();
  });

  it('refuses pool numbers inside another line’s range, and a range over another line’s pool', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 5 });
    await api(app, 'lines.save', line('pool-line', 'Pool line', 'pool'));
    const inside = numberFromSerial(S10, 10_000_123);
    const outside = numberFromSerial(S10, 20_000_001);
    const r = await api(app, 'pool.import', { lineId: 'pool-line', csv: `${inside}\n${outside}\n` });
    expect(r.imported).toBe(1);
    expect(r.rejected).toEqual([{ line: 0, value: inside, reason: 'inside range 10000000–10049999 of line China Post ePacket: it would be issued twice' }]);

    await api(app, 'lines.save', line('postal-3', 'Postal three'));
    const over = await invoke(app.handlers, 'ranges.add', { lineId: 'postal-3', params: S10, first: 20_000_000, last: 20_000_010 });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.message).toContain(`Number ${outside} of this range is already in the pool of line Pool line`);
  });

  it('a collision at pick moves on to the next free number and records it: the line is never stuck', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 5 });
    // Before the set-up check existed, a second line could hold the same serials: simulate that state.
    await api(app, 'lines.save', line('postal-2', 'Postal two'));
    app.store.write('test', new Date(), (emit) =>
      emit({
        type: 'range.added',
        subject: 'postal-2',
        payload: { range: { id: 'rng-dup', lineId: 'postal-2', params: S10, first: 10_000_000, last: 10_000_100 } },
      }),
    );
    const first = await api(app, 'pick.scan', { code: '#1001' });
    expect(first.outcome).toBe('issued');
    if (first.outcome !== 'issued') return;
    // Move order #1002 to the line whose range repeats the number #1001 just got.
    sqliteOf(app.store).prepare("UPDATE orders SET line_id = 'postal-2' WHERE name = '#1002'").run();
    const second = await api(app, 'pick.scan', { code: '#1002' });
    expect(second.outcome).toBe('issued');
    if (second.outcome !== 'issued') return;
    expect(second.parcel.trackingNumber).not.toBe(first.parcel.trackingNumber);
    expect(second.parcel.trackingNumber).toBe(numberFromSerial(S10, 10_000_001));
    const skipped = sqliteOf(app.store).prepare("SELECT payload FROM events WHERE type = 'number.skipped'").all() as Array<{ payload: string }>;
    expect(skipped.map((s) => JSON.parse(s.payload))).toEqual([
      { lineId: 'postal-2', number: first.parcel.trackingNumber, takenBy: first.parcel.id, rangeId: 'rng-dup', serial: 10_000_000 },
    ]);
  });
});
