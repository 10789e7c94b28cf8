// An emulated carrier tracking API: one request tracks up to `batchSize` numbers and answers every
// scan the carrier has reported so far, in its own event codes and local times.
import { EmulatedEndpoint, EmulatorHttpError, type EmulatorOptions } from './emulator-base';

export interface CarrierApiEvent {
  code: string;
  timestamp: string;
  location: string;
  description: string;
}

export interface CarrierApiResponse {
  shipments: Array<{ trackingNumber: string; events: CarrierApiEvent[] }>;
  notFound: string[];
}

/** The client interface a real carrier API client would implement too. */
export interface CarrierApiClient {
  track(numbers: string[]): Promise<CarrierApiResponse>;
}

export class CarrierApiEmulator extends EmulatedEndpoint implements CarrierApiClient {
  constructor(o: EmulatorOptions) {
    super(o, 'carrier_api');
  }

  async track(numbers: string[]): Promise<CarrierApiResponse> {
    this.admit(numbers);
    const out: CarrierApiResponse = { shipments: [], notFound: [] };
    const answers = await this.perNumber(numbers, (n, nowMs) => {
      const p = this.o.world(n);
      if (!p) return { n, events: null };
      const events = this.visible(p, nowMs).map((s) => ({
        code: s.code,
        timestamp: this.localTime(s.atMs, p.zone),
        location: s.location,
        description: s.description,
      }));
      return { n, events };
    });
    for (const { n, events } of answers)
      if (!events) out.notFound.push(n);
      // Newest first, as carrier APIs list them.
      else out.shipments.push({ trackingNumber: n, events: events.reverse() });
    return out;
  }
}

export { EmulatorHttpError };
