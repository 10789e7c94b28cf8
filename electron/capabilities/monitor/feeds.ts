// Scans that come to the console rather than being polled: an aggregator's webhook push, a CSV file
// a carrier e-mailed, and (demo only) a scan the emulated carrier is told to make now.
import { badInput, ApiError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf, siteInfo, type ServiceContext } from '../../core/context';
import type { ScheduledJob, TrackingStatus } from '../../../db/monitor/events';
import { ingestScans } from './ingest';
import { runtimeOf } from './runtime';
import { aggregatorAnswer, type AggregatorTracking } from './sources/adapters';
import { parseScanFile } from './sources/file';
import { FILE_SOURCE } from './sources/registry';
import { covers } from './sources/types';
import type { PhysicalScan } from './sources/world';

export function receivePush(ctx: ServiceContext, sourceId: string, body: { data: AggregatorTracking[] }) {
  const source = runtimeOf(ctx).sources.find((s) => s.id === sourceId);
  if (!source || source.kind !== 'aggregator') throw notFound(`Push source "${sourceId}"`, 'Check the webhook URL configured at the aggregator.');
  const answer = aggregatorAnswer({ code: 0, data: { accepted: body.data, rejected: [] } });
  const ing = ingestScans(ctx, sourceId, 'push', answer.scans, ctx.clock.now());
  if (ing.events.length) ctx.store.write('monitor', ctx.clock.now(), (emit) => ing.events.forEach((e) => emit(e)));
  return { fresh: ing.fresh, repeated: ing.repeated, unknown: ing.unknownNumbers.length, skipped: answer.skipped.length };
}

export function importScanFile(ctx: ServiceContext, input: { csv: string; zone?: string }) {
  const rows = parseScanFile(input.csv, input.zone ?? siteInfo(ctx).zone);
  const ing = ingestScans(ctx, FILE_SOURCE.id, 'file', rows.scans, ctx.clock.now());
  if (ing.events.length) ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => ing.events.forEach((e) => emit(e)));
  return {
    read: rows.scans.length,
    fresh: ing.fresh,
    repeated: ing.repeated,
    unknownNumbers: ing.unknownNumbers.slice(0, 50),
    rejected: rows.rejected.slice(0, 200),
  };
}

const CODE: Record<TrackingStatus, PhysicalScan['code']> = {
  info_received: 'EDI',
  accepted: 'PU',
  in_transit: 'AF',
  out_for_delivery: 'WC',
  delivered: 'OK',
  failed_attempt: 'NH',
  exception: 'OH',
  returned: 'RT',
};

/**
 * Demo and tests: the emulated carrier scans a parcel `hoursAgo` (its sources show it at once), and
 * the sources that cover it are polled now through the outbox, like any poll.
 */
export function demoScan(ctx: ServiceContext, input: { query: string; status: TrackingStatus; hoursAgo: number; sourceId?: string; location?: string }) {
  const rt = runtimeOf(ctx);
  if (!rt.script) throw new ApiError('FORBIDDEN', 'Demo scans only exist on the demo console, whose carrier and aggregator are emulated.');
  const parcel =
    ctx.store.read.parcels.byTracking(input.query.trim()) ??
    ctx.store.read.orders
      .byName(input.query.trim())
      .flatMap((o) => ctx.store.read.parcels.forOrder(o.id))
      .pop();
  if (!parcel) throw notFound(`Parcel "${input.query}"`, 'Give its tracking number or order number (#1001).');
  const sources = rt.sources.filter((s) => covers(s, parcel.lineId) && (!input.sourceId || s.id === input.sourceId));
  if (!sources.length) throw badInput(`No source "${input.sourceId}" covers ${parcel.lineName}. Leave the source empty to use all.`);
  const now = ctx.clock.now();
  rt.script.add(parcel.trackingNumber, {
    code: CODE[input.status],
    status: input.status,
    atMs: now.getTime() - Math.round(input.hoursAgo * 3_600_000),
    location: input.location ?? 'Shenzhen, CN',
    description: `Demo scan: ${input.status.replace(/_/g, ' ')}`,
    scriptedFor: input.sourceId ? [input.sourceId] : null,
  });
  const numbers = [{ parcelId: parcel.id, trackingNumber: parcel.trackingNumber }];
  const reader = ctx.store.read.monitor;
  ctx.store.write(actorOf(ctx), now, (emit) => {
    for (const s of sources) {
      const job = (kind: 'monitor.register' | 'monitor.poll', offsetMs: number): ScheduledJob => ({
        job: { id: newId('job', now), kind, target: s.id, ref: parcel.id, payload: { sourceId: s.id, numbers } },
        notBefore: new Date(now.getTime() + offsetMs).toISOString(),
      });
      // An aggregator that does not know the number yet registers it first (lined up a millisecond ahead of the poll).
      const jobs =
        s.needsRegistration && !reader.isRegistered(s.id, parcel.trackingNumber)
          ? [job('monitor.register', -1), job('monitor.poll', 0)]
          : [job('monitor.poll', 0)];
      emit({ type: 'monitor.polls_queued', subject: parcel.id, payload: { sourceId: s.id, jobs } });
    }
  });
  return { parcelId: parcel.id, trackingNumber: parcel.trackingNumber, sources: sources.map((s) => s.id) };
}
