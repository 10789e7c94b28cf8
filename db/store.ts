import { copyAwaited, logRoom, type Sqlite } from './core/open';
import { EventLog } from './core/events';
import { project } from './projections';
import type { EventDraft, EventType, StoredEvent } from './event-types';
import { linesReader } from './lines/reader';
import { ordersReader } from './orders/reader';
import { parcelsReader } from './pick/reader';
import { jobsReader } from './outbox/reader';
import { settingsReader } from './station/reader';
import { metaStore } from './station/meta';
import { metaWriter } from './station/meta-writer';
import { jobLeases } from './outbox/leases';
import { backupWriter } from './backup/writer';
import { shopifyReader } from './shopify/reader';
import { relinkNumbersReader } from './pick/relink-numbers';
import { monitorReader } from './monitor/reader';
import { dispatchReader } from './dispatch/reader';
import { cutoffsReader } from './cutoffs/reader';
import { devicesReader } from './devices/reader';
import { siteReader } from './site/reader';
import { fingerprint } from './fingerprint';
import { eventsReader } from './core/events-reader';
import { databaseReader } from './core/database-reader';
import { backupReader } from './backup/reader';
import { packReader } from './pack/reader';
import { operatorsReader } from './operators/reader';
import { assessmentReader } from './assessment/reader';
import { retentionReader } from './retention/reader';
import { attachArchive, checkpointArchive, copyToArchive, flushArchive } from './retention/archive';
import { bindHandle } from './core/handle';
import { moveSearchQueue, nextSearchBatch, SEARCH_FIRST_BATCH } from './pick/search-index';

const SEARCH_AFTER_MS = 200;
import { dropUnwatched, dropWaitingExcept, writeMonitorDue, type Looked } from './monitor/due';
import { DiskFullError, DiskWatch, isDiskFull } from './core/disk';

/** Every capability's reader, made once per connection: the one door services read through. */
function readers(db: Sqlite) {
  return {
    lines: linesReader(db),
    orders: ordersReader(db),
    parcels: parcelsReader(db),
    jobs: jobsReader(db),
    settings: settingsReader(db),
    meta: metaStore(db),
    shopify: shopifyReader(db),
    relinkNumbers: relinkNumbersReader(db),
    monitor: monitorReader(db),
    dispatch: dispatchReader(db),
    cutoffs: cutoffsReader(db),
    devices: devicesReader(db),
    /** Site mode's state, and the projections' fingerprint that stations compare to prove they agree. */
    site: { ...siteReader(db), fingerprint: () => fingerprint(db) },
    events: eventsReader(db),
    database: databaseReader(db),
    backup: backupReader(db),
    pack: packReader(db),
    operators: operatorsReader(db),
    assessment: assessmentReader(db),
    retention: retentionReader(db),
  };
}

export type Readers = ReturnType<typeof readers>;

/**
 * The typed face of the database for services: `read.<cap>` per capability, and one way to write:
 * `write(fn)` runs fn in an IMMEDIATE transaction where `emit` appends events and projects them.
 * The connection itself is private to db/ (db/core/handle.ts).
 */
export function createStore(db: Sqlite, station: string, disk: DiskWatch = new DiskWatch(null)) {
  // The archive beside the database (retention): attached before any transaction, so projections can reach it.
  if (!db.readonly) attachArchive(db);
  const log = new EventLog(db, station, project);
  const listeners = new Set<(events: StoredEvent[]) => void>();
  // The search queue (migration 0019) moves into the index shortly after the commits that fill it,
  // between scans, never inside one; a search reads both meanwhile.
  let searchTimer: NodeJS.Timeout | null = null;
  // Sized by time, not count: a move holds the loop about 8 ms whatever a text costs here.
  let searchBatch = SEARCH_FIRST_BATCH;
  const searchSoon = (ms = SEARCH_AFTER_MS) => {
    searchTimer ??= setTimeout(() => {
      searchTimer = null;
      if (!db.open || disk.refuses()) return;
      // Inside a caller's open transaction (a generated station's bulk write): later.
      if (db.inTransaction) return searchSoon(1000);
      if (copyAwaited(db)) return searchSoon(20);
      try {
        const t0 = performance.now();
        const left = store.indexSearch(searchBatch);
        searchBatch = nextSearchBatch(searchBatch, performance.now() - t0);
        if (left > 0) searchSoon(0);
      } catch {
        // Busy or short of space: the texts stay queued (and found), and the move is tried again.
        searchSoon(1000);
      }
    }, ms);
    searchTimer.unref();
  };
  const store = {
    station,
    log,
    /** Site mode: numbers come only from blocks the site server leased to this station. */
    site: { blocks: false },
    read: readers(db),
    /*
     * Writes that are not events, each named beside write(): the read door (`read`) never writes
     * (test/repo/one-door.test.ts). Leases are runtime state, meta holds station-local facts.
     */
    jobs: jobLeases(db),
    meta: metaWriter(db),
    backup: backupWriter(db),
    /** Several writes (and their reads) in one IMMEDIATE transaction: all of them or none. */
    batch<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    /**
     * Writes inside fn skip the fsync (synchronous NORMAL): a crash may lose the last of them. For bulk
     * writes the caller makes durable at the end with a last ordinary write.
     */
    unsynced<T>(fn: () => T): T {
      if (db.inTransaction) return fn(); // inside another's transaction: its commit decides
      db.pragma('synchronous = NORMAL');
      try {
        return fn();
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    /**
     * For generating a large demo station only: fn's writes, awaited, in one IMMEDIATE transaction
     * without fsync, and the WAL copied into the database after it. Never for the floor's writes.
     */
    async generated<T>(fn: () => Promise<T>): Promise<T> {
      db.pragma('synchronous = OFF');
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn();
        db.exec('COMMIT');
        db.pragma('wal_checkpoint(TRUNCATE)');
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    /**
     * Moves a batch of queued search texts into the trigram index; returns how many are still queued.
     * Unsynced: the queue and the index change in one transaction, so a crash loses neither.
     */
    indexSearch(limit?: number): number {
      db.pragma('synchronous = NORMAL');
      try {
        return db.transaction(() => moveSearchQueue(db, limit)).immediate();
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    /**
     * The monitor pass's own bookkeeping: when it next looks at each parcel (runtime state, not an event;
     * inside a write it joins that transaction, else it commits without an fsync).
     */
    monitorDue(rows: Looked[]): void {
      if (!rows.length || disk.refuses()) return;
      if (db.inTransaction) writeMonitorDue(db, rows);
      else this.unsynced(() => writeMonitorDue(db, rows));
    },
    /** The parcels off the watch list the monitor pass has looked at (inside its write: runtime state, as above). */
    monitorUnwatched(parcelIds: string[]): void {
      if (!parcelIds.length || disk.refuses()) return;
      if (db.inTransaction) dropUnwatched(db, parcelIds);
      else this.unsynced(() => dropUnwatched(db, parcelIds));
    },
    /** The monitor's wait lists of sources the console no longer has are dropped (runtime state, as above). */
    monitorSources(sourceIds: string[]): void {
      if (disk.refuses()) return;
      if (db.inTransaction) dropWaitingExcept(db, sourceIds);
      else this.unsynced(() => dropWaitingExcept(db, sourceIds));
    },
    /**
     * Retention, first half of a batch: copy the parcels' bulky rows into the archive file, in a transaction
     * of the archive alone (the hot database is not written). The retention.archived event then takes them
     * out of the hot tables: killed between the two, the next batch copies again (nothing twice) and deletes.
     * On this connection: a second connection writing the archive would hold every scan's write, which
     * takes the archive's write lock too (BEGIN IMMEDIATE locks every attached database).
     */
    archiveCopy(parcelIds: string[], at: string): void {
      if (disk.refuses()) throw new DiskFullError(disk.drive);
      db.transaction(() => copyToArchive(db, parcelIds, at))();
    },
    /** The archive's last copy made durable, off the console's thread (before the hot rows go). */
    archiveFlush(): Promise<void> {
      return flushArchive(db);
    },
    /** After an archive run: the archive's write-ahead log folded into its file. */
    archiveSettle(): void {
      if (db.open) checkpointArchive(db);
    },
    /** For a long writer between its steps: waits while the WAL is past its limit and not copied yet (db/core/open.ts). */
    logRoom(): Promise<void> {
      return logRoom(db);
    },
    /** False once the connection is closed (the app is stopping). */
    isOpen(): boolean {
      return db.open;
    },
    /** Full disk: writes are refused at once (DiskFullError) until the probe finds room again. */
    disk,
    write<T>(actor: string, at: Date, fn: (emit: <E extends EventType>(d: EventDraft<E>) => StoredEvent<E>) => T): T {
      if (disk.refuses()) throw new DiskFullError(disk.drive);
      const emitted: StoredEvent[] = [];
      let result: T;
      try {
        result = db
          .transaction(() =>
            fn((d) => {
              const e = log.append(d, actor, at);
              emitted.push(e);
              return e;
            }),
          )
          .immediate();
      } catch (err) {
        if (!isDiskFull(err)) throw err;
        disk.markFull();
        throw new DiskFullError(disk.drive);
      }
      if (emitted.length) {
        searchSoon();
        for (const l of listeners) l(emitted);
      }
      return result;
    },
    /** Tell the listeners about events committed elsewhere (another station's, applied by site mode). */
    announce(events: StoredEvent[]): void {
      if (events.length) searchSoon();
      if (events.length) for (const l of listeners) l(events);
    },
    /** Called after commit with the events just written (push to screens, wake job runners). */
    onCommit(fn: (events: StoredEvent[]) => void): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  bindHandle(store, db);
  return store;
}

export type Store = ReturnType<typeof createStore>;
