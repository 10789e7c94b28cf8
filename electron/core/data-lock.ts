import { mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One station process per data folder: a lock file every entry takes before it opens the database
 * (the desktop app, `cli serve`, `npm start`'s browser mode, offline commands that write). Two
 * processes on one folder would run two outbox runners and two demo stores over one database.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO instant the holder took the lock. */
  since: string;
  /** What holds it: "desktop app", "cli serve", "cli import"... */
  entry: string;
}

export class DataFolderLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.host === hostname() ? 'on this PC' : `on ${holder.host}`;
    super(
      `This data folder is in use by another Firstscan (${holder.entry}, pid ${holder.pid}, host ${holder.host}, since ${holder.since}): ${dataDir}. ` +
        `Use the Firstscan already running ${where}, or close it first` +
        (holder.host === hostname() ? '.' : `; if ${holder.host} is switched off for good, delete ${lockFile(dataDir)}.`),
    );
    this.name = 'DataFolderLocked';
  }
}

export const lockFile = (dataDir: string) => join(dataDir, 'station.lock');

export interface LockDeps {
  pid: number;
  host: string;
  now: () => Date;
  /** Is this process alive? (default: signal 0) */
  alive: (pid: number) => boolean;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

const defaults = (): LockDeps => ({ pid: process.pid, host: hostname(), now: () => new Date(), alive });

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A torn write (the holder died while writing): nobody can hold a lock it never finished.
    return { pid: -1, host: '', since: 'unknown', entry: 'unreadable lock' };
  }
}

export interface HeldLock {
  holder: LockHolder;
  /** Took over a lock whose holder had died (pid gone) rather than a free folder. */
  tookOver: LockHolder | null;
  release(): void;
}

/**
 * Take the folder's lock or throw DataFolderLocked naming the holder. A lock left by a dead
 * process on this host is stale and taken over; the takeover runs under a second, short-lived
 * lock (an exclusive mkdir) so two starters racing for one stale lock cannot both win.
 */
export function acquireDataLock(dataDir: string, entry: string, deps: Partial<LockDeps> = {}): HeldLock {
  const d = { ...defaults(), ...deps };
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const mine: LockHolder = { pid: d.pid, host: d.host, since: d.now().toISOString(), entry };
  const body = JSON.stringify(mine) + '\n';
  let tookOver: LockHolder | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, body, { flag: 'wx' });
      return held(file, mine, tookOver);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A full disk may leave the file made but empty: take it away, a start that cannot lock says so.
      if (code === 'ENOSPC' || code === 'EDQUOT') removeIfEmpty(file);
      if (code !== 'EEXIST') throw e;
    }
    const holder = readHolder(file);
    if (!holder) continue; // released between our two looks
    const stale = holder.pid <= 0 || (holder.host === d.host && holder.pid !== d.pid && !d.alive(holder.pid));
    if (!stale) throw new DataFolderLocked(dataDir, holder);
    if (takeOver(file, holder, d)) tookOver = holder;
  }
  const holder = readHolder(file);
  throw new DataFolderLocked(dataDir, holder ?? { pid: -1, host: d.host, since: 'unknown', entry: 'unknown' });
}

function removeIfEmpty(file: string): void {
  try {
    if (statSync(file).size === 0) unlinkSync(file);
  } catch {
    /* not there */
  }
}

/** Remove the stale lock if it is still the one we judged stale; true if removed. */
function takeOver(file: string, stale: LockHolder, d: LockDeps): boolean {
  const guard = `${file}.takeover`;
  try {
    mkdirSync(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A starter that died inside its takeover leaves the guard: give it ten seconds.
    try {
      if (d.now().getTime() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard);
    } catch {
      /* gone already */
    }
    return false;
  }
  try {
    const now = readHolder(file);
    if (!now || now.pid !== stale.pid || now.since !== stale.since || now.host !== stale.host) return false;
    unlinkSync(file);
    return true;
  } finally {
    rmdirSync(guard);
  }
}

function held(file: string, mine: LockHolder, tookOver: LockHolder | null): HeldLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const now = readHolder(file);
    if (now && now.pid === mine.pid && now.since === mine.since && now.host === mine.host) {
      try {
        unlinkSync(file);
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', release);
  return { holder: mine, tookOver, release };
}

/** Who holds the folder now, if anyone alive (for messages and the Devices screen). */
export function lockHolder(dataDir: string): LockHolder | null {
  return readHolder(lockFile(dataDir));
}
