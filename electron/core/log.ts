import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The station's log file: what happened at start, crashes, updates. Never a secret in it. */
export const logFileFor = (dataDir: string) => join(dataDir, 'logs', 'firstscan.log');

const MAX_BYTES = 5 * 1024 * 1024;

export interface Log {
  file: string;
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

/** Appends lines; at 5 MB the file moves to .1 (one old file kept). Writes never throw. */
export function openLog(file: string): Log {
  const write = (level: string, msg: string) => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      try {
        if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      } catch {
        /* no file yet */
      }
      appendFileSync(file, `${new Date().toISOString()} ${level} ${msg}\n`);
    } catch {
      /* a log that cannot be written must not stop the station */
    }
  };
  return {
    file,
    info: (msg) => write('INFO', msg),
    error: (msg, err) => write('ERROR', err === undefined ? msg : `${msg}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
}
