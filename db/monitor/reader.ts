import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import { rowMapper, type Raw } from '../core/rows';
import type { CostSettingsData, ExceptionCause, MonitorRulesData, TrackingStatus } from './events';
import { archiveOf } from '../retention/archive';

const tables = new WeakMap<Sqlite, Map<string, boolean>>();
const columns = new WeakMap<Sqlite, Map<string, boolean>>();

/** Other capabilities' tables may not exist yet (they are built in parallel): read them only when there. */
function hasTable(db: Sqlite, name: string): boolean {
  let m = tables.get(db);
  if (!m) tables.set(db, (m = new Map()));
  if (!m.has(name)) m.set(name, !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
  return m.get(name)!;
}

function hasColumn(db: Sqlite, table: string, column: string): boolean {
  let m = columns.get(db);
  if (!m) columns.set(db, (m = new Map()));
  const k = `${table}.${column}`;
  if (!m.has(k))
    m.set(
      k,
      (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === column),
    );
  return m.get(k)!;
}

export interface ScanRow {
  parcelId: string;
  status: TrackingStatus;
  scannedAt: string;
  learnedAt: string;
  sourceId: string;
  via: string;
  location: string | null;
  detail: string;
}

export interface TrackingRow {
  parcelId: string;
  status: TrackingStatus;
  statusAt: string;
  firstScanAt: string | null;
  firstLearnedAt: string | null;
  firstSource: string | null;
  lastScanAt: string;
  lastLearnedAt: string;
  scans: number;
}

/** What the rules-and-schedule pass knows of one in-flight parcel (instants in epoch ms). */
export interface InFlightRow {
  id: string;
  lineId: string;
  trackingNumber: string;
  pickedAt: number;
  pickupAt: number | null;
  windowFrom: number | null;
  windowTo: number | null;
  handedOverAt: number | null;
  trackStatus: TrackingStatus | null;
  firstScanAt: number | null;
  lastScanAt: number | null;
  exceptionId: string | null;
  exceptionCause: ExceptionCause | null;
  exceptionSince: number | null;
  reshipped: boolean;
  /** When the pass was next to look at it (monitor_watch.due_at; runtime state). */
  dueAt: number;
}

export interface ExceptionRow {
  id: string;
  parcelId: string;
  cause: ExceptionCause;
  status: 'open' | 'resolved';
  since: string;
  openedAt: string;
  dueAt: string;
  detail: string;
  proposal: 'reship' | null;
  owner: string | null;
  contacts: number;
  contactedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  reason: string | null;
  trackingNumber: string;
  orderId: string;
  orderName: string;
  lineId: string;
  lineName: string;
  buyer: string;
  email: string | null;
}

export interface ReshipRow {
  newOrderId: string;
  newOrderName: string;
  oldParcelId: string;
  exceptionId: string | null;
  reason: string;
  createdAt: string;
  createdBy: string;
  newParcelId: string | null;
  pickedNoted: boolean;
}

const toScan = rowMapper<ScanRow>({
  parcelId: 'parcel_id',
  status: 'status',
  scannedAt: 'scanned_at',
  learnedAt: 'learned_at',
  sourceId: 'source_id',
  via: 'via',
  location: 'location',
  detail: 'detail',
});
const toTracking = rowMapper<TrackingRow>({
  parcelId: 'parcel_id',
  status: 'status',
  statusAt: 'status_at',
  firstScanAt: 'first_scan_at',
  firstLearnedAt: 'first_learned_at',
  firstSource: 'first_source',
  lastScanAt: 'last_scan_at',
  lastLearnedAt: 'last_learned_at',
  scans: 'scans',
});
const toPollState = rowMapper<{ registeredAt: string | null; rejected: string | null; lastPolledAt: string | null; queuedUntil: string | null }>({
  registeredAt: 'registered_at',
  rejected: 'rejected',
  lastPolledAt: 'last_polled_at',
  queuedUntil: 'queued_until',
});
const toException = rowMapper<ExceptionRow>({
  id: 'id',
  parcelId: 'parcel_id',
  cause: 'cause',
  status: 'status',
  since: 'since',
  openedAt: 'opened_at',
  dueAt: 'due_at',
  detail: 'detail',
  proposal: 'proposal',
  owner: 'owner',
  contacts: 'contacts',
  contactedAt: 'contacted_at',
  resolvedAt: 'resolved_at',
  resolution: 'resolution',
  resolvedBy: 'resolved_by',
  reason: 'reason',
  trackingNumber: 'tracking_number',
  orderId: 'order_id',
  orderName: 'order_name',
  lineId: 'line_id',
  lineName: 'line_name',
  buyer: (r) => JSON.parse(r.ship_to as string).name as string,
  email: 'email',
});
const toOffWatch = rowMapper<{ exceptionId: string; parcelId: string; trackStatus: string | null; parcelStatus: string | null }>({
  exceptionId: 'id',
  parcelId: 'parcel_id',
  trackStatus: 'track_status',
  parcelStatus: 'parcel_status',
});
const toReship = rowMapper<ReshipRow>({
  newOrderId: 'new_order_id',
  newOrderName: 'new_order_name',
  oldParcelId: 'old_parcel_id',
  exceptionId: 'exception_id',
  reason: 'reason',
  createdAt: 'created_at',
  createdBy: 'created_by',
  newParcelId: 'new_parcel_id',
  pickedNoted: (r) => r.picked_noted === 1,
});

const WATCH = `parcel_id, line_id, tracking_number, picked_at, pickup_at, window_from, window_to, handed_over_at,
  track_status, first_scan_at, last_scan_at, exc_id, exc_cause, exc_since, reshipped, due_at`;
const toInFlight = (r: unknown[]): InFlightRow => ({
  id: r[0] as string,
  lineId: r[1] as string,
  trackingNumber: r[2] as string,
  pickedAt: r[3] as number,
  pickupAt: r[4] as number | null,
  windowFrom: r[5] as number | null,
  windowTo: r[6] as number | null,
  handedOverAt: r[7] as number | null,
  trackStatus: r[8] as TrackingStatus | null,
  firstScanAt: r[9] as number | null,
  lastScanAt: r[10] as number | null,
  exceptionId: r[11] as string | null,
  exceptionCause: r[12] as ExceptionCause | null,
  exceptionSince: r[13] as number | null,
  reshipped: r[14] === 1,
  dueAt: r[15] as number,
});

export type PollState = { registeredAt: string | null; rejected: string | null; lastPolledAt: string | null; queuedUntil: string | null };

const EXCEPTIONS = `SELECT e.*, p.tracking_number, p.order_id, p.line_id, o.name AS order_name, o.ship_to, o.email, l.name AS line_name
  FROM monitor_exceptions e JOIN parcels p ON p.id = e.parcel_id JOIN orders o ON o.id = p.order_id JOIN carrier_lines l ON l.id = p.line_id`;

export interface QueueFilter {
  status: 'open' | 'resolved';
  cause?: string;
  owner?: string;
  lineId?: string;
  limit: number;
  /** Keyset paging: the rows after this exception in the queue's order. */
  after?: string;
  /** Only the exceptions of these parcels (a screen's delta after a push). */
  parcelIds?: string[];
}

/** Reads of the monitor's tables, and of what it needs from dispatch, cut-offs and Shopify. */
export function monitorReader(db: Sqlite) {
  return {
    setting<T>(key: 'rules' | 'costs'): T | undefined {
      const r = stmt(db, 'SELECT value FROM monitor_settings WHERE key = ?').get(key) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as T) : undefined;
    },
    rules(): MonitorRulesData | undefined {
      return this.setting<MonitorRulesData>('rules');
    },
    costs(): CostSettingsData | undefined {
      return this.setting<CostSettingsData>('costs');
    },
    /** A parcel's carrier scans, the archived ones (retention) read from the archive file. */
    scans(parcelId: string): ScanRow[] {
      const sql = archiveOf(db)
        ? `SELECT parcel_id, status, scanned_at, learned_at, source_id, via, location, detail FROM monitor_scans WHERE parcel_id = ?
           UNION SELECT parcel_id, status, scanned_at, learned_at, source_id, via, location, detail FROM archive.monitor_scans WHERE parcel_id = ?
           ORDER BY scanned_at, status`
        : 'SELECT * FROM monitor_scans WHERE parcel_id = ? AND ? IS NOT NULL ORDER BY scanned_at, status';
      return (stmt(db, sql).all(parcelId, parcelId) as Raw[]).map(toScan);
    },
    /** Known scans of several parcels (status and time only), for dropping what a source repeats. */
    knownScans(parcelIds: string[]): Map<string, Array<{ status: string; scannedAt: string }>> {
      const m = new Map<string, Array<{ status: string; scannedAt: string }>>();
      const q = stmt(db, 'SELECT status, scanned_at FROM monitor_scans WHERE parcel_id = ?');
      for (const id of parcelIds)
        m.set(
          id,
          (q.all(id) as Array<{ status: string; scanned_at: string }>).map((r) => ({ status: r.status, scannedAt: r.scanned_at })),
        );
      return m;
    },
    tracking(parcelId: string): TrackingRow | undefined {
      const r = stmt(db, 'SELECT * FROM monitor_tracking WHERE parcel_id = ?').get(parcelId) as Raw | undefined;
      return r && toTracking(r);
    },
    milestones(parcelId: string): Set<string> {
      return new Set(
        (stmt(db, 'SELECT milestone FROM monitor_milestones WHERE parcel_id = ?').all(parcelId) as Array<{ milestone: string }>).map((r) => r.milestone),
      );
    },
    /** Per source: parcel id -> poll state. */
    sourceParcels(): Map<
      string,
      Map<string, { registeredAt: string | null; rejected: string | null; lastPolledAt: string | null; queuedUntil: string | null }>
    > {
      const out = new Map<
        string,
        Map<string, { registeredAt: string | null; rejected: string | null; lastPolledAt: string | null; queuedUntil: string | null }>
      >();
      for (const r of stmt(db, 'SELECT * FROM monitor_source_parcels').iterate() as Iterable<Raw>) {
        let m = out.get(r.source_id as string);
        if (!m) out.set(r.source_id as string, (m = new Map()));
        m.set(r.parcel_id as string, toPollState(r));
      }
      return out;
    },
    isRegistered(sourceId: string, trackingNumber: string): boolean {
      return !!stmt(
        db,
        'SELECT 1 FROM monitor_source_parcels s JOIN parcels p ON p.id = s.parcel_id WHERE s.source_id = ? AND p.tracking_number = ? AND s.registered_at IS NOT NULL',
      ).get(sourceId, trackingNumber);
    },
    /** Every parcel the monitor still watches, with what the rules-and-schedule pass needs: one table, one scan. */
    inFlight(): InFlightRow[] {
      return (stmt(db, `SELECT ${WATCH} FROM monitor_watch`).raw().all() as unknown[][]).map(toInFlight);
    },
    /** The next `limit` watched parcels after `afterId` (a full pass in slices, by the primary key). */
    inFlightAfter(afterId: string, limit: number): InFlightRow[] {
      return (stmt(db, `SELECT ${WATCH} FROM monitor_watch WHERE parcel_id > ? ORDER BY parcel_id LIMIT ?`).raw().all(afterId, limit) as unknown[][]).map(
        toInFlight,
      );
    },
    /** Watched parcels the pass has to look at by nowMs (an index range: only the due ones). */
    dueIds(nowMs: number): string[] {
      return stmt(db, 'SELECT parcel_id FROM monitor_watch INDEXED BY monitor_watch_due WHERE due_at <= ?').pluck().all(nowMs) as string[];
    },
    /** These watched parcels (a slice of a due pass), in one statement: one index probe each. */
    inFlightOf(ids: string[]): InFlightRow[] {
      const q = stmt(db, `SELECT ${WATCH} FROM monitor_watch WHERE parcel_id IN (SELECT value FROM json_each(?)) ORDER BY parcel_id`).raw();
      return (q.all(JSON.stringify(ids)) as unknown[][]).map(toInFlight);
    },
    /**
     * The first `limit` parcels waiting for a source's registration (kind 0) or poll (kind 1), in the order
     * the source takes them: an index range that stops at the limit, whatever the length of the wait list.
     */
    waiting(sourceId: string, kind: 0 | 1, limit: number): Array<{ id: string; trackingNumber: string }> {
      if (limit <= 0) return [];
      return (
        stmt(
          db,
          `SELECT w.parcel_id, m.tracking_number FROM monitor_waiting w INDEXED BY monitor_waiting_order JOIN monitor_watch m ON m.parcel_id = w.parcel_id
           WHERE w.source_id = ? AND w.kind = ? ORDER BY w.since, w.parcel_id LIMIT ?`,
        )
          .raw()
          .all(sourceId, kind, limit) as Array<[string, string]>
      ).map(([id, trackingNumber]) => ({ id, trackingNumber }));
    },
    watchedCount(): number {
      return stmt(db, 'SELECT count(*) FROM monitor_watch INDEXED BY monitor_watch_due').pluck().get() as number;
    },
    /** Causes a person closed, for these parcels only. */
    closedCausesOf(ids: string[]): Map<string, Set<string>> {
      const m = new Map<string, Set<string>>();
      const q = stmt(
        db,
        `SELECT parcel_id, cause FROM monitor_exceptions INDEXED BY monitor_exceptions_parcel
         WHERE parcel_id IN (SELECT value FROM json_each(?)) AND status = 'resolved' AND resolution <> 'cleared'`,
      ).raw();
      for (const [id, cause] of q.all(JSON.stringify(ids)) as Array<[string, string]>) {
        let c = m.get(id);
        if (!c) m.set(id, (c = new Set()));
        c.add(cause);
      }
      return m;
    },
    /** Per source: poll state of these parcels only. */
    sourceParcelsOf(ids: string[]): Map<string, Map<string, PollState>> {
      const out = new Map<string, Map<string, PollState>>();
      const q = stmt(
        db,
        `SELECT source_id, parcel_id, registered_at, rejected, last_polled_at, queued_until FROM monitor_source_parcels INDEXED BY monitor_source_parcels_parcel
         WHERE parcel_id IN (SELECT value FROM json_each(?))`,
      ).raw();
      for (const r of q.all(JSON.stringify(ids)) as Array<[string, string, string | null, string | null, string | null, string | null]>) {
        let m = out.get(r[0]);
        if (!m) out.set(r[0], (m = new Map()));
        m.set(r[1], { registeredAt: r[2], rejected: r[3], lastPolledAt: r[4], queuedUntil: r[5] });
      }
      return out;
    },
    /** What these parcels wait for, per parcel: "source kind since" (the pass writes only what changed). */
    waitingOf(ids: string[]): Map<string, string[]> {
      const m = new Map<string, string[]>();
      const q = stmt(db, 'SELECT parcel_id, source_id, kind, since FROM monitor_waiting WHERE parcel_id IN (SELECT value FROM json_each(?))').raw();
      for (const [id, source, kind, since] of q.all(JSON.stringify(ids)) as Array<[string, string, number, number]>) {
        let w = m.get(id);
        if (!w) m.set(id, (w = []));
        w.push(`${source} ${kind} ${since}`);
      }
      return m;
    },
    /**
     * Registrations and polls waiting in the outbox per source: the source's queued lane, counted on its
     * index (a source's lane holds only its requests, never more than the pass lets it queue).
     */
    queuedRequests(sourceIds: string[]): Map<string, number> {
      const q = stmt(db, "SELECT count(*) FROM jobs INDEXED BY jobs_lane WHERE status = 'queued' AND target = ?").pluck();
      return new Map(sourceIds.map((id) => [id, q.get(id) as number]));
    },
    /** When the carrier took the parcel (dispatch's handover), or null. */
    handedOverAt(parcelId: string): string | null {
      if (hasTable(db, 'manifest_parcels')) {
        const r = stmt(db, 'SELECT handed_over_at FROM manifest_parcels WHERE parcel_id = ?').get(parcelId) as { handed_over_at: string | null } | undefined;
        if (r?.handed_over_at) return r.handed_over_at;
      }
      const e = stmt(db, "SELECT occurred_at FROM events WHERE subject = ? AND type = 'parcel.handed_over' ORDER BY seq LIMIT 1").get(parcelId) as
        { occurred_at: string } | undefined;
      return e?.occurred_at ?? null;
    },
    /** Open exceptions of parcels no longer watched (delivered or returned, voided): nothing else would close them. All of them (a full pass). */
    /**
     * Those of the exceptions with rowid in (from, to]: a full pass reads the table a range at a time,
     * yielding between ranges (all of it at once held the loop about 120 ms at 100k parcels).
     */
    openExceptionsOffWatch(
      from = 0,
      to = Number.MAX_SAFE_INTEGER,
    ): Array<{ exceptionId: string; parcelId: string; trackStatus: string | null; parcelStatus: string | null }> {
      return (
        stmt(
          db,
          `SELECT e.id, e.parcel_id, t.status AS track_status, p.status AS parcel_status FROM monitor_exceptions e NOT INDEXED
           LEFT JOIN monitor_tracking t ON t.parcel_id = e.parcel_id LEFT JOIN parcels p ON p.id = e.parcel_id
           WHERE e.rowid > ? AND e.rowid <= ? AND e.status = 'open' AND NOT EXISTS (SELECT 1 FROM monitor_watch w WHERE w.parcel_id = e.parcel_id)`,
        ).all(from, to) as Raw[]
      ).map(toOffWatch);
    },
    /** The highest rowid of the exceptions (where a full pass's last range ends). */
    exceptionsRowidEnd(): number {
      return (stmt(db, 'SELECT max(rowid) AS n FROM monitor_exceptions').get() as { n: number | null }).n ?? 0;
    },
    /**
     * The same, among the parcels that left the watch list with an open exception since the pass last
     * looked (monitor_unwatched, kept by the projector): a due pass reads only those. With the parcels read.
     */
    openExceptionsUnwatched(): {
      parcelIds: string[];
      open: Array<{ exceptionId: string; parcelId: string; trackStatus: string | null; parcelStatus: string | null }>;
    } {
      const parcelIds = stmt(db, 'SELECT parcel_id FROM monitor_unwatched').pluck().all() as string[];
      if (!parcelIds.length) return { parcelIds, open: [] };
      const open = (
        stmt(
          db,
          `SELECT e.id, e.parcel_id, t.status AS track_status, p.status AS parcel_status FROM monitor_unwatched u
           JOIN monitor_exceptions e INDEXED BY monitor_exceptions_parcel ON e.parcel_id = u.parcel_id AND e.status = 'open'
           LEFT JOIN monitor_tracking t ON t.parcel_id = e.parcel_id LEFT JOIN parcels p ON p.id = e.parcel_id
           WHERE NOT EXISTS (SELECT 1 FROM monitor_watch w WHERE w.parcel_id = e.parcel_id)`,
        ).all() as Raw[]
      ).map(toOffWatch);
      return { parcelIds, open };
    },
    /** Causes a person closed for a parcel (they do not reopen by themselves). */
    closedCauses(): Map<string, Set<string>> {
      const m = new Map<string, Set<string>>();
      for (const r of stmt(db, "SELECT parcel_id, cause FROM monitor_exceptions WHERE status = 'resolved' AND resolution <> 'cleared'").iterate() as Iterable<{
        parcel_id: string;
        cause: string;
      }>) {
        let s = m.get(r.parcel_id);
        if (!s) m.set(r.parcel_id, (s = new Set()));
        s.add(r.cause);
      }
      return m;
    },
    exception(id: string): ExceptionRow | undefined {
      const r = stmt(db, `${EXCEPTIONS} WHERE e.id = ?`).get(id) as Raw | undefined;
      return r && toException(r);
    },
    exceptionsOf(parcelId: string): ExceptionRow[] {
      return (stmt(db, `${EXCEPTIONS} WHERE e.parcel_id = ? ORDER BY e.opened_at`).all(parcelId) as Raw[]).map(toException);
    },
    /** Open: most urgent first (due, opened, id); resolved: newest first. Paged by keyset (`after`), an index walk at any depth. */
    queue(f: QueueFilter): ExceptionRow[] {
      const open = f.status === 'open';
      const order = open ? 'e.due_at, e.opened_at, e.id' : 'e.resolved_at DESC, e.id DESC';
      const extra: string[] = [];
      const args: unknown[] = [];
      if (f.after) {
        extra.push(
          open
            ? '(e.due_at, e.opened_at, e.id) > (SELECT due_at, opened_at, id FROM monitor_exceptions WHERE id = ?)'
            : '(e.resolved_at, e.id) < (SELECT resolved_at, id FROM monitor_exceptions WHERE id = ?)',
        );
        args.push(f.after);
      }
      if (f.parcelIds) (extra.push(`e.parcel_id IN (${f.parcelIds.map(() => '?').join(',') || 'NULL'})`), args.push(...f.parcelIds));
      const rows = stmt(
        db,
        `${EXCEPTIONS} WHERE e.status = ? AND (? IS NULL OR e.cause = ?) AND (? IS NULL OR coalesce(e.owner, '') = ?) AND (? IS NULL OR p.line_id = ?)
         ${extra.map((x) => `AND ${x}`).join(' ')} ORDER BY ${order} LIMIT ?`,
      ).all(f.status, f.cause ?? null, f.cause ?? null, f.owner ?? null, f.owner ?? null, f.lineId ?? null, f.lineId ?? null, ...args, f.limit) as Raw[];
      return rows.map(toException);
    },
    openCounts(): Record<string, number> {
      const rows = stmt(db, "SELECT cause, n FROM exception_counts WHERE status = 'open' AND n > 0").all() as Array<{
        cause: string;
        n: number;
      }>;
      return Object.fromEntries(rows.map((r) => [r.cause, r.n]));
    },
    owners(): string[] {
      return (
        stmt(
          db,
          "SELECT DISTINCT owner FROM monitor_exceptions INDEXED BY monitor_exceptions_owned WHERE owner IS NOT NULL AND status = 'open' ORDER BY owner",
        ).all() as Array<{ owner: string }>
      ).map((r) => r.owner);
    },
    reshipsOf(oldParcelId: string): ReshipRow[] {
      return (stmt(db, 'SELECT * FROM monitor_reships WHERE old_parcel_id = ? ORDER BY created_at').all(oldParcelId) as Raw[]).map(toReship);
    },
    reshipForOrder(orderId: string): ReshipRow | undefined {
      const r = stmt(db, 'SELECT * FROM monitor_reships WHERE new_order_id = ?').get(orderId) as Raw | undefined;
      return r && toReship(r);
    },
    /** Replacements picked whose old parcel's timeline does not say so yet. */
    reshipsPickedUnnoted(): ReshipRow[] {
      return (stmt(db, 'SELECT * FROM monitor_reships WHERE new_parcel_id IS NOT NULL AND picked_noted = 0').all() as Raw[]).map(toReship);
    },
    countReshipsOfOrder(orderName: string): number {
      return (stmt(db, 'SELECT count(*) AS n FROM orders WHERE name LIKE ?').get(`${orderName}-R%`) as { n: number }).n;
    },
    /** Shopify's side of a parcel: when its tracking reached Shopify, and whether the buyer was to be notified. */
    shopifyOf(parcelId: string): {
      queuedAt: string | null;
      syncedAt: string | null;
      state: string | null;
      notifyCustomer: boolean | null;
      notifiedAt: string | null;
      notifyAt: 'pick' | 'handover' | null;
      error: string | null;
      events: Array<{ status: string; at: string }>;
    } | null {
      const jobs = stmt(
        db,
        "SELECT kind, payload, status, created_at, done_at, last_error FROM jobs WHERE ref = ? AND kind LIKE 'shopify.%' ORDER BY created_at",
      ).all(parcelId) as Raw[];
      const create = jobs.find((j) => String(j.kind).startsWith('shopify.fulfillment_create'));
      let synced:
        { synced_at: string | null; state: string; queued_at: string; error: string | null; notified_at?: string | null; notify_at_pick?: number } | undefined;
      if (hasTable(db, 'shopify_parcels')) synced = stmt(db, 'SELECT * FROM shopify_parcels WHERE parcel_id = ?').get(parcelId) as typeof synced;
      if (!create && !synced) return null;
      const payload = create ? (JSON.parse(create.payload as string) as { notifyCustomer?: boolean }) : {};
      const events = (
        stmt(db, "SELECT occurred_at, payload FROM events WHERE subject = ? AND type = 'shopify.event_sent' ORDER BY seq").all(parcelId) as Array<{
          occurred_at: string;
          payload: string;
        }>
      ).map((e) => ({ status: (JSON.parse(e.payload) as { status: string }).status, at: e.occurred_at }));
      return {
        queuedAt: synced?.queued_at ?? (create?.created_at as string) ?? null,
        syncedAt: synced?.synced_at ?? (create?.status === 'done' ? (create.done_at as string) : null),
        state: synced?.state ?? (create ? (create.status as string) : null),
        notifyCustomer: typeof payload.notifyCustomer === 'boolean' ? payload.notifyCustomer : null,
        notifiedAt: synced?.notified_at ?? null,
        notifyAt: synced?.notify_at_pick === undefined ? null : synced.notify_at_pick ? 'pick' : 'handover',
        error: synced?.error ?? (create?.last_error as string) ?? null,
        events,
      };
    },
    /** Parcels picked in a period, with what the site view needs (one statement). */
    parcelsPickedBetween(
      fromIso: string,
      toIso: string,
    ): Array<{
      id: string;
      lineId: string;
      pickedAt: string;
      orderCreatedAt: string;
      pickupAt: string | null;
      expectedTo: string | null;
      handedOverAt: string | null;
      firstScanAt: string | null;
      firstLearnedAt: string | null;
      status: string | null;
    }> {
      const cut = hasColumn(db, 'parcels', 'pickup_at');
      const disp = hasTable(db, 'manifest_parcels');
      const sql = `SELECT p.id, p.line_id AS lineId, p.picked_at AS pickedAt, o.created_at AS orderCreatedAt,
          ${cut ? 'p.pickup_at AS pickupAt, p.expected_first_scan_to AS expectedTo' : 'NULL AS pickupAt, NULL AS expectedTo'},
          ${disp ? 'mp.handed_over_at' : 'NULL'} AS handedOverAt, t.first_scan_at AS firstScanAt, t.first_learned_at AS firstLearnedAt, t.status
        FROM parcels p JOIN orders o ON o.id = p.order_id
        ${disp ? 'LEFT JOIN manifest_parcels mp ON mp.parcel_id = p.id' : ''}
        LEFT JOIN monitor_tracking t ON t.parcel_id = p.id
        WHERE p.picked_at >= ? AND p.picked_at < ? AND p.status <> 'voided'`;
      return stmt(db, sql).all(fromIso, toIso) as ReturnType<ReturnType<typeof monitorReader>['parcelsPickedBetween']>;
    },
    /** When each parcel's tracking reached Shopify (for the site view), where the Shopify capability records it. */
    shopifySyncTimes(): Map<string, string> {
      const m = new Map<string, string>();
      if (hasTable(db, 'shopify_parcels'))
        for (const r of stmt(db, 'SELECT parcel_id, synced_at FROM shopify_parcels WHERE synced_at IS NOT NULL').iterate() as Iterable<{
          parcel_id: string;
          synced_at: string;
        }>)
          m.set(r.parcel_id, r.synced_at);
      else
        for (const r of stmt(db, "SELECT ref, done_at FROM jobs WHERE kind LIKE 'shopify.fulfillment_create%' AND status = 'done'").iterate() as Iterable<{
          ref: string;
          done_at: string;
        }>)
          m.set(r.ref, r.done_at);
      return m;
    },
    /** When each Shopify parcel's buyer was told (null: not yet) and whether at pick. */
    shopifyNotifyTimes(): Map<string, { notifiedAt: string | null; atPick: boolean }> {
      const m = new Map<string, { notifiedAt: string | null; atPick: boolean }>();
      if (hasTable(db, 'shopify_parcels') && hasColumn(db, 'shopify_parcels', 'notified_at'))
        for (const r of stmt(db, 'SELECT parcel_id, notified_at, notify_at_pick FROM shopify_parcels').iterate() as Iterable<{
          parcel_id: string;
          notified_at: string | null;
          notify_at_pick: number;
        }>)
          m.set(r.parcel_id, { notifiedAt: r.notified_at, atPick: r.notify_at_pick === 1 });
      return m;
    },
    /** Parcels with any Shopify job: their orders come from Shopify. */
    shopifyParcelIds(): Set<string> {
      return new Set(
        (stmt(db, "SELECT DISTINCT ref FROM jobs WHERE kind LIKE 'shopify.%' AND ref IS NOT NULL").all() as Array<{ ref: string }>).map((x) => x.ref),
      );
    },
    /** Monitor outbox jobs per source (lane): queued, failing, dead, done. */
    pollJobs(): Array<{ target: string; kind: string; status: string; n: number; failing: number; lastError: string | null; lastDone: string | null }> {
      return stmt(
        db,
        `SELECT target, kind, status, count(*) AS n, sum(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END) AS failing,
           max(last_error) AS lastError, max(done_at) AS lastDone
         FROM jobs WHERE kind LIKE 'monitor.%' GROUP BY target, kind, status`,
      ).all() as ReturnType<ReturnType<typeof monitorReader>['pollJobs']>;
    },
    firstScanLags(sinceIso: string): Array<{ lineId: string; lagMs: number }> {
      return stmt(
        db,
        `SELECT p.line_id AS lineId, (julianday(s.learned_at) - julianday(s.scanned_at)) * 86400000 AS lagMs
         FROM monitor_scans s JOIN parcels p ON p.id = s.parcel_id WHERE s.learned_at >= ? AND s.status <> 'info_received'`,
      ).all(sinceIso) as Array<{ lineId: string; lagMs: number }>;
    },
  };
}

export type MonitorReader = ReturnType<typeof monitorReader>;
