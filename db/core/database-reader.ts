import type { Sqlite } from './open';
import { databaseBytes, walStatus } from './open';

/** The database file itself: its size and the write-ahead log's (shown on the Devices screen). */
export function databaseReader(db: Sqlite) {
  return {
    status() {
      const wal = walStatus(db);
      return {
        databaseBytes: databaseBytes(db),
        walBytes: wal.bytes,
        walMaxBytes: wal.maxBytes,
        walLimitBytes: wal.limitBytes,
        truncations: wal.truncations,
        lastTruncatedAt: wal.lastTruncatedAt,
      };
    },
  };
}
