import type pg from 'pg';
import type { JobLease, PulledEvent, SiteLink, StationStatusReport, StationStatusRow, WireEvent } from './types';

/** Rows per push statement: large enough for thousands of events a second, small enough to keep the lock short. */
const PUSH_BATCH = 5_000;

type PullRow = [string, string, string, string, string, string, string, string, string | null, string];

/** One row of st_pull / st_pull_own (array mode: the columns in their order). */
function pulledEvent(x: PullRow): PulledEvent {
  return {
    serverSeq: Number(x[0]),
    id: x[1],
    station: x[2],
    stationSeq: Number(x[3]),
    hlc: x[4],
    actor: x[5],
    occurredAt: x[6],
    type: x[7],
    subject: x[8],
    payload: x[9],
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** SiteLink over a pg pool; every call goes through a station function that knows the caller by its login role. */
export class PgSiteLink implements SiteLink {
  constructor(
    private readonly pool: pg.Pool,
    readonly station: string,
  ) {}

  async pushedUpTo(): Promise<number> {
    const r = await this.pool.query<{ n: string }>('SELECT firstscan.st_pushed() AS n');
    return Number(r.rows[0].n);
  }

  async push(events: WireEvent[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < events.length; i += PUSH_BATCH) {
      const batch = events.slice(i, i + PUSH_BATCH).map((e) => ({
        id: e.id,
        station: e.station,
        stationSeq: e.stationSeq,
        hlc: e.hlc,
        actor: e.actor,
        occurredAt: e.occurredAt,
        type: e.type,
        subject: e.subject,
        payload: e.payload,
      }));
      const r = await this.pool.query<{ n: number }>('SELECT firstscan.st_push($1::json) AS n', [JSON.stringify(batch)]);
      inserted += r.rows[0].n;
    }
    return inserted;
  }

  async pull(afterServerSeq: number, limit: number): Promise<{ events: PulledEvent[]; maxServerSeq: number }> {
    const hi = Number((await this.pool.query<{ hi: string }>('SELECT firstscan.st_high() AS hi')).rows[0].hi);
    if (hi <= afterServerSeq || limit < 1) return { events: [], maxServerSeq: Math.max(hi, afterServerSeq) };
    const r = await this.pool.query<PullRow>({
      text: 'SELECT * FROM firstscan.st_pull($1, $2, $3)',
      values: [afterServerSeq, hi, limit],
      rowMode: 'array',
    });
    const events = r.rows.map(pulledEvent);
    // A full page may stop short of hi; otherwise everything up to hi has been seen (own events included).
    const maxServerSeq = events.length === limit ? events[events.length - 1].serverSeq : hi;
    return { events, maxServerSeq };
  }

  async pullOwn(afterStationSeq: number, limit: number): Promise<PulledEvent[]> {
    const r = await this.pool.query<PullRow>({ text: 'SELECT * FROM firstscan.st_pull_own($1, $2)', values: [afterStationSeq, limit], rowMode: 'array' });
    return r.rows.map(pulledEvent);
  }

  async frontier(activeWithinMs: number): Promise<string | null> {
    const r = await this.pool.query<{ f: string | null }>('SELECT firstscan.st_frontier($1) AS f', [Math.max(0, Math.round(activeWithinMs))]);
    return r.rows[0].f;
  }

  async reportStatus(s: StationStatusReport): Promise<void> {
    await this.pool.query('SELECT firstscan.st_report($1, $2, $3, $4, $5)', [
      s.name,
      s.pulledServerSeq,
      s.outboxDepth,
      s.lagMs === null ? null : Math.round(s.lagMs),
      s.version,
    ]);
  }

  async stations(): Promise<StationStatusRow[]> {
    const r = await this.pool.query<{
      station: string;
      name: string;
      pushed_seq: string;
      pulled_server_seq: string;
      outbox_depth: number;
      lag_ms: string | null;
      version: string;
      last_push_at: Date | null;
      last_pull_at: Date | null;
      last_seen_at: Date | null;
    }>('SELECT * FROM firstscan.st_stations()');
    return r.rows.map((x) => ({
      station: x.station,
      name: x.name,
      pushedSeq: Number(x.pushed_seq),
      pulledServerSeq: Number(x.pulled_server_seq),
      outboxDepth: x.outbox_depth,
      lagMs: x.lag_ms === null ? null : Number(x.lag_ms),
      version: x.version,
      lastPushAt: iso(x.last_push_at),
      lastPullAt: iso(x.last_pull_at),
      lastSeenAt: iso(x.last_seen_at),
    }));
  }

  async leaseJob(jobId: string, ms: number): Promise<JobLease> {
    const r = await this.pool.query<{ s: JobLease }>('SELECT firstscan.st_lease_job($1, $2) AS s', [jobId, Math.round(ms)]);
    return r.rows[0].s;
  }

  async finishJob(jobId: string, state: 'done' | 'dead'): Promise<void> {
    await this.pool.query('SELECT firstscan.st_finish_job($1, $2)', [jobId, state]);
  }

  async leaseDuty(name: string, ms: number): Promise<boolean> {
    const r = await this.pool.query<{ ok: boolean }>('SELECT firstscan.st_lease_duty($1, $2) AS ok', [name, Math.round(ms)]);
    return r.rows[0].ok;
  }

  async leaseBlock(range: { id: string; first: number; last: number; startAt: number }, size: number): Promise<{ first: number; last: number } | null> {
    const r = await this.pool.query<{ first: string | null; last: string | null }>('SELECT * FROM firstscan.st_lease_block($1, $2, $3, $4, $5)', [
      range.id,
      range.first,
      range.last,
      range.startAt,
      Math.floor(size),
    ]);
    const b = r.rows[0];
    return b.first === null || b.last === null ? null : { first: Number(b.first), last: Number(b.last) };
  }

  async returnBlock(rangeId: string, first: number, last: number): Promise<void> {
    await this.pool.query('SELECT firstscan.st_return_block($1, $2, $3)', [rangeId, first, last]);
  }

  async serverTime(): Promise<number> {
    const r = await this.pool.query<{ ms: string }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms');
    return Number(r.rows[0].ms);
  }

  async heldBlocks(): Promise<Array<{ rangeId: string; first: number; last: number }>> {
    const r = await this.pool.query<{ range_id: string; first: string; last: string }>('SELECT * FROM firstscan.st_held_blocks()');
    return r.rows.map((b) => ({ rangeId: b.range_id, first: Number(b.first), last: Number(b.last) }));
  }

  private listener: pg.PoolClient | null = null;

  async listen(onEvents: () => void, onLost: () => void): Promise<void> {
    const client = await this.pool.connect();
    let lost = false;
    const drop = () => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      client.release(true);
      onLost();
    };
    client.on('notification', (n) => {
      if (n.channel === 'firstscan_events' && !n.payload?.startsWith(`${this.station} `)) onEvents();
    });
    client.on('error', drop);
    client.on('end', drop);
    try {
      await client.query('LISTEN firstscan_events');
    } catch (err) {
      drop();
      throw err;
    }
    this.listener = client;
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    if (l) {
      l.removeAllListeners('end');
      l.removeAllListeners('error');
      l.on('error', () => undefined);
      l.release(true);
    }
    await this.pool.end();
  }
}
