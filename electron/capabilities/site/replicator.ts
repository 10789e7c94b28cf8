import type { Store } from '../../../db/store';
import { SiteClock, type Clock } from '../../core/clock';
import type { PulledEvent, SiteLink, StationCredentials, StationStatusRow } from '../../../db/site/server/types';
import { replicaOf, type Replica } from '../../../db/replica/replica';
import { topUpBlocks } from './blocks';
import { recoverHeldBlocks } from './return-blocks';
import { setAsideReturnedLabels } from './returned-labels';

export interface ReplicatorOptions {
  /**
   * Idle time between cycles while the server's notices are heard: only a fallback, since a notice
   * (another station pushed) or a local commit wakes the loop at once.
   */
  everyMs?: number;
  /** Idle time between cycles while no notice can be heard (the listening connection is down). */
  unheardMs?: number;
  /** Duties, the status report and the station list: at most this often, never on every cycle. */
  choresMs?: number;
  pushBatch?: number;
  pullBatch?: number;
  /** Pulled events applied in one transaction at most (a pick waits for it meanwhile). */
  applyBatch?: number;
  /** Stations silent longer than this no longer hold back the stable frontier. */
  activeWithinMs?: number;
  dutyMs?: number;
  version?: string;
  /** The station's name as configured here; without one the name given at join stays. */
  name?: string | null;
}

export interface ReplicationState {
  connected: boolean;
  error: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  /** Commit at another station -> applied here, for the last events pulled. */
  lagMs: number | null;
  pulledServerSeq: number;
  applied: number;
  replayed: number;
  rebuilds: number;
  window: number;
  stations: StationStatusRow[];
  duties: string[];
  /** How far this station's own clock is corrected to the site server's. */
  clockOffsetMs: number;
  /** Blocks the server had this station holding that it had not recorded (leased just before a crash). */
  recoveredBlocks: number;
  /** Own events pulled back from the server (written after the backup this station was restored from). */
  recoveredOwn: number;
  /** A pull reached the end of the site's log since this process started (the site's operators are here). */
  pulledOnce: boolean;
}

// Site-wide work one station does at a time (supervisor notifications would otherwise be raised by every station, or by none).
const DUTIES = ['monitor', 'shopify-intake', 'retention', 'notify'];

/**
 * The station's side of site mode: push own events, pull everyone else's, apply them in hlc order,
 * keep number blocks topped up, hold duties. Works alone when the server is down and catches up after.
 */
export class Replicator {
  readonly replica: Replica;
  private link: SiteLink | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private lastStatusAt = 0;
  private heldDuties = new Map<string, number>();
  private again = false;
  readonly state: ReplicationState = {
    connected: false,
    error: null,
    lastPushAt: null,
    lastPullAt: null,
    lagMs: null,
    pulledServerSeq: 0,
    applied: 0,
    replayed: 0,
    rebuilds: 0,
    window: 0,
    stations: [],
    duties: [],
    clockOffsetMs: 0,
    recoveredBlocks: 0,
    recoveredOwn: 0,
    pulledOnce: false,
  };
  private opts: Required<ReplicatorOptions>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly creds: StationCredentials,
    private readonly connect: (c: StationCredentials) => Promise<SiteLink>,
    opts: ReplicatorOptions = {},
  ) {
    this.opts = {
      everyMs: 2_000,
      unheardMs: 250,
      choresMs: 5_000,
      pushBatch: 2000,
      pullBatch: 5000,
      applyBatch: 20_000,
      activeWithinMs: 15 * 60_000,
      dutyMs: 60_000,
      version: '0.1.0',
      name: null,
      ...opts,
    };
    this.replica = replicaOf(store, () => clock.now().getTime());
    store.site.blocks = true;
    // The site's ranges are shared: even after leaving, this station issues only from blocks, so it
    // never takes a serial another station may still be issuing.
    store.meta.set('numbers_from_blocks', '1');
    this.state.pulledServerSeq = Number(store.read.meta.get('site_pulled_seq') ?? 0);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Run a cycle soon (a local commit: push it). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.link?.close().catch(() => undefined);
    this.link = null;
    this.state.connected = false;
  }

  /** True while this station holds the duty lease (false while cut off from the server). */
  holds(duty: string): boolean {
    const until = this.heldDuties.get(duty);
    return until !== undefined && until > Date.now();
  }

  /** The server link, when connected (job leases). */
  current(): SiteLink | null {
    return this.link;
  }

  /** One full cycle now; resolves when done (tests, CLI). Nothing once stopped. */
  async cycle(): Promise<void> {
    while (this.running) await this.running;
    if (this.stopped) return;
    this.running = this.run().finally(() => (this.running = null));
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    await this.cycle();
    if (this.stopped) return;
    const idle = this.listening ? this.opts.everyMs : this.opts.unheardMs;
    const backoff = this.failures ? Math.min(10_000, 500 * 2 ** Math.min(this.failures, 5)) : this.again ? 0 : idle;
    this.again = false;
    this.schedule(backoff);
  }

  private async run(): Promise<void> {
    try {
      if (!this.link) {
        this.link = await this.connect(this.creds);
        this.state.connected = true;
      }
      if (!this.listening) await this.listen(this.link);
      await this.correctClock(this.link);
      if (!this.ownChecked) await this.takeOwnBack(this.link);
      const pushed = await this.push(this.link);
      await this.pull(this.link);
      if (!this.blocksChecked) this.state.recoveredBlocks += await recoverHeldBlocks(this.store, this.clock, this.link);
      this.blocksChecked = true;
      // The hot loop is push and pull; the rest runs every few seconds (and blocks after own picks).
      const chores = Date.now() - this.choresAt >= this.opts.choresMs;
      if (!this.leaving && (pushed || chores)) await topUpBlocks(this.store, this.clock, this.link);
      if (chores) {
        this.choresAt = Date.now();
        await this.duties(this.link);
        await this.report(this.link);
      }
      this.failures = 0;
      this.state.error = null;
    } catch (err) {
      this.failures++;
      this.state.connected = false;
      this.state.error = err instanceof Error ? err.message : String(err);
      this.heldDuties.clear();
      this.choresAt = 0;
      this.listening = false;
      const link = this.link;
      this.link = null;
      await link?.close().catch(() => undefined);
    }
    this.state.window = this.replica.windowSize();
  }

  private clockReadAt = 0;
  private choresAt = 0;
  private listening = false;

  /** Hear the server's notice of other stations' events; without it the loop polls every unheardMs. */
  private async listen(link: SiteLink): Promise<void> {
    try {
      await link.listen(
        () => this.wake(),
        () => {
          if (this.link !== link) return;
          this.listening = false;
          this.wake();
        },
      );
      this.listening = true;
    } catch {
      this.listening = false;
    }
  }
  private blocksChecked = false;
  /** Set while the station leaves its site: it stops taking number blocks. */
  leaving = false;

  private async correctClock(link: SiteLink): Promise<void> {
    if (!(this.clock instanceof SiteClock) || Date.now() - this.clockReadAt < 10_000) return;
    this.clockReadAt = Date.now();
    const sentAt = this.clock.base.now().getTime();
    const server = await link.serverTime();
    this.clock.observe(server, sentAt, this.clock.base.now().getTime());
    this.state.clockOffsetMs = this.clock.offsetMs;
  }

  private pushedSeq = -1;
  private ownChecked = false;

  /** Own events the server does not have yet (all of them before the first contact). */
  unpushedCount(): number {
    return this.store.read.site.countAbove(this.store.station, Math.max(0, this.pushedSeq));
  }

  /**
   * Once per start, before anything is pushed: the server may hold own events this database lacks (it
   * was restored from an older backup, meta `site_catchup_pending`, or lost its tail). They come back
   * here, in station order, through the replica like anyone's; new local events were written above the
   * restore's sequence floor, so no id collides. Labels they queued are set aside for a person.
   */
  private async takeOwnBack(link: SiteLink): Promise<void> {
    const station = this.store.station;
    const floor = Number(this.store.read.meta.get('station_seq_floor') ?? 0) || Number.MAX_SAFE_INTEGER;
    let after = this.store.read.site.lastStationSeqBelow(station, floor);
    const pending = this.store.read.meta.get('site_catchup_pending') === '1';
    const serverHas = await link.pushedUpTo();
    let back = 0;
    const parcels = new Set<string>();
    while (serverHas > after) {
      const page = (await link.pullOwn(after, this.opts.pullBatch)).filter((e) => e.stationSeq < floor);
      if (!page.length) break;
      after = page[page.length - 1].stationSeq;
      const r = this.replica.applyRemote(page);
      back += r.inserted;
      for (const e of r.events) if (e.subject) parcels.add(e.subject);
      this.store.announce(r.events);
    }
    const held = back ? setAsideReturnedLabels(this.store, this.clock, [...parcels]) : 0;
    if (pending || back)
      this.store.write('site', this.clock.now(), (emit) => {
        emit({ type: 'site.own_events_back', subject: null, payload: { stationId: station, events: back, upToSeq: after, labelsSetAside: held } });
        this.store.meta.set('site_catchup_pending', '');
      });
    this.state.recoveredOwn += back;
    this.ownChecked = true;
  }

  /** Returns how many events went up. */
  private async push(link: SiteLink): Promise<number> {
    if (this.pushedSeq < 0) this.pushedSeq = await link.pushedUpTo();
    const reader = this.store.read.site;
    let n = 0;
    for (;;) {
      const batch = reader.unpushed(this.store.station, this.pushedSeq, this.opts.pushBatch);
      if (!batch.length) return n;
      n += batch.length;
      await link.push(batch);
      this.pushedSeq = batch[batch.length - 1].stationSeq;
      this.state.lastPushAt = this.clock.now().toISOString();
    }
  }

  /**
   * Pages are gathered and applied together (up to applyBatch events): a late page then costs one
   * rewind of this station's newer events, not one per page.
   */
  private async pull(link: SiteLink): Promise<void> {
    // Read before pulling: everything below it was on the server already, so once pulled it is final.
    const frontier = await link.frontier(this.opts.activeWithinMs);
    let cursor = this.state.pulledServerSeq;
    let batch: PulledEvent[] = [];
    const apply = () => {
      const r = batch.length ? this.replica.applyRemote(batch, frontier ?? '') : null;
      if (cursor !== this.state.pulledServerSeq) {
        this.state.pulledServerSeq = cursor;
        this.store.meta.set('site_pulled_seq', String(cursor));
      }
      if (!r) return;
      this.state.applied += r.inserted;
      this.state.replayed += r.replayed;
      if (r.rebuilt) this.state.rebuilds++;
      this.state.lastPullAt = this.clock.now().toISOString();
      this.state.lagMs = Math.max(0, this.clock.now().getTime() - Date.parse(batch[batch.length - 1].occurredAt));
      batch = [];
      // Last: listeners (screens, the outbox) see the state with these events counted.
      this.store.announce(r.events);
    };
    let next = link.pull(cursor, this.opts.pullBatch);
    for (;;) {
      const { events, maxServerSeq } = await next;
      const more = events.length >= this.opts.pullBatch;
      cursor = Math.max(cursor, maxServerSeq);
      for (const e of events) batch.push(e);
      if (more) {
        // The next page is on its way while this station applies (a join, a long catch-up).
        next = link.pull(cursor, this.opts.pullBatch);
        if (batch.length >= this.opts.applyBatch) {
          await new Promise((r) => setImmediate(r));
          apply();
        }
      } else break;
    }
    apply();
    if (frontier) this.replica.settle(frontier);
    this.state.pulledOnce = true;
  }

  private dutyTriedAt = 0;

  /** Each duty lease is asked for (or renewed) every half lease, not on every cycle: each ask is a write at the server. */
  private async duties(link: SiteLink): Promise<void> {
    if (Date.now() - this.dutyTriedAt < this.opts.dutyMs / 2) return;
    this.dutyTriedAt = Date.now();
    for (const d of DUTIES) {
      const mine = await link.leaseDuty(d, this.opts.dutyMs);
      if (mine) this.heldDuties.set(d, Date.now() + this.opts.dutyMs * 0.8);
      else this.heldDuties.delete(d);
    }
    this.state.duties = DUTIES.filter((d) => this.holds(d));
  }

  private lastReport = '';

  /** The station list (a read), and this station's status only when it changed: an idle station writes nothing here. */
  private async report(link: SiteLink): Promise<void> {
    this.state.stations = await link.stations();
    const known = this.state.stations.find((s) => s.station === this.store.station)?.name;
    const status = {
      name: this.opts.name ?? known ?? this.store.station,
      pulledServerSeq: this.state.pulledServerSeq,
      outboxDepth: this.store.read.jobs.depth('').queued,
      lagMs: this.state.lagMs === null ? null : Math.round(this.state.lagMs),
      version: this.opts.version,
    };
    const key = JSON.stringify(status);
    if (key === this.lastReport && Date.now() - this.lastStatusAt < 60_000) return;
    await link.reportStatus(status);
    this.lastReport = key;
    this.lastStatusAt = Date.now();
  }
}
