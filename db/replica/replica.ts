import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { toEvent } from '../core/events';
import type { EventLog } from '../core/events';
import type { StoredEvent } from '../event-types';
import type { WireEvent } from '../site/server/types';
import { project, projectionTables } from '../projections';
import { counterTables } from '../core/counters';
import { installJournal, type Journal } from './journal';
import { projectOrRefuse } from '../project-or-refuse';
import { rebuildInOrder } from '../rebuild';
import { sqliteOf } from '../core/handle';

export interface ApplyResult {
  inserted: number;
  /** The events new to this station, in hlc order. */
  events: StoredEvent[];
  /** Events undone and applied again because an older one arrived late. */
  replayed: number;
  rebuilt: boolean;
}

/**
 * This station's copy of the site: events from every station, projected in one order (hlc, station as
 * tie-break) whatever order they arrive in. Recent applications are journaled so a late event only
 * rewinds the window above it; below the stable frontier nothing can arrive late and the journal is
 * dropped. Anything older than the journal covers costs a full replay.
 */
export class Replica {
  private journal: Journal;
  /** Highest hlc no longer covered by the journal: a late event below it forces a full replay. */
  private floor: string;

  constructor(
    private readonly db: Sqlite,
    private readonly log: EventLog,
    private readonly now: () => number,
  ) {
    db.pragma('temp_store = MEMORY');
    db.exec('CREATE TEMP TABLE IF NOT EXISTS replica_window (hlc TEXT PRIMARY KEY, seq INTEGER NOT NULL, mark INTEGER NOT NULL) WITHOUT ROWID');
    db.exec('DELETE FROM temp.replica_window');
    // The counters follow their tables through triggers (an undo of a parcel moves them back too), and
    // parcel_search is a virtual table (no triggers of its own): journaling them would undo them twice.
    const followers = new Set(counterTables.map((t) => t.table));
    this.journal = installJournal(
      db,
      projectionTables.map((t) => t.table).filter((t) => !followers.has(t)),
    );
    this.floor = (db.prepare("SELECT coalesce(max(hlc), '') AS h FROM events").get() as { h: string }).h;
    log.projector = (_db, e) => this.applyOne(e, false);
  }

  /** Events in the window (undoable). */
  windowSize(): number {
    return (stmt(this.db, 'SELECT count(*) AS n FROM temp.replica_window').get() as { n: number }).n;
  }

  /**
   * Store and project events from other stations. Idempotent: events already here are skipped.
   * Events below `frontier` are final (nothing older can still arrive): they are applied without an
   * undo record, which is what makes a join or a long catch-up fast.
   */
  applyRemote(events: WireEvent[], frontier = ''): ApplyResult {
    if (!events.length) return { inserted: 0, events: [], replayed: 0, rebuilt: false };
    return this.db
      .transaction((): ApplyResult => {
        const ins = stmt(
          this.db,
          `INSERT OR IGNORE INTO events (id, station, station_seq, hlc, actor, occurred_at, type, subject, payload)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const fresh: StoredEvent[] = [];
        for (const w of events) {
          const info = ins.run(w.id, w.station, w.stationSeq, w.hlc, w.actor, w.occurredAt, w.type, w.subject, w.payload);
          if (info.changes !== 1) continue;
          fresh.push(
            toEvent({
              seq: Number(info.lastInsertRowid),
              id: w.id,
              station: w.station,
              station_seq: w.stationSeq,
              hlc: w.hlc,
              actor: w.actor,
              occurred_at: w.occurredAt,
              type: w.type,
              subject: w.subject,
              payload: w.payload,
            }),
          );
        }
        if (!fresh.length) return { inserted: 0, events: [], replayed: 0, rebuilt: false };
        fresh.sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
        const oldest = fresh[0].hlc;
        let replayed = 0;
        let rebuilt = false;
        if (oldest < this.floor) {
          this.replayAll();
          rebuilt = true;
        } else {
          const later = stmt(this.db, 'SELECT hlc, seq, mark FROM temp.replica_window WHERE hlc > ? ORDER BY hlc').all(oldest) as Array<{
            hlc: string;
            seq: number;
            mark: number;
          }>;
          let todo = fresh;
          if (later.length) {
            this.journal.undoTo(later[0].mark);
            stmt(this.db, 'DELETE FROM temp.replica_window WHERE hlc > ?').run(oldest);
            const again = later.map((l) => this.eventBySeq(l.seq)).filter((e): e is StoredEvent => !!e);
            replayed = again.length;
            todo = [...fresh, ...again].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
          }
          for (const e of todo) {
            if (e.hlc < frontier && !later.length) this.applyFinal(e);
            else this.applyOne(e, true);
          }
        }
        this.log.observe(fresh[fresh.length - 1].hlc, this.now());
        return { inserted: fresh.length, events: fresh, replayed, rebuilt };
      })
      .immediate();
  }

  /**
   * Nothing older than `frontier` can still arrive (the server says every live station has pushed past
   * it): forget how to undo what lies below.
   */
  settle(frontier: string): number {
    return this.db
      .transaction(() => {
        const keep = stmt(this.db, 'SELECT mark FROM temp.replica_window WHERE hlc >= ? ORDER BY hlc LIMIT 1').get(frontier) as { mark: number } | undefined;
        const top = stmt(this.db, 'SELECT max(hlc) AS h FROM temp.replica_window WHERE hlc < ?').get(frontier) as { h: string | null };
        const n = stmt(this.db, 'DELETE FROM temp.replica_window WHERE hlc < ?').run(frontier).changes;
        this.journal.forget(keep ? keep.mark : this.journal.mark());
        if (top.h && top.h > this.floor) this.floor = top.h;
        return n;
      })
      .immediate();
  }

  private eventBySeq(seq: number): StoredEvent | undefined {
    const r = stmt(this.db, 'SELECT * FROM events WHERE seq = ?').get(seq);
    return r ? toEvent(r as never) : undefined;
  }

  /**
   * Local events throw on a projection error (the service's transaction fails and the picker is told).
   * Remote events never do: the event stays in the log and a conflict is opened for a person.
   */
  private applyOne(e: StoredEvent, remote: boolean): void {
    const mark = this.journal.mark();
    this.journal.recording(() => (remote ? projectOrRefuse(this.db, e) : project(this.db, e)));
    stmt(this.db, 'INSERT OR REPLACE INTO temp.replica_window (hlc, seq, mark) VALUES (?, ?, ?)').run(e.hlc, e.seq, mark);
  }

  private applyFinal(e: StoredEvent): void {
    projectOrRefuse(this.db, e);
    if (e.hlc > this.floor) this.floor = e.hlc;
  }

  /** Every projection again from the whole log, in hlc order; the journal starts empty. */
  private replayAll(): void {
    this.journal.forget(this.journal.mark());
    this.db.exec('DELETE FROM temp.replica_window');
    this.floor = rebuildInOrder(this.db).lastHlc;
  }
}

/** The replica of a store (site mode), on the store's own connection. */
export function replicaOf(store: { log: EventLog }, now: () => number): Replica {
  return new Replica(sqliteOf(store), store.log, now);
}
