// The sources of one console. The demo runs an emulated carrier API per carrier of its lines and one
// emulated aggregator, all in-process behind the adapter interface, anchored in the console's own
// pick and handover records. A console without the demo has only file import until an adapter is set up.
import { siteInfo, type ServiceContext } from '../../../core/context';
import { runtimeOf } from '../runtime';
import { AggregatorEmulator } from './aggregator-emulator';
import { CarrierApiEmulator } from './carrier-emulator';
import { ScriptBook } from './emulator-base';
import { aggregatorSource, carrierApiSource } from './adapters';
import type { SourceInfo, TrackingSource } from './types';
import type { WorldLookup, WorldParcel } from './world';

export const FILE_SOURCE: SourceInfo = {
  id: 'file',
  name: 'Scan files (CSV from the carrier)',
  kind: 'file',
  ratePerMin: 0,
  batchSize: 0,
  needsRegistration: false,
  delivery: 'push',
  lineIds: 'all',
  emulated: false,
};

export const AGGREGATOR_ID = 'aggregator';

export interface SourceSet {
  sources: TrackingSource[];
  script: ScriptBook;
  aggregator: AggregatorEmulator | null;
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The emulated world reads the warehouse's records: what was picked, when the carrier took it, where it goes. */
export function worldFromStore(ctx: ServiceContext): WorldLookup {
  const reader = ctx.store.read.monitor;
  return (n) => {
    const p = ctx.store.read.parcels.byTracking(n);
    if (!p) return null;
    const line = ctx.store.read.lines.get(p.lineId);
    const order = ctx.store.read.orders.get(p.orderId);
    const handed = reader.handedOverAt(p.id);
    const w: WorldParcel = {
      trackingNumber: n,
      routeType: line?.routeType ?? 'postal',
      pickedAtMs: Date.parse(p.pickedAt),
      handedOverAtMs: handed ? Date.parse(handed) : null,
      destCountry: order?.shipTo.country ?? 'US',
      destCity: order?.shipTo.city ?? 'Destination',
      zone: siteInfo(ctx).zone,
    };
    return w;
  };
}

export function emulatedSources(ctx: ServiceContext, opts: { seed?: number; aggregatorDelivery?: 'poll' | 'push' } = {}): SourceSet {
  const seed = opts.seed ?? 20261126;
  // The emulators' own rate limits run on the console's real time (replaceable in tests).
  const realNowMs = () => runtimeOf(ctx).realNowMs();
  const world = worldFromStore(ctx);
  const script = new ScriptBook();
  const reader = ctx.store.read.monitor;
  const sources: TrackingSource[] = [];
  const byCarrier = new Map<string, string[]>();
  for (const l of ctx.store.read.lines.all()) byCarrier.set(l.carrier, [...(byCarrier.get(l.carrier) ?? []), l.id]);
  for (const [carrier, lineIds] of byCarrier) {
    const id = `carrier:${slug(carrier)}`;
    const ratePerMin = 30;
    const batchSize = 10;
    const client = new CarrierApiEmulator({ id, seed, clock: ctx.clock, world, script, ratePerMin, batchSize, realNowMs });
    sources.push(carrierApiSource({ id, name: `${carrier} tracking API (emulated)`, ratePerMin, batchSize, lineIds, emulated: true }, client));
  }
  const aggregator = new AggregatorEmulator({ id: AGGREGATOR_ID, seed, clock: ctx.clock, world, script, ratePerMin: 60, batchSize: 40, realNowMs }, (n) =>
    reader.isRegistered(AGGREGATOR_ID, n),
  );
  sources.push(
    aggregatorSource(
      {
        id: AGGREGATOR_ID,
        name: 'Tracking aggregator (emulated, 17TRACK style)',
        ratePerMin: 60,
        batchSize: 40,
        delivery: opts.aggregatorDelivery ?? 'poll',
        lineIds: 'all',
        emulated: true,
      },
      aggregator,
    ),
  );
  return { sources, script, aggregator };
}
