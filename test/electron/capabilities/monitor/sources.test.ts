import { describe, expect, it } from 'vitest';
import { SettableClock } from '../../../../electron/core/clock';
import { ScriptBook } from '../../../../electron/capabilities/monitor/sources/emulator-base';
import { CarrierApiEmulator } from '../../../../electron/capabilities/monitor/sources/carrier-emulator';
import { AggregatorEmulator } from '../../../../electron/capabilities/monitor/sources/aggregator-emulator';
import { aggregatorAnswer, aggregatorSource, carrierApiSource } from '../../../../electron/capabilities/monitor/sources/adapters';
import { fateOf, physicalScans, type WorldParcel } from '../../../../electron/capabilities/monitor/sources/world';
import { RateLimitedError, SourceUnavailableError } from '../../../../electron/capabilities/monitor/sources/types';
import { TokenBucket } from '../../../../electron/capabilities/monitor/sources/rate-limit';

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T01:00:00Z'); // a Monday morning in Shenzhen
const parcel = (n: string, route: WorldParcel['routeType'] = 'postal'): WorldParcel => ({
  trackingNumber: n,
  routeType: route,
  pickedAtMs: T0 - 4 * H,
  handedOverAtMs: T0,
  destCountry: 'US',
  destCity: 'Springfield',
  zone: 'Asia/Shanghai',
});
const numbers = Array.from({ length: 40 }, (_, i) => `LX${String(10000000 + i)}CN`);
const world = (n: string) => (n.startsWith('LX') ? parcel(n) : n.startsWith('DH') ? parcel(n, 'express') : null);

function rig(opts: { clockAt: number; outageRate?: number; realNow?: () => number }) {
  const clock = new SettableClock(opts.clockAt);
  const script = new ScriptBook();
  const base = { seed: 7, clock, world, script, batchSize: 10, outageRate: opts.outageRate ?? 0, realNowMs: opts.realNow ?? (() => 0) };
  const carrierClient = new CarrierApiEmulator({ ...base, id: 'carrier:test', ratePerMin: 600 });
  const aggClient = new AggregatorEmulator({ ...base, id: 'aggregator', ratePerMin: 600, batchSize: 40 });
  const carrier = carrierApiSource(
    { id: 'carrier:test', name: 'Test carrier', ratePerMin: 600, batchSize: 10, lineIds: ['postal-s10'], emulated: true },
    carrierClient,
  );
  const aggregator = aggregatorSource(
    { id: 'aggregator', name: 'Agg', ratePerMin: 600, batchSize: 40, delivery: 'poll', lineIds: 'all', emulated: true },
    aggClient,
  );
  return { clock, script, carrier, aggregator, aggClient };
}

describe('the emulated world', () => {
  it('is deterministic for a seed and a number, and different across numbers', () => {
    const a = physicalScans(7, parcel(numbers[0]));
    expect(physicalScans(7, parcel(numbers[0]))).toEqual(a);
    expect(physicalScans(8, parcel(numbers[0]))).not.toEqual(a);
    expect(a[0]).toMatchObject({ code: 'EDI', status: 'info_received' });
  });

  it('has realistic gaps: the postal first scan 2-7 days after handover, never on a weekend, and a few parcels never scanned', () => {
    const fates = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const p = parcel(`LX${20000000 + i}CN`);
      fates.set(fateOf(7, p), (fates.get(fateOf(7, p)) ?? 0) + 1);
      const pu = physicalScans(7, p).find((s) => s.code === 'PU');
      if (!pu) continue;
      const lag = (pu.atMs - T0) / H;
      expect(lag).toBeGreaterThanOrEqual(48);
      expect(lag).toBeLessThanOrEqual(150 + 72 + 6);
      const wd = new Date(pu.atMs + 8 * H).getUTCDay();
      expect([0, 6]).not.toContain(wd);
    }
    expect(fates.get('normal')! / 2000).toBeGreaterThan(0.8);
    expect(fates.get('never_scanned')).toBeGreaterThan(10);
    expect(fates.get('lost_in_transit')).toBeGreaterThan(20);
  });

  it('carrier API: shows a scan only after its reporting lag, in local time; the same call gives the same answer', async () => {
    const { clock, carrier } = rig({ clockAt: T0 + 30 * 24 * H });
    const all = await carrier.poll(numbers.slice(0, 10));
    expect(all.unknown).toEqual([]);
    const accepted = all.scans.find((s) => s.trackingNumber === numbers[1] && s.status === 'accepted');
    const truth = physicalScans(7, parcel(numbers[1])).find((s) => s.code === 'PU');
    if (truth) expect(accepted?.scannedAt).toBe(new Date(truth.atMs).toISOString());
    expect(await carrier.poll(numbers.slice(0, 10))).toEqual(all);
    // Just after the physical scan, the postal API has not reported it yet (6-36 h lag).
    if (truth) {
      clock.set(truth.atMs + 60_000);
      const early = await carrier.poll([numbers[1]]);
      expect(early.scans.some((s) => s.status === 'accepted')).toBe(false);
      clock.set(truth.atMs + 37 * H);
      expect((await carrier.poll([numbers[1]])).scans.some((s) => s.status === 'accepted')).toBe(true);
    }
    expect((await carrier.poll(['ZZ1'])).unknown).toEqual(['ZZ1']);
  });

  it('aggregator: refuses numbers not registered, then answers them; sometimes earlier than the carrier API', async () => {
    const { aggregator, carrier } = rig({ clockAt: T0 + 30 * 24 * H });
    const before = await aggregator.poll(numbers.slice(0, 40));
    expect(before.unknown).toHaveLength(40);
    const reg = await aggregator.register!(numbers.slice(0, 40));
    expect(reg.accepted).toHaveLength(40);
    const after = await aggregator.poll(numbers.slice(0, 40));
    expect(after.unknown).toEqual([]);
    expect(after.scans.length).toBeGreaterThan(40 * 3);
    // The same scans as the carrier: same statuses and times, though the aggregator misses a few.
    const car = (await Promise.all([0, 10, 20, 30].map((i) => carrier.poll(numbers.slice(i, i + 10))))).flatMap((a) => a.scans);
    const key = (s: { trackingNumber: string; status: string; scannedAt: string }) => `${s.trackingNumber}|${s.status}|${s.scannedAt}`;
    const carKeys = new Set(car.map(key));
    expect(after.scans.every((s) => carKeys.has(key(s)))).toBe(true);
    expect(after.scans.length).toBeLessThan(car.length);
  });

  it('a demo script makes the carrier scan now, shown at once', async () => {
    const { script, carrier } = rig({ clockAt: T0 + H });
    script.add(numbers[2], { code: 'PU', status: 'accepted', atMs: T0 + H - 30 * 60_000, location: 'Shenzhen, CN', description: 'demo', scriptedFor: null });
    const r = await carrier.poll([numbers[2]]);
    expect(r.scans.find((s) => s.status === 'accepted')?.scannedAt).toBe(new Date(T0 + H - 30 * 60_000).toISOString());
  });

  it('respects its rate limit (429 -> RateLimitedError), refuses oversized batches, and has outages (5xx -> retried)', async () => {
    let now = 0;
    const { carrier } = rig({ clockAt: T0, realNow: () => now });
    // 600/min, burst of 100: the 101st request in the same instant is refused.
    for (let i = 0; i < 100; i++) await carrier.poll([numbers[0]]);
    await expect(carrier.poll([numbers[0]])).rejects.toBeInstanceOf(RateLimitedError);
    now += 200;
    await expect(carrier.poll([numbers[0]])).resolves.toBeTruthy();
    await expect(carrier.poll(numbers.slice(0, 11))).rejects.toThrow('send 1 to 10 numbers per request (got 11)');
    const flaky = rig({ clockAt: T0, outageRate: 1 });
    await expect(flaky.carrier.poll([numbers[0]])).rejects.toBeInstanceOf(SourceUnavailableError);
  });

  it('push mode: the aggregator pushes only what is new since its last push', async () => {
    const { aggClient, clock } = rig({ clockAt: T0 + 2 * H });
    await aggClient.register([numbers[3]]);
    const first = aggClient.duePushes([numbers[3]]);
    expect(first).toHaveLength(1);
    expect(aggClient.duePushes([numbers[3]])).toHaveLength(0);
    clock.set(T0 + 30 * 24 * H);
    const later = aggClient.duePushes([numbers[3]]);
    expect(later).toHaveLength(1);
    expect(aggregatorAnswer({ code: 0, data: { accepted: later, rejected: [] } }).scans.length).toBeGreaterThan(1);
  });
});

describe('the emulated sources in the console process', () => {
  // Issue 16: a batch's world computed in one step held the console's loop 100-500 ms at 100k.
  it('answer a batch a number at a time, giving the event loop back between numbers, as of the instant the request came in', async () => {
    for (const make of [
      (o: ConstructorParameters<typeof CarrierApiEmulator>[0]) => {
        const c = new CarrierApiEmulator(o);
        return (ns: string[]) => c.track(ns);
      },
      (o: ConstructorParameters<typeof CarrierApiEmulator>[0]) => {
        const a = new AggregatorEmulator({ ...o, id: 'aggregator' });
        return async (ns: string[]) => (await a.register(ns), a.getTrackInfo(ns));
      },
    ]) {
      let looked = 0;
      const clock = new SettableClock(T0 + 30 * 24 * H);
      const o = { id: 'carrier:test', seed: 7, clock, script: new ScriptBook(), batchSize: 10, ratePerMin: 6000, outageRate: 0, realNowMs: () => 0 };
      const ask = make({ ...o, world: (n: string) => (looked++, world(n)) });
      const expected = await make({ ...o, world })(numbers.slice(0, 10));
      looked = 0;
      const answer = ask(numbers.slice(0, 10));
      const inFirstTurn = looked;
      clock.set(T0 + 90 * 24 * H); // a scan that shows later must not leak into a request already under way
      await new Promise<void>((ok) => setImmediate(ok));
      const afterOneTurn = looked;
      expect(await answer).toEqual(expected);
      expect(inFirstTurn).toBeLessThan(3);
      expect(afterOneTurn).toBeLessThan(looked);
    }
  });
});

describe('token bucket', () => {
  it('paces to the rate and says how long to wait', () => {
    let now = 0;
    const b = new TokenBucket(60, 1, () => now);
    expect(b.tryTake()).toEqual({ ok: true });
    expect(b.tryTake()).toEqual({ ok: false, waitMs: 1000 });
    now = 1000;
    expect(b.tryTake()).toEqual({ ok: true });
  });
});
