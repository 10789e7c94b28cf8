// The rules-and-schedule pass over every in-flight parcel: open, change or clear exceptions, and
// queue the polls (and aggregator registrations) that are due, within each source's rate limit.
// One read of the parcels, one transaction of events for what changed.
import type { InFlightRow } from '../../../db/monitor/reader';
import type { EventDraft, LineData } from '../../../db/event-types';
import type { ScheduledJob } from '../../../db/monitor/events';
import { newId } from '../../core/ids';
import type { ServiceContext } from '../../core/context';
import { evaluate, type Finding } from './rules';
import { nextPollAt } from './schedule';
import { rulesOf, thresholdsFor } from './settings';
import { windowMs } from './windows';
import { runtimeOf, type PassSummary } from './runtime';
import { covers, type TrackingSource } from './sources/types';

const H = 3_600_000;
/** Queue at most this much of each source's request budget per pass; later passes take the rest. */
const QUEUE_MINUTES = 5;

const CLEARED: Record<string, string> = {
  not_handed_over: 'the carrier has the parcel now',
  no_first_scan: 'the first carrier scan arrived',
  no_update: 'the carrier reported new movement',
  failed_delivery: 'the carrier moved the parcel on',
  lost: 'the carrier reported new movement',
};

interface Due {
  row: InFlightRow;
  at: number;
}

export function runPass(ctx: ServiceContext, opts: { actor?: string } = {}): PassSummary {
  const t0 = performance.now();
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const reader = ctx.store.read.monitor;
  const rt = runtimeOf(ctx);
  const rules = rulesOf(ctx);
  const lines = new Map<string, LineData>(ctx.store.read.lines.all().map((l) => [l.id, l]));
  const thresholds = new Map([...lines.values()].map((l) => [l.id, thresholdsFor(rules, l)]));
  const rows = reader.inFlight();
  const closed = reader.closedCauses();
  const events: EventDraft[] = [];
  const summary = { opened: 0, changed: 0, cleared: 0 };

  const pollSources = rt.sources.filter((s) => s.delivery === 'poll' || s.needsRegistration);
  const state = pollSources.length ? reader.sourceParcels() : new Map();
  const toRegister = new Map<string, InFlightRow[]>(pollSources.map((s) => [s.id, []]));
  const toPoll = new Map<string, Due[]>(pollSources.map((s) => [s.id, []]));
  const sourcesOfLine = new Map<string, TrackingSource[]>([...lines.keys()].map((id) => [id, pollSources.filter((s) => covers(s, id))]));

  for (const r of rows) {
    const line = lines.get(r.lineId);
    if (!line) continue;
    // Rules: a reshipped parcel is settled; a cause a person closed does not reopen by itself.
    if (!r.reshipped) {
      let f: Finding | null = evaluate(r, rules, thresholds.get(r.lineId)!, nowMs);
      if (f && closed.get(r.id)?.has(f.cause)) f = null;
      if (r.exceptionId) {
        if (!f) {
          events.push({
            type: 'monitor.exception_cleared',
            subject: r.id,
            payload: { exceptionId: r.exceptionId, parcelId: r.id, reason: CLEARED[r.exceptionCause!] ?? 'the rule no longer holds' },
          });
          summary.cleared++;
        } else if (f.cause !== r.exceptionCause || Date.parse(f.since) !== r.exceptionSince) {
          const dueAt = new Date(nowMs + rules.dueHours[f.cause] * H).toISOString();
          events.push({
            type: 'monitor.exception_changed',
            subject: r.id,
            payload: { exceptionId: r.exceptionId, parcelId: r.id, cause: f.cause, since: f.since, dueAt, detail: f.detail, proposal: f.proposal },
          });
          summary.changed++;
        }
      } else if (f) {
        const dueAt = new Date(nowMs + rules.dueHours[f.cause] * H).toISOString();
        events.push({
          type: 'monitor.exception_opened',
          subject: r.id,
          payload: { exceptionId: newId('exc', now), parcelId: r.id, cause: f.cause, since: f.since, dueAt, detail: f.detail, proposal: f.proposal },
        });
        summary.opened++;
      }
    }

    // Schedule: which sources should be asked about this parcel now.
    const srcs = sourcesOfLine.get(r.lineId)!;
    if (!srcs.length) continue;
    // The window only matters until the first scan.
    const win = r.firstScanAt !== null ? null : windowMs(r, line.routeType);
    const facts = {
      handedOverAt: r.handedOverAt,
      windowFrom: win?.[0] ?? null,
      windowTo: win?.[1] ?? null,
      trackStatus: r.trackStatus,
      firstScanAt: r.firstScanAt,
      lastScanAt: r.lastScanAt,
    };
    for (const s of srcs) {
      const sp = state.get(s.id)?.get(r.id);
      if (sp?.queuedUntil && sp.queuedUntil > nowIso) continue;
      if (s.needsRegistration && !sp?.registeredAt) {
        if (!sp?.rejected) toRegister.get(s.id)!.push(r);
        continue;
      }
      if (s.delivery !== 'poll') continue;
      const at = nextPollAt(facts, sp?.lastPolledAt ? Date.parse(sp.lastPolledAt) : null, nowMs);
      if (at !== null && at <= nowMs) toPoll.get(s.id)!.push({ row: r, at });
    }
  }

  let registrationsQueued = 0;
  let pollsQueued = 0;
  const queuedNow = new Map(
    reader
      .pollJobs()
      .filter((j) => j.status === 'queued')
      .map((j) => [`${j.target}|${j.kind}`, j.n]),
  );
  for (const s of pollSources) {
    const spacing = 60_000 / s.ratePerMin;
    const pending = (queuedNow.get(`${s.id}|monitor.register`) ?? 0) + (queuedNow.get(`${s.id}|monitor.poll`) ?? 0);
    let budget = Math.max(0, s.ratePerMin * QUEUE_MINUTES - pending);
    let slot = pending;
    const jobs: ScheduledJob[] = [];
    const add = (kind: 'monitor.register' | 'monitor.poll', batch: InFlightRow[]) => {
      const notBefore = new Date(nowMs + slot++ * spacing).toISOString();
      const numbers = batch.map((b) => ({ parcelId: b.id, trackingNumber: b.trackingNumber }));
      jobs.push({
        job: { id: newId('job', now), kind, target: s.id, ref: batch.length === 1 ? batch[0].id : null, payload: { sourceId: s.id, numbers } },
        notBefore,
      });
      budget--;
    };
    const reg = toRegister.get(s.id)!;
    for (let i = 0; i < reg.length && budget > 0; i += s.batchSize) {
      add('monitor.register', reg.slice(i, i + s.batchSize));
      registrationsQueued++;
    }
    // Most overdue first.
    const due = toPoll.get(s.id)!.sort((a, b) => a.at - b.at);
    for (let i = 0; i < due.length && budget > 0; i += s.batchSize) {
      add(
        'monitor.poll',
        due.slice(i, i + s.batchSize).map((d) => d.row),
      );
      pollsQueued++;
    }
    if (jobs.length) events.push({ type: 'monitor.polls_queued', subject: s.id, payload: { sourceId: s.id, jobs } });
  }

  // A parcel that left the watch list (delivered or returned, even from no scan in one poll; voided)
  // takes its open exception with it: no rule looks at it any more.
  for (const x of reader.openExceptionsOffWatch()) {
    const reason =
      x.trackStatus === 'delivered'
        ? 'the carrier delivered the parcel'
        : x.trackStatus === 'returned'
          ? 'the parcel was returned to the sender'
          : x.parcelStatus === 'voided'
            ? 'the parcel was voided'
            : 'the parcel is no longer in flight';
    events.push({ type: 'monitor.exception_cleared', subject: x.parcelId, payload: { exceptionId: x.exceptionId, parcelId: x.parcelId, reason } });
    summary.cleared++;
  }

  // Replacements picked since the last look: say so on the old parcel's timeline.
  for (const r of reader.reshipsPickedUnnoted()) {
    const np = ctx.store.read.parcels.get(r.newParcelId!);
    if (np)
      events.push({
        type: 'monitor.reship_picked',
        subject: r.oldParcelId,
        payload: { oldParcelId: r.oldParcelId, newParcelId: np.id, newTrackingNumber: np.trackingNumber, newOrderName: r.newOrderName },
      });
  }

  if (events.length) ctx.store.write(opts.actor ?? 'monitor', now, (emit) => events.forEach((e) => emit(e)));
  const out: PassSummary = { at: nowIso, inFlight: rows.length, ...summary, registrationsQueued, pollsQueued, ms: Math.round(performance.now() - t0) };
  rt.lastPass = out;
  return out;
}
