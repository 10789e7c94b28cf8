import { DataFolderLocked } from './data-lock';

/**
 * A start that failed, in the words the person at the PC needs: what happened and what to do
 * next. Shared by the desktop app's failure window and the command line.
 */
export function explainStartFailure(err: unknown, where: { dataDir: string; logFile: string | null }): { title: string; message: string; next: string } {
  const e = err as NodeJS.ErrnoException & { code?: string };
  const msg = err instanceof Error ? err.message : String(err);
  const log = where.logFile ? ` The details are in ${where.logFile}.` : '';
  if (err instanceof DataFolderLocked)
    return {
      title: 'Firstscan is already running on this data folder',
      message: msg,
      next: 'Switch to the Firstscan window that is open (or close it), then start again.',
    };
  if (e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS')
    return {
      title: 'Firstscan cannot write its data folder',
      message: `${msg}`,
      next: `Give this user write access to ${where.dataDir}, or start with another folder (FIRSTSCAN_DATA or --data).${log}`,
    };
  if (e?.code === 'ENOSPC')
    return { title: 'The disk is full', message: msg, next: `Free some space on the disk of ${where.dataDir}, then start again.${log}` };
  if (e?.code === 'SQLITE_CORRUPT' || e?.code === 'SQLITE_NOTADB' || /file is not a database|malformed/i.test(msg))
    return {
      title: 'The station database is damaged',
      message: msg,
      next: `Close Firstscan, copy the folder ${where.dataDir} somewhere safe, and call support: the event log can be rebuilt from a copy.${log}`,
    };
  if (e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_LOCKED')
    return {
      title: 'Another program holds the station database',
      message: msg,
      next: `Close any program that has ${where.dataDir} open (a backup tool, a second Firstscan), then start again.${log}`,
    };
  return {
    title: 'Firstscan could not start',
    message: msg,
    next: `Start it again; if it fails the same way, send ${where.logFile ?? 'this message'} to support.`,
  };
}
