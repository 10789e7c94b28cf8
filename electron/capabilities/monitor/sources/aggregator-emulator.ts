// An emulated tracking aggregator (17TRACK / AfterShip style): numbers are registered in batches,
// then polled in batches or pushed to a webhook when something new shows. It mirrors public pages,
// so it is sometimes faster than the carrier's API and sometimes misses a scan.
import { EmulatedEndpoint, EmulatorHttpError, type EmulatorOptions } from './emulator-base';
import type { PhysicalScan } from './world';

export interface AggregatorEvent {
  time_iso: string;
  time_utc: string;
  description: string;
  location: string;
  stage: string;
}

export interface AggregatorTrackInfo {
  number: string;
  track_info: { latest_status: { status: string }; tracking: { providers: Array<{ provider: { name: string }; events: AggregatorEvent[] }> } };
}

export interface AggregatorResponse {
  code: number;
  data: { accepted: AggregatorTrackInfo[]; rejected: Array<{ number: string; error: { code: number; message: string } }> };
}

export interface AggregatorClient {
  register(numbers: string[]): Promise<AggregatorResponse>;
  getTrackInfo(numbers: string[]): Promise<AggregatorResponse>;
}

const STAGE: Record<PhysicalScan['code'], string> = {
  EDI: 'InfoReceived',
  PU: 'PickedUp',
  DF: 'Departure',
  AF: 'Arrival',
  CC: 'InTransit',
  WC: 'OutForDelivery',
  OK: 'Delivered',
  NH: 'DeliveryFailure',
  OH: 'Exception',
  RT: 'Returned',
};

export const NOT_REGISTERED = -18019902;

const notFound = (n: string): AggregatorTrackInfo => ({ number: n, track_info: { latest_status: { status: 'NotFound' }, tracking: { providers: [] } } });

export class AggregatorEmulator extends EmulatedEndpoint implements AggregatorClient {
  private registered = new Set<string>();
  private pushed = new Map<string, number>();

  /** `alreadyRegistered`: what the aggregator's own database kept across a console restart. */
  constructor(
    o: EmulatorOptions,
    private readonly alreadyRegistered: (n: string) => boolean = () => false,
  ) {
    super(o, 'aggregator');
  }

  isRegistered(n: string): boolean {
    return this.registered.has(n) || this.alreadyRegistered(n);
  }

  async register(numbers: string[]): Promise<AggregatorResponse> {
    this.admit(numbers);
    const res: AggregatorResponse = { code: 0, data: { accepted: [], rejected: [] } };
    const answers = await this.perNumber(numbers, (n, nowMs) => {
      if (!/^[A-Z0-9]{8,30}$/i.test(n)) return { n, info: null };
      this.registered.add(n);
      return { n, info: this.info(n, nowMs) ?? notFound(n) };
    });
    for (const { n, info } of answers)
      if (info) res.data.accepted.push(info);
      else res.data.rejected.push({ number: n, error: { code: -18010012, message: 'The format of the tracking number is invalid' } });
    return res;
  }

  async getTrackInfo(numbers: string[]): Promise<AggregatorResponse> {
    this.admit(numbers);
    const res: AggregatorResponse = { code: 0, data: { accepted: [], rejected: [] } };
    const answers = await this.perNumber(numbers, (n, nowMs) => ({ n, info: this.isRegistered(n) ? (this.info(n, nowMs) ?? notFound(n)) : null }));
    for (const { n, info } of answers)
      if (info) res.data.accepted.push(info);
      else res.data.rejected.push({ number: n, error: { code: NOT_REGISTERED, message: 'The tracking number is not registered' } });
    return res;
  }

  /** Push mode: webhook bodies for registered numbers that show something new since the last push. */
  duePushes(numbers: Iterable<string>): AggregatorTrackInfo[] {
    const out: AggregatorTrackInfo[] = [];
    for (const n of numbers) {
      if (!this.isRegistered(n)) continue;
      const info = this.info(n);
      const count = info?.track_info.tracking.providers[0]?.events.length ?? 0;
      if (info && count > (this.pushed.get(n) ?? 0)) {
        this.pushed.set(n, count);
        out.push(info);
      }
    }
    return out;
  }

  private info(n: string, nowMs?: number): AggregatorTrackInfo | null {
    const p = this.o.world(n);
    if (!p) return null;
    const scans = this.visible(p, nowMs);
    const events = scans
      .map((s) => ({
        time_iso: this.localTime(s.atMs, p.zone),
        time_utc: new Date(s.atMs).toISOString(),
        description: s.description,
        location: s.location,
        stage: STAGE[s.code],
      }))
      .reverse();
    return {
      number: n,
      track_info: { latest_status: { status: events[0]?.stage ?? 'NotFound' }, tracking: { providers: [{ provider: { name: 'emulated carrier' }, events }] } },
    };
  }
}

export { EmulatorHttpError };
