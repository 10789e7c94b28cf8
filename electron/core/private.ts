import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const posix = process.platform !== 'win32';

/**
 * The data directory holds names, addresses, phones and keys: on POSIX it is the user's alone (0700,
 * files 0600). On Windows the per-user profile folder's ACL does this (see README).
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix) chmodSync(dir, 0o700);
  // SQLite gives its -wal and -shm files the database file's mode: create it private.
  const db = join(dir, 'firstscan.db');
  if (posix && !existsSync(db)) closeSync(openSync(db, 'a', 0o600));
}

/** Tighten what an older version left readable: the files of the data directory and its folders. */
export function privateFiles(dir: string, depth = 2): void {
  if (!posix) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    try {
      if (e.isDirectory()) {
        if ((statSync(p).mode & 0o077) !== 0) chmodSync(p, 0o700);
        if (depth > 0 && e.name !== 'pg') privateFiles(p, depth - 1);
      } else if (e.isFile() && (statSync(p).mode & 0o077) !== 0) chmodSync(p, 0o600);
    } catch {
      /* a file that went away meanwhile */
    }
  }
}
