// The rules-and-schedule pass: open, change or clear exceptions, and queue the polls (and aggregator
// registrations) that are due, within each source's rate limit. Incremental: it looks only at the parcels
// whose due time has come (monitor_watch.due_at), and after each look writes when that parcel can next
// change (the next rule threshold, the next poll, a queued poll's expiry, the end of its polling phase);
// any event that changes what it reads sets the parcel due again. A request a source has no room for yet
// goes on that source's wait list (monitor_waiting) instead of keeping the parcel due, and each source
// takes from the head of its list only as many as it has room for: with a backlog a pass costs what the
// sources can take plus what is truly due, not the backlog. It works in slices (read, decide, commit),
// yielding between them.
import type { InFlightRow, PollState } from '../../../db/monitor/reader';
import { sizedToBudget } from '../../../db/core/budget';
import { smallest } from '../../core/smallest';
import type { EventDraft, LineData } from '../../../db/event-types';
import type { ScheduledJob } from '../../../db/monitor/events';
import type { Looked, Waiting } from '../../../db/monitor/due';
import { newId } from '../../core/ids';
import { giveBack } from '../../core/give-back';
import type { ServiceContext } from '../../core/context';
import { evaluate, nextRuleChangeAt, type Finding } from './rules';
import { nextPollAt, phaseEndsAt, pollDueAt } from './schedule';
import { rulesOf, thresholdsFor } from './settings';
import { windowMs } from './windows';
import { runtimeOf, type PassSummary, type SliceSizes } from './runtime';
import { covers, type TrackingSource } from './sources/types';

/** Exceptions a full pass reads at once (by rowid) when it looks for those whose parcel left the watch list. */
const OFF_WATCH_ROWS = 4000;

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
  row: { id: string; trackingNumber: string };
  /** When the poll fell due: the order a source takes its waiting polls in (oldest first). */
  at: number;
}

type Asked = { id: string; trackingNumber: string };

export interface PassOptions {
  actor?: string;
  /**
   * 'due': only the parcels whose due time has come (monitor_watch.due_at, an index range);
   * 'full': every watched parcel, as the pass did before it was incremental (the reference the tests
   * compare with). Default: 'full' for a console's first pass (or after its sources changed), then 'due'.
   */
  mode?: 'due' | 'full';
  /** Parcels looked at per slice: each slice reads, decides and commits on its own. */
  slice?: number;
  /** Told how long each step held the event loop (ms) and where it began and ended, in a sliced pass (the bench). */
  onStep?: (ms: number, where: string) => void;
}

/** One pass, all at once (the `monitor.pass` channel, tests, the demo grower). */
export function runPass(ctx: ServiceContext, opts: PassOptions = {}): PassSummary {
  const steps = passSteps(ctx, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const MAX_SLICE = 500;
const MIN_SLICE = 25;
const STEP_MS = 8;

/** One pass in slices, giving the event loop back between them: a scan never waits for more than a slice. */
export async function runPassSliced(ctx: ServiceContext, opts: PassOptions = {}): Promise<PassSummary | null> {
  const steps = passSteps(ctx, opts);
  let from = 'start';
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    const to = r.done ? { at: 'end', writeMs: 0 } : r.value;
    if (opts.onStep) opts.onStep(performance.now() - t0, `${from} > ${to.at}${to.writeMs >= 1 ? `, writes ${Math.round(to.writeMs)} ms` : ''}`);
    from = to.at;
    if (r.done) return r.value;
    await giveBack();
    await ctx.store.logRoom(); // a first pass writes every wait list: the checkpointer keeps up
    if (!ctx.store.isOpen()) return null; // the console is stopping: the next start looks again
  }
}

/** Where a step of a sliced pass ended, and how much of it went to writes (commits included). */
interface StepEnd {
  at: string;
  writeMs: number;
}

function* passSteps(ctx: ServiceContext, opts: PassOptions): Generator<StepEnd, PassSummary> {
  const t0 = performance.now();
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const reader = ctx.store.read.monitor;
  const rt = runtimeOf(ctx);
  const mode = opts.mode ?? (rt.fullNext ? 'full' : 'due');
  // A sliced pass sizes its slices so that each step holds the loop for about STEP_MS, whatever a look
  // costs on this station (30 to 100 µs a parcel at 100k): a scan waits at most one step. A slice
  // given by the caller stays fixed (tests compare passes slice for slice).
  // Each pass starts at the sizes the last one ended with (a console's first at the smallest): starting
  // every pass at the largest held the loop 150 ms in its first step at 100k. Each kind of step is sized
  // from its own steps, by what the step did (a short last part or a spent budget is not a cheap step); a
  // step of no kind (reading the pass's inputs, a sort) leaves the sizes as they are.
  const fixed = opts.slice;
  const sizes: SliceSizes =
    fixed !== undefined ? { look: fixed, queue: fixed, clear: fixed } : { ...(rt.slice ?? { look: MIN_SLICE, queue: MIN_SLICE, clear: MIN_SLICE }) };
  let stepStart = performance.now();
  let busyBefore = 0;
  const pause = function* (at: string, kind: keyof SliceSizes | null, did = 0) {
    if (fixed === undefined && kind && did > 0) {
      sizes[kind] = sizedToBudget(did, performance.now() - stepStart, STEP_MS, MIN_SLICE, MAX_SLICE);
      rt.slice = { ...sizes };
    }
    yield { at, writeMs: busyMs - busyBefore };
    busyBefore = busyMs;
    stepStart = performance.now();
  };
  const actor = opts.actor ?? 'monitor';
  // The pass's writes skip the fsync, which held the loop for up to 200 ms a commit on a busy disk: a power
  // cut can lose only the newest of them, whole and in order (the WAL keeps a prefix), and the next pass
  // decides the same again from what is left. The next durable write (a scan's) makes them durable too.
  const write = (fn: Parameters<typeof ctx.store.write>[2]) => ctx.store.unsynced(() => ctx.store.write(actor, now, fn));
  const rules = rulesOf(ctx);
  const lines = new Map<string, LineData>(ctx.store.read.lines.all().map((l) => [l.id, l]));
  const thresholds = new Map([...lines.values()].map((l) => [l.id, thresholdsFor(rules, l)]));
  const events: EventDraft[] = [];
  const summary = { opened: 0, changed: 0, cleared: 0 };
  let visited = 0;
  let waitRead = 0;
  let busyMs = 0;

  const pollSources = rt.sources.filter((s) => s.delivery === 'poll' || s.needsRegistration);
  // A full pass also collects every request in memory (the reference a due pass is compared with).
  const toRegister = new Map<string, Asked[]>(pollSources.map((s) => [s.id, []]));
  const toPoll = new Map<string, Due[]>(pollSources.map((s) => [s.id, []]));
  const sourcesOfLine = new Map<string, TrackingSource[]>([...lines.keys()].map((id) => [id, pollSources.filter((s) => covers(s, id))]));

  /** Decide for one slice of parcels: exception events now, polls collected; when each is next due. */
  const look = (rows: InFlightRow[]) => {
    const ids = rows.map((r) => r.id);
    const closed = reader.closedCausesOf(ids);
    const state = pollSources.length ? reader.sourceParcelsOf(ids) : new Map<string, Map<string, PollState>>();
    const had = reader.waitingOf(ids);
    /** Only what changed is written: most looks leave a parcel's wait lists as they were. */
    const leave = (r: InFlightRow, next: number, waits: Waiting[]) => {
      const was = had.get(r.id);
      const same =
        was === undefined
          ? waits.length === 0
          : was.length === waits.length &&
            was.sort().join('|') ===
              waits
                .map((w) => w.join(' '))
                .sort()
                .join('|');
      if (r.dueAt !== next || !same) dues.push([r.id, r.dueAt === next ? null : next, same ? null : waits]);
    };
    const mine: EventDraft[] = [];
    const dues: Looked[] = [];
    for (const r of rows) {
      visited++;
      const line = lines.get(r.lineId);
      if (!line) {
        leave(r, Number.MAX_SAFE_INTEGER, []); // a line saved later makes every parcel due again
        continue;
      }
      const waits: Waiting[] = [];
      let next = Number.MAX_SAFE_INTEGER;
      const sooner = (at: number | null) => {
        if (at !== null && at < next) next = at;
      };
      // Rules: a reshipped parcel is settled; a cause a person closed does not reopen by itself.
      if (!r.reshipped) {
        const t = thresholds.get(r.lineId)!;
        let f: Finding | null = evaluate(r, rules, t, nowMs);
        if (f && closed.get(r.id)?.has(f.cause)) f = null;
        sooner(nextRuleChangeAt(r, rules, t, nowMs));
        if (r.exceptionId) {
          if (!f) {
            mine.push({
              type: 'monitor.exception_cleared',
              subject: r.id,
              payload: { exceptionId: r.exceptionId, parcelId: r.id, reason: CLEARED[r.exceptionCause!] ?? 'the rule no longer holds' },
            });
            summary.cleared++;
          } else if (f.cause !== r.exceptionCause || Date.parse(f.since) !== r.exceptionSince) {
            const dueAt = new Date(nowMs + rules.dueHours[f.cause] * H).toISOString();
            mine.push({
              type: 'monitor.exception_changed',
              subject: r.id,
              payload: { exceptionId: r.exceptionId, parcelId: r.id, cause: f.cause, since: f.since, dueAt, detail: f.detail, proposal: f.proposal },
            });
            summary.changed++;
          }
        } else if (f) {
          const dueAt = new Date(nowMs + rules.dueHours[f.cause] * H).toISOString();
          mine.push({
            type: 'monitor.exception_opened',
            subject: r.id,
            payload: { exceptionId: newId('exc', now), parcelId: r.id, cause: f.cause, since: f.since, dueAt, detail: f.detail, proposal: f.proposal },
          });
          summary.opened++;
        }
      }

      // Schedule: which sources should be asked about this parcel now, and when next.
      const srcs = sourcesOfLine.get(r.lineId)!;
      if (srcs.length) {
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
          if (sp?.queuedUntil && sp.queuedUntil > nowIso) {
            sooner(Date.parse(sp.queuedUntil));
            continue;
          }
          if (s.needsRegistration && !sp?.registeredAt) {
            // Waits until its registration is queued (an event: the parcel is due again then).
            if (!sp?.rejected) {
              waits.push([s.id, 0, 0]);
              if (mode === 'full') toRegister.get(s.id)!.push(r);
            }
            continue;
          }
          if (s.delivery !== 'poll') continue;
          const last = sp?.lastPolledAt ? Date.parse(sp.lastPolledAt) : null;
          const at = nextPollAt(facts, last, nowMs);
          if (at !== null && at <= nowMs) {
            // Waits in the order it fell due: a first poll since the parcel was picked (or registered).
            const since = last !== null ? at : Math.max(r.pickedAt, sp?.registeredAt ? Date.parse(sp.registeredAt) : 0);
            waits.push([s.id, 1, since]);
            if (mode === 'full') toPoll.get(s.id)!.push({ row: r, at: since });
            // A later poll's place holds while its polling phase does; then the pass looks again.
            if (last !== null) sooner(phaseEndsAt(facts, nowMs));
          } else sooner(pollDueAt(facts, last));
        }
      }
      leave(r, Math.ceil(next), waits);
    }
    const s0 = performance.now();
    if (mine.length)
      write((emit) => {
        ctx.store.monitorDue(dues);
        mine.forEach((e) => emit(e));
      });
    else ctx.store.monitorDue(dues);
    busyMs += performance.now() - s0;
  };

  // Every look is a step of its own, the last one too: the queuing after it is sized on its own.
  if (mode === 'full') {
    ctx.store.monitorSources(pollSources.map((s) => s.id));
    let after = '';
    for (;;) {
      const n = sizes.look;
      const rows = reader.inFlightAfter(after, n);
      if (!rows.length) break;
      look(rows);
      after = rows[rows.length - 1].id;
      yield* pause('look', 'look', rows.length);
      if (rows.length < n) break;
    }
  } else {
    const ids = reader.dueIds(nowMs);
    yield* pause('due', null);
    for (let i = 0; i < ids.length;) {
      const part = ids.slice(i, i + sizes.look);
      look(reader.inFlightOf(part));
      i += part.length;
      yield* pause('look', 'look', part.length);
    }
  }

  let registrationsQueued = 0;
  let pollsQueued = 0;
  const queuedNow = reader.queuedRequests(pollSources.map((s) => s.id));
  for (const s of pollSources) {
    const spacing = 60_000 / s.ratePerMin;
    const pending = queuedNow.get(s.id) ?? 0;
    let budget = Math.max(0, s.ratePerMin * QUEUE_MINUTES - pending);
    let slot = pending;
    const jobs: ScheduledJob[] = [];
    const add = (kind: 'monitor.register' | 'monitor.poll', batch: Asked[]) => {
      const notBefore = new Date(nowMs + slot++ * spacing).toISOString();
      const numbers = batch.map((b) => ({ parcelId: b.id, trackingNumber: b.trackingNumber }));
      jobs.push({
        job: { id: newId('job', now), kind, target: s.id, ref: batch.length === 1 ? batch[0].id : null, payload: { sourceId: s.id, numbers } },
        notBefore,
      });
      budget--;
    };
    // Registrations first (oldest parcel first), then polls, most overdue first (then by parcel: the same
    // batches whichever parcels the pass looked at first). A full pass sorts what it collected; a due pass
    // reads the head of the source's wait list, in that order, only as far as the budget reaches.
    // Committed in parts of about a slice of numbers each, giving the loop back between them: queuing a
    // backlog's worth (thousands of numbers) never holds a scan for longer than a slice does. A due pass
    // also reads its wait list a part at a time: a part queued leaves the list, so the next read of its
    // head starts where the part ended (same batches, in the same order, as one long read).
    const commit = function* () {
      if (!jobs.length) return;
      const part = jobs.splice(0);
      const s0 = performance.now();
      write((emit) => emit({ type: 'monitor.polls_queued', subject: s.id, payload: { sourceId: s.id, jobs: part } }));
      busyMs += performance.now() - s0;
      yield* pause(`queue ${s.id}`, 'queue', numbersOf(part));
    };
    for (const kind of [0, 1] as const) {
      const name = kind === 0 ? 'monitor.register' : 'monitor.poll';
      if (mode === 'full') {
        // Only what the budget reaches is put in order (a batch per unit of budget).
        const k = budget * s.batchSize;
        const registrations = toRegister.get(s.id)!;
        const polls = toPoll.get(s.id)!;
        const all =
          kind === 0
            ? smallest(registrations, k, (a, b) => (a.id < b.id ? -1 : 1))
            : smallest(polls, k, (a, b) => a.at - b.at || (a.row.id < b.row.id ? -1 : 1)).map((d) => d.row);
        // Choosing among every watched parcel's requests is a step of its own, apart from the commits.
        if ((kind === 0 ? registrations : polls).length > sizes.queue) yield* pause(`choose ${s.id}`, null);
        for (let i = 0, n = 0; i < all.length && budget > 0; i += s.batchSize) {
          const batch = all.slice(i, i + s.batchSize);
          add(name, batch);
          if (kind === 0) registrationsQueued++;
          else pollsQueued++;
          n += batch.length;
          if (n >= sizes.queue) {
            yield* commit();
            n = 0;
          }
        }
        continue;
      }
      for (;;) {
        // Whole batches, about a slice of numbers (at least one batch), within the budget.
        const want = Math.min(budget, Math.max(1, Math.floor(sizes.queue / s.batchSize))) * s.batchSize;
        if (want <= 0) break;
        const head = reader.waiting(s.id, kind, want);
        waitRead += head.length;
        for (let i = 0; i < head.length && budget > 0; i += s.batchSize) {
          add(name, head.slice(i, i + s.batchSize));
          if (kind === 0) registrationsQueued++;
          else pollsQueued++;
        }
        if (head.length < want) break;
        yield* commit();
      }
    }
    yield* commit();
  }

  // A parcel that left the watch list (delivered or returned, even from no scan in one poll; voided)
  // takes its open exception with it: no rule looks at it any more.
  // A due pass reads only the parcels that left with one open (the projector notes them); a full pass all.
  const unwatched = reader.openExceptionsUnwatched();
  const offWatch = mode === 'full' ? [] : unwatched.open;
  if (mode === 'full') {
    const end = reader.exceptionsRowidEnd();
    for (let from = 0; from < end; from += OFF_WATCH_ROWS) {
      const s0 = performance.now();
      offWatch.push(...reader.openExceptionsOffWatch(from, from + OFF_WATCH_ROWS));
      busyMs += performance.now() - s0;
      if (from + OFF_WATCH_ROWS < end) yield* pause('off-watch', null);
    }
  }
  for (const x of offWatch) {
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

  // Committed in parts of about a slice of events, yielding between them: the pass after a minute of
  // deliveries (or the first after start) may clear hundreds. The noted parcels are dropped with the last
  // part; a console stopped before it looks at them again next time (what was cleared is no longer open).
  for (let i = 0; i < events.length;) {
    const part = events.slice(i, i + Math.max(1, sizes.clear));
    i += part.length;
    const last = i >= events.length;
    const s0 = performance.now();
    write((emit) => {
      if (last) ctx.store.monitorUnwatched(unwatched.parcelIds);
      part.forEach((e) => emit(e));
    });
    busyMs += performance.now() - s0;
    if (!last) yield* pause('clear', 'clear', part.length);
  }
  if (!events.length) ctx.store.monitorUnwatched(unwatched.parcelIds);
  const out: PassSummary = {
    at: nowIso,
    mode,
    inFlight: mode === 'full' ? visited : reader.watchedCount(),
    visited,
    waitRead,
    ...summary,
    registrationsQueued,
    pollsQueued,
    ms: Math.round(performance.now() - t0),
    writeMs: Math.round(busyMs * 10) / 10,
  };
  rt.lastPass = out;
  if (mode === 'full') rt.fullNext = false;
  return out;
}

function numbersOf(jobs: ScheduledJob[]): number {
  let n = 0;
  for (const j of jobs) n += j.job.payload.numbers.length;
  return n;
}
