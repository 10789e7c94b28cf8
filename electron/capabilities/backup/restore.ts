import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inspectArchive, inspectCopy, markRestorePending, markSiteCatchUp, type CopyFacts } from '../../../db/backup/copy';
import { isJoined } from '../site/credentials';
import type { PendingRestore } from '../../../db/backup/reader';
import type { RestoredRange } from '../../../db/backup/events';
import { numberFromSerial, type RangeParams } from '../numbers/issue';
import { serialOf } from '../numbers/overlap';
import { actorOf, type ServiceContext } from '../../core/context';
import { badInput, conflict } from '../../core/errors';
import { archiveOfBackup, listBackups } from './files';
import type { Evidence } from './evidence';

export interface BackupPreview {
  file: string;
  ok: boolean;
  problem: string | null;
  stationId: string | null;
  backupAt: string | null;
  lastEventAt: string | null;
  events: number;
  parcels: number;
  ranges: Array<{ lineName: string; rangeId: string; lastIssued: string | null; left: number }>;
  pool: Array<{ lineName: string; lastUsed: string | null; free: number }>;
  /** the archive file backed up beside it (old parcels' scans), or null */
  archive: { file: string; ok: boolean; rows: number; problem: string | null } | null;
}

/** The archive backed up beside a copy, checked read-only. */
function previewArchive(file: string): BackupPreview['archive'] {
  const path = archiveOfBackup(file);
  if (!existsSync(path)) return null;
  try {
    const a = inspectArchive(path, true);
    const ok = a.integrity === 'ok';
    return { file: basename(path), ok, rows: a.rows, problem: ok ? null : `It fails SQLite's integrity check (${a.integrity.slice(0, 120)}).` };
  } catch (err) {
    return { file: basename(path), ok: false, rows: 0, problem: `It cannot be opened (${(err as Error).message}).` };
  }
}

function lastIssued(params: string, next: number, first: number): string | null {
  if (next <= first) return null;
  try {
    return numberFromSerial(JSON.parse(params) as RangeParams, next - 1);
  } catch {
    return null;
  }
}

/** What a backup file holds, checked (read-only) before anything is replaced. */
export function previewBackup(file: string): BackupPreview {
  const at = listBackups(join(file, '..')).find((b) => b.path === file || b.name === basename(file))?.at ?? null;
  let facts: CopyFacts;
  try {
    facts = inspectCopy(file, true);
  } catch (err) {
    return {
      file,
      ok: false,
      problem: `It cannot be opened as a Firstscan backup (${(err as Error).message}). Choose another file.`,
      stationId: null,
      backupAt: at,
      lastEventAt: null,
      events: 0,
      parcels: 0,
      ranges: [],
      pool: [],
      archive: null,
    };
  }
  const problem =
    facts.integrity !== 'ok'
      ? `It fails SQLite's integrity check (${facts.integrity.slice(0, 120)}). Choose an older backup.`
      : !facts.stationId
        ? 'It holds no station. Choose a backup Firstscan wrote.'
        : null;
  const archive = previewArchive(file);
  return {
    file,
    ok: !problem && (!archive || archive.ok),
    archive,
    problem: problem ?? (archive && !archive.ok ? `Its archive file ${archive.file}: ${archive.problem} Choose an older backup.` : null),
    stationId: facts.stationId,
    backupAt: at ?? facts.lastEventAt,
    lastEventAt: facts.lastEventAt,
    events: facts.events,
    parcels: facts.parcels,
    ranges: facts.ranges.map((r) => ({
      lineName: r.lineName,
      rangeId: r.rangeId,
      lastIssued: lastIssued(r.params, r.nextSerial, r.firstSerial),
      left: r.lastSerial - r.nextSerial + 1,
    })),
    pool: facts.pool.map((p) => ({ lineName: p.lineName, lastUsed: p.lastUsed, free: p.free })),
  };
}

const INCOMING = 'restore-incoming.db';

/**
 * Put a checked backup beside the station's database; the station swaps it in at its next start
 * (nothing has the database open then) and issues no number until a supervisor confirms the ranges.
 */
export function stageRestore(dataDir: string, file: string, stagedAt: Date): BackupPreview {
  const preview = previewBackup(file);
  if (!preview.ok) throw badInput(`${basename(file)}: ${preview.problem}`);
  const partial = join(dataDir, `${INCOMING}.partial`);
  // The archive first: the staged database's presence is what the next start acts on.
  if (preview.archive) {
    copyFileSync(archiveOfBackup(file), `${archiveOfBackup(join(dataDir, INCOMING))}.partial`);
    renameSync(`${archiveOfBackup(join(dataDir, INCOMING))}.partial`, archiveOfBackup(join(dataDir, INCOMING)));
  } else rmSync(archiveOfBackup(join(dataDir, INCOMING)), { force: true });
  copyFileSync(file, partial);
  const note: PendingRestore = { file: basename(file), backupAt: preview.backupAt ?? '', stagedAt: stagedAt.toISOString() };
  markRestorePending(partial, JSON.stringify(note));
  renameSync(partial, join(dataDir, INCOMING));
  return preview;
}

export const restoreStaged = (dataDir: string) => existsSync(join(dataDir, INCOMING));

/**
 * At start, before the database opens: a staged backup replaces it. The replaced files are kept in
 * `<data>/replaced-<time>/` (never deleted by the console). Returns the replaced folder, or null.
 */
export function swapInStagedRestore(dataDir: string, at: Date): string | null {
  const incoming = join(dataDir, INCOMING);
  if (!existsSync(incoming)) return null;
  const aside = join(dataDir, `replaced-${at.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { recursive: true, mode: 0o700 });
  // In a site, the events this station pushed after the backup come back from the server before it picks.
  if (isJoined(dataDir)) markSiteCatchUp(incoming);
  const incomingArchive = archiveOfBackup(incoming);
  const files = ['firstscan.db', 'firstscan.db-wal', 'firstscan.db-shm'];
  // The archive is replaced only by the backup's own (an older backup without one keeps the archive in place).
  if (existsSync(incomingArchive)) files.push('firstscan-archive.db', 'firstscan-archive.db-wal', 'firstscan-archive.db-shm');
  for (const f of files) if (existsSync(join(dataDir, f))) renameSync(join(dataDir, f), join(aside, f));
  if (existsSync(incomingArchive)) renameSync(incomingArchive, join(dataDir, 'firstscan-archive.db'));
  renameSync(incoming, join(dataDir, 'firstscan.db'));
  return aside;
}

export interface RangeFloor extends RestoredRange {
  lineName: string;
  /** numbers between the backup's last and the highest seen elsewhere: possibly issued, never issued again */
  gap: number;
  highestSeen: string | null;
}

/** An order the backup shows open that a record outside it shows picked after the backup. */
export interface PickedAfter {
  orderId: string;
  orderName: string;
  store: string;
  numbers: string[];
  seenIn: Array<'shopify' | 'labels'>;
  fulfilled: boolean;
}

export interface RestoreCheck {
  pending: PendingRestore | null;
  sources: Array<{ name: string; ok: boolean; note: string }>;
  ranges: RangeFloor[];
  poolSpent: Array<{ lineId: string; number: string }>;
  gap: number;
  /** held at the confirmation: a picker cannot pick them until a supervisor checked each */
  pickedAfter: PickedAfter[];
}

/**
 * Orders open in the restored database that Shopify shows fulfilled with a number no parcel here
 * carries, or that a label was printed for (a parcel this database does not know): picked after the
 * backup. Picking them again would ship them twice.
 */
export function pickedAfterBackup(ctx: ServiceContext, evidence: Evidence[]): PickedAfter[] {
  const found = new Map<string, PickedAfter>();
  const add = (orderId: string, seenIn: 'shopify' | 'labels', numbers: string[], fulfilled: boolean) => {
    const order = ctx.store.read.orders.get(orderId);
    // Open, or already held by the Shopify intake (a closed fulfillment order): picked or shipped ones are known here.
    if (!order || (order.status !== 'open' && order.status !== 'on_hold')) return;
    const p = found.get(orderId) ?? { orderId, orderName: order.name, store: order.store, numbers: [], seenIn: [], fulfilled: false };
    for (const n of numbers) if (!p.numbers.includes(n)) p.numbers.push(n);
    if (!p.seenIn.includes(seenIn)) p.seenIn.push(seenIn);
    p.fulfilled ||= fulfilled;
    found.set(orderId, p);
  };
  const parcels = ctx.store.read.parcels;
  for (const ev of evidence)
    for (const o of ev.orders ?? []) {
      if (ev.name === 'shopify' && o.storeId && o.orderGid) {
        const unknown = o.numbers.filter((n) => !parcels.byTracking(n));
        const orderId = ctx.store.read.shopify.orderOfGid(o.storeId, o.orderGid);
        if (orderId && unknown.length) add(orderId, 'shopify', unknown, o.fulfilled);
      } else if (ev.name === 'labels' && o.parcelId && !parcels.get(o.parcelId) && !o.numbers.some((n) => parcels.byTracking(n))) {
        // A label names its order, not its store: every open order of that name is held.
        for (const order of ctx.store.read.orders.byName(o.name)) add(order.id, 'labels', o.numbers, false);
      }
    }
  return [...found.values()].sort((a, b) => a.orderName.localeCompare(b.orderName));
}

/** Where every range continues after the restore: beyond the backup's counter and the highest number any record shows. */
export function checkRestore(ctx: ServiceContext, evidence: Evidence[]): RestoreCheck {
  const pending = ctx.store.read.backup.restorePending();
  const seen = new Map<string, string[]>();
  for (const ev of evidence) for (const n of ev.numbers) seen.set(n, [...(seen.get(n) ?? []), ev.name]);
  const ranges = ctx.store.read.backup.rangesForRestore().map((r): RangeFloor => {
    const params = JSON.parse(r.params) as RangeParams;
    let top = r.nextSerial - 1;
    let highestSeen: string | null = null;
    let seenIn = ['backup'];
    for (const [n, where] of seen) {
      const s = serialOf(params, n);
      if (s === null || s < r.firstSerial || s > r.lastSerial || s <= top) continue;
      if (numberFromSerial(params, s) !== n) continue;
      top = s;
      highestSeen = n;
      seenIn = where;
    }
    const to = top + 1;
    return { rangeId: r.rangeId, lineId: r.lineId, lineName: r.lineName, from: r.nextSerial, to, seenIn, gap: to - r.nextSerial, highestSeen };
  });
  const poolSpent = ctx.store.read.backup.freePoolNumbers().filter((p) => seen.has(p.number));
  return {
    pending,
    sources: evidence.map(({ name, ok, note }) => ({ name, ok, note })),
    ranges,
    poolSpent,
    gap: ranges.reduce((s, r) => s + r.gap, 0) + poolSpent.length,
    pickedAfter: pending ? pickedAfterBackup(ctx, evidence) : [],
  };
}

/**
 * The supervisor's confirmation: every range moves past the highest number seen, the pool numbers
 * seen are spent, and picks may issue numbers again. Numbers issued after the backup are skipped
 * (a gap), never issued twice; a gap needs `confirmGap`.
 */
export function confirmRestore(ctx: ServiceContext, evidence: Evidence[], confirmGap: boolean): RestoreCheck {
  const check = checkRestore(ctx, evidence);
  if (!check.pending) throw conflict('This station is not waiting on a restore: nothing to confirm.');
  const site = check.sources.find((s) => s.name === 'site');
  if (site && !site.ok)
    throw conflict(
      'The events this station sent the site server after the backup are not back yet: nothing may be issued before they are. Check the link on F10 Site, then confirm again.',
    );
  if (check.gap > 0 && !confirmGap)
    throw conflict(
      `${check.gap} number(s) were issued after the backup (seen on labels or in Shopify). Look at them on Devices → Backup and confirm to skip them.`,
    );
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => {
    emit({
      type: 'backup.restored',
      subject: null,
      payload: {
        stationId: ctx.stationId,
        file: check.pending!.file,
        backupAt: check.pending!.backupAt,
        ranges: check.ranges.map(({ rangeId, lineId, from, to, seenIn }) => ({ rangeId, lineId, from, to, seenIn })),
        poolSpent: check.poolSpent,
        gapConfirmed: check.gap > 0,
        sources: check.sources,
      },
    });
    for (const o of check.pickedAfter)
      emit({
        type: 'backup.order_held',
        subject: o.orderId,
        payload: {
          stationId: ctx.stationId,
          orderId: o.orderId,
          orderName: o.orderName,
          store: o.store,
          numbers: o.numbers,
          seenIn: o.seenIn,
          fulfilled: o.fulfilled,
        },
      });
    ctx.store.backup.clearRestorePending();
  });
  return { ...checkRestore(ctx, evidence), pending: null, pickedAfter: check.pickedAfter };
}

/** A supervisor checked an order held after a restore: pick it again, or it was shipped. */
export function releaseHeldOrder(ctx: ServiceContext, orderId: string, decision: 'pick_again' | 'shipped', note: string): { orderId: string; status: string } {
  const held = ctx.store.read.backup.heldOrders().find((h) => h.orderId === orderId);
  if (!held) throw conflict('This order is not held after a restore: nothing to release.');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'backup.order_released', subject: orderId, payload: { orderId, orderName: held.orderName, decision, note } }),
  );
  return { orderId, status: ctx.store.read.orders.status(orderId) ?? 'unknown' };
}

export function dropStagedRestore(dataDir: string): void {
  rmSync(join(dataDir, INCOMING), { force: true });
  rmSync(archiveOfBackup(join(dataDir, INCOMING)), { force: true });
}
