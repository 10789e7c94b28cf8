// Adapters: a client's raw answers (carrier API, aggregator) -> normalized scans behind TrackingSource.
import { normalizeAggregatorStage, normalizeCarrierCode } from '../../../../db/monitor/statuses';
import type { AggregatorClient, AggregatorResponse } from './aggregator-emulator';
import type { CarrierApiClient } from './carrier-emulator';
import { EmulatorHttpError } from './emulator-base';
import { RateLimitedError, SourceUnavailableError, type PollAnswer, type SourceInfo, type TrackingSource } from './types';

function utc(ts: string): string | null {
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** HTTP-like failures as the job runner understands them: 429 and 5xx are retried, 4xx are not. */
async function call<T>(info: SourceInfo, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof EmulatorHttpError) {
      if (e.status === 429) throw new RateLimitedError(info.id, e.retryAfterMs);
      if (e.status >= 500) throw new SourceUnavailableError(`${info.name} answered ${e.status} ${e.message}: the poll is retried by itself.`);
    }
    throw e;
  }
}

export function carrierApiSource(info: Omit<SourceInfo, 'kind' | 'needsRegistration' | 'delivery'>, client: CarrierApiClient): TrackingSource {
  const full: SourceInfo = { ...info, kind: 'carrier_api', needsRegistration: false, delivery: 'poll' };
  return {
    ...full,
    async poll(numbers) {
      const res = await call(full, () => client.track(numbers));
      const out: PollAnswer = { scans: [], unknown: [...res.notFound], skipped: [] };
      for (const s of res.shipments)
        for (const ev of s.events) {
          const st = normalizeCarrierCode(ev.code);
          const at = utc(ev.timestamp);
          if (!st.ok || !at) out.skipped.push({ trackingNumber: s.trackingNumber, reason: st.ok ? `bad time "${ev.timestamp}"` : st.reason });
          else
            out.scans.push({
              trackingNumber: s.trackingNumber,
              status: st.status,
              scannedAt: at,
              location: ev.location || null,
              detail: `${ev.code} ${ev.description}`,
            });
        }
      return out;
    },
  };
}

/** Aggregator answers (poll replies and webhook bodies share the track_info shape). */
/** What the console reads of an aggregator's answer or push: each provider's events (AggregatorTrackInfo is one). */
export interface AggregatorTracking {
  number: string;
  track_info: {
    tracking: {
      providers: Array<{ events: Array<{ stage: string; time_utc?: string; time_iso?: string; description?: string | null; location?: string | null }> }>;
    };
  };
}

export function aggregatorAnswer(res: {
  code?: number;
  data: { accepted: AggregatorTracking[]; rejected: AggregatorResponse['data']['rejected'] };
}): PollAnswer {
  const out: PollAnswer = { scans: [], unknown: res.data.rejected.map((r) => r.number), skipped: [] };
  for (const a of res.data.accepted)
    for (const p of a.track_info.tracking.providers)
      for (const ev of p.events) {
        const st = normalizeAggregatorStage(ev.stage);
        const at = utc(ev.time_utc || ev.time_iso || '');
        if (!st.ok || !at) out.skipped.push({ trackingNumber: a.number, reason: st.ok ? `bad time "${ev.time_utc ?? ev.time_iso ?? ''}"` : st.reason });
        else
          out.scans.push({
            trackingNumber: a.number,
            status: st.status,
            scannedAt: at,
            location: ev.location || null,
            detail: ev.description ? `${ev.stage}: ${ev.description}` : ev.stage,
          });
      }
  return out;
}

export function aggregatorSource(info: Omit<SourceInfo, 'kind' | 'needsRegistration'>, client: AggregatorClient): TrackingSource {
  const full: SourceInfo = { ...info, kind: 'aggregator', needsRegistration: true };
  return {
    ...full,
    async poll(numbers) {
      return aggregatorAnswer(await call(full, () => client.getTrackInfo(numbers)));
    },
    async register(numbers) {
      const res = await call(full, () => client.register(numbers));
      return {
        accepted: res.data.accepted.map((a) => a.number),
        rejected: res.data.rejected.map((r) => ({ trackingNumber: r.number, reason: r.error.message })),
      };
    },
  };
}
