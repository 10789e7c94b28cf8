import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openSqlite, type Sqlite } from '../../../db/core/open';
import { migrations } from '../../../db/migrations';

const latest = Math.max(...migrations.map((m) => m.version));
const opened: Sqlite[] = [];
const dirs: string[] = [];

function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fs-'));
  dirs.push(dir);
  return join(dir, 'nested', 'firstscan.db');
}

function open(file: string): Sqlite {
  const db = openSqlite({ file });
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function insertEvent(db: Sqlite, seq: number) {
  db.prepare(
    `INSERT INTO events (id, station, station_seq, hlc, actor, occurred_at, type, subject, payload)
     VALUES (?, 'st-test', ?, ?, 'tester', '2026-01-01T00:00:00.000Z', 'scan.refused', NULL, '{}')`,
  ).run(`st-test:${seq}`, seq, `hlc-${seq}`);
}

describe('openSqlite', () => {
  it('migrates a new file (creating its folder) to the latest user_version with every table', () => {
    expect(latest).toBeGreaterThanOrEqual(1);
    const db = open(freshFile());
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    for (const t of ['meta', 'events', 'settings', 'carrier_lines', 'number_ranges', 'number_pool', 'orders', 'order_items', 'parcels', 'printers', 'jobs'])
      expect(tables).toContain(t);
  });

  it('applies no migration when reopened, and keeps the data', () => {
    const file = freshFile();
    const a = open(file);
    insertEvent(a, 1);
    a.close();
    const b = open(file);
    expect(b.pragma('user_version', { simple: true })).toBe(latest);
    expect(migrate(b)).toBe(0);
    expect((b.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(1);
  });

  it('migrate() on an empty in-memory database reports how many migrations it ran', () => {
    const db = open(':memory:');
    // openSqlite already migrated it; a second run finds nothing to do.
    expect(migrate(db)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
  });

  it('sets the durable pragmas: WAL, synchronous=FULL, foreign keys on', () => {
    const db = open(freshFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('enforces foreign keys (an item for a missing order is refused)', () => {
    const db = open(freshFile());
    expect(() => db.prepare("INSERT INTO order_items (order_id, idx, sku, title, quantity) VALUES ('ord_missing', 0, 'SKU', 'Thing', 1)").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('refuses UPDATE and DELETE on events: they are append-only', () => {
    const db = open(freshFile());
    insertEvent(db, 1);
    insertEvent(db, 2);
    expect(() => db.prepare("UPDATE events SET actor = 'mallory' WHERE seq = 1").run()).toThrow('events are append-only');
    expect(() => db.prepare('DELETE FROM events WHERE seq = 2').run()).toThrow('events are append-only');
    expect(() => db.prepare('DELETE FROM events').run()).toThrow('events are append-only');
    const rows = db.prepare('SELECT seq, actor FROM events ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 1, actor: 'tester' },
      { seq: 2, actor: 'tester' },
    ]);
  });
});
