import { readFileSync, statfsSync } from 'node:fs';
import { parse, resolve } from 'node:path';

/** A write the disk had no room for: SQLite's SQLITE_FULL, or the file system's ENOSPC. */
export function isDiskFull(err: unknown): boolean {
  if (err instanceof DiskFullError) return true;
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  return typeof e.message === 'string' && /database or disk is full|no space left on device/i.test(e.message);
}

/** Refused while the disk is full: the message names the disk and the next step. */
export class DiskFullError extends Error {
  constructor(readonly drive: string) {
    super(`The disk is full: free space on ${drive}, then scan again.`);
    this.name = 'DiskFullError';
  }
}

/** The disk that holds `dir`, as a person finds it: `C:` on Windows, the mount point elsewhere. */
export function driveOf(dir: string): string {
  const abs = resolve(dir);
  if (process.platform === 'win32') return parse(abs).root.replace(/\\$/, '');
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1]?.replace(/\\040/g, ' '))
      .filter((m): m is string => !!m && (abs === m || abs.startsWith(m.endsWith('/') ? m : `${m}/`)));
    const best = mounts.sort((a, b) => b.length - a.length)[0];
    if (best) return best === '/' ? `the disk holding ${abs}` : best;
  } catch {
    /* not Linux */
  }
  return `the disk holding ${abs}`;
}

/** Bytes free for this user on the disk holding `dir`, or null where it cannot be told. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** Below this the station stops writing before SQLite finds out the hard way. */
export const LOW_WATER = 1024 * 1024;

export interface DiskStatus {
  full: boolean;
  since: string | null;
  drive: string;
  /** The station started on a full disk: it serves what it has and writes nothing until space returns. */
  startedReadOnly: boolean;
}

/**
 * The disk is a state, not a crash: a write that finds it full turns the station read-only (writes
 * refused at once with DiskFullError, reads served), and a probe turns it back when space returns.
 */
export class DiskWatch {
  private fullSince: Date | null = null;
  private startedReadOnly = false;
  private listeners = new Set<(s: DiskStatus) => void>();
  readonly drive: string;

  constructor(readonly dir: string | null) {
    this.drive = dir ? driveOf(dir) : 'the disk';
  }

  get full(): boolean {
    return this.fullSince !== null;
  }

  status(): DiskStatus {
    return { full: this.full, since: this.fullSince?.toISOString() ?? null, drive: this.drive, startedReadOnly: this.startedReadOnly && this.full };
  }

  /** At start: too little room to write safely means starting read-only. */
  checkAtStart(): boolean {
    const free = this.dir ? freeBytes(this.dir) : null;
    if (free !== null && free < LOW_WATER) {
      this.startedReadOnly = true;
      this.markFull();
    }
    return this.full;
  }

  private lastLook = 0;

  /**
   * Before a write: is the disk (nearly) full? Looks at the file system at most twice a second, so a
   * scan pays nothing for it, and a full disk is found before SQLite runs into it mid-transaction.
   */
  refuses(): boolean {
    if (this.fullSince) return !this.probe();
    if (!this.dir) return false;
    const now = Date.now();
    if (now - this.lastLook < 500) return false;
    this.lastLook = now;
    const free = freeBytes(this.dir);
    if (free !== null && free < LOW_WATER) this.markFull();
    return this.full;
  }

  markFull(): void {
    if (this.fullSince) return;
    this.fullSince = new Date();
    this.emit();
  }

  /** Is there room again? Called on a timer while full; true when the station may write again. */
  probe(): boolean {
    if (!this.fullSince) return true;
    const free = this.dir ? freeBytes(this.dir) : LOW_WATER;
    if (free === null || free < LOW_WATER) return false;
    this.fullSince = null;
    this.startedReadOnly = false;
    this.emit();
    return true;
  }

  onChange(fn: (s: DiskStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    const s = this.status();
    for (const l of this.listeners) l(s);
  }
}
