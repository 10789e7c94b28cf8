import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';

/** `firstscan-<station>-20261206T171500000Z.db`: sorts by time, names the station it came from. */
export function backupName(stationId: string, at: Date): string {
  return `firstscan-${stationId}-${DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmssSSS'Z'")}.db`;
}

/** The archive file backed up beside a copy (as `firstscan-archive.db` sits beside `firstscan.db`); not a backup name itself. */
export const archiveOfBackup = (path: string) => path.replace(/\.db$/, '-archive.db');

/** Where a copy is written until it has been checked; a kill before the rename leaves only this behind. */
export const partialName = (name: string) => `${name}.partial`;

const NAME = /^firstscan-(.+)-(\d{8}T\d{9}Z)\.db$/;

export interface BackupFile {
  name: string;
  path: string;
  stationId: string;
  at: string;
  bytes: number;
}

/** The good copies of one station in a folder (or of every station), newest first. */
export function listBackups(folder: string, stationId?: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || (stationId && m[1] !== stationId)) continue;
    const at = DateTime.fromFormat(m[2], "yyyyLLdd'T'HHmmssSSS'Z'", { zone: 'utc' });
    try {
      out.push({ name, path: join(folder, name), stationId: m[1], at: at.toISO()!, bytes: statSync(join(folder, name)).size });
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/** Leftovers of a copy that never finished (the station was killed while writing it). */
export function partialsIn(folder: string, stationId: string): string[] {
  try {
    return readdirSync(folder)
      .filter((n) => n.startsWith(`firstscan-${stationId}-`) && n.endsWith('.partial'))
      .map((n) => join(folder, n));
  } catch {
    return [];
  }
}
