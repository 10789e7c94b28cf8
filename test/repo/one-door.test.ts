/**
 * One door to the database: outside db/, code reads through `store.read.<cap>` and writes through
 * `store.write()`. The store's connection is private to db/ (db/core/handle.ts; .dependency-cruiser.cjs
 * forbids importing it, and better-sqlite3, from electron/, native/ and renderer/). This test adds what
 * the import graph cannot see: a connection reached through a store, a reader made by hand, and a
 * write through the read door (`store.read.<cap>` only reads; writes that are not events are named
 * writers beside `store.write()`: `store.jobs`, `store.meta`, `store.backup`).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/station-process';

const OUTSIDE_DB = ['electron', 'native', 'renderer'];

/** Lines that reach past the store: its raw connection, or a reader built on a connection. */
export function backDoors(source: string): string[] {
  const rules: Array<[RegExp, string]> = [
    [/\bstore\)?\.db\b/, 'the connection of a store'],
    [/\b[a-z][A-Za-z]*Reader\(|\bmetaStore\(/, 'a reader made outside the store'],
    [/^import \{(?:[^}]*,)?\s*(?:[a-z][A-Za-z]*Reader|metaStore)\s*[,}]/, "a reader's factory imported (its type is `import type`)"],
    [/from ['"]better-sqlite3['"]/, 'better-sqlite3'],
    [/from ['"][./]*db\/core\/handle['"]/, "the store's connection (db/core/handle)"],
    [/\bread\.[a-zA-Z]+\.(set|put|lease|release|insert|update|delete|remove|save|clear[A-Z]?\w*|mark[A-Z]\w*)\(/, 'a write through the read door'],
  ];
  return source.split('\n').flatMap((line, i) => rules.filter(([re]) => re.test(line)).map(([, what]) => `${i + 1}: ${what}`));
}

/** Lines of a reader module that write: a statement run (SELECTs are get/all/iterate), a script, a pragma set. */
export function readerWrites(source: string): string[] {
  const rules: Array<[RegExp, string]> = [
    [/\.run\(/, 'runs a statement that writes'],
    [/\.exec\(/, 'runs a script'],
    [/\.pragma\(\s*['"`][^'"`]*=/, 'sets a pragma'],
    [/\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bREPLACE\s+INTO\b/i, 'SQL that writes'],
  ];
  return source.split('\n').flatMap((line, i) => rules.filter(([re]) => re.test(line)).map(([, what]) => `${i + 1}: ${what}`));
}

/** The modules behind `store.read`: what db/store.ts's readers() builds, by the import of each factory it calls. */
function readerModules(): string[] {
  const src = readFileSync(join(root, 'db/store.ts'), 'utf8');
  const body = src.slice(src.indexOf('function readers('), src.indexOf('export type Readers'));
  const called = new Set([...body.matchAll(/\b([a-zA-Z]+)\(db\)/g)].map((m) => m[1]));
  const out: string[] = [];
  for (const m of src.matchAll(/import \{([^}]+)\} from '\.\/([^']+)'/g)) if (m[1].split(',').some((n) => called.has(n.trim()))) out.push(`db/${m[2]}.ts`);
  return out;
}

function files(): string[] {
  const out: string[] = [];
  for (const d of OUTSIDE_DB)
    for (const e of readdirSync(join(root, d), { withFileTypes: true, recursive: true }))
      if (e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.parentPath.includes('node_modules')) out.push(join(e.parentPath, e.name));
  return out;
}

describe('one door to the database', () => {
  it('no file outside db/ reaches a store’s connection, builds a reader or opens SQLite itself', () => {
    const found = files().flatMap((f) => backDoors(readFileSync(f, 'utf8')).map((hit) => `${f.slice(root.length + 1)}:${hit}`));
    expect(found).toEqual([]);
  });

  it('the read door only reads: no module behind store.read runs a write', () => {
    const modules = readerModules();
    expect(modules).toEqual(expect.arrayContaining(['db/outbox/reader.ts', 'db/station/meta.ts', 'db/backup/reader.ts', 'db/pick/reader.ts']));
    const found = modules.flatMap((f) => readerWrites(readFileSync(join(root, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(found).toEqual([]);
  });

  it('finds a reader that writes, and a write through the read door (the check can fail)', () => {
    const reader = [
      "get: (id) => stmt(db, 'SELECT * FROM jobs WHERE id = ?').get(id),",
      "lease: (id) => stmt(db, 'UPDATE jobs SET lease_until = ? WHERE id = ?').run(u, id),",
      "db.pragma('synchronous = OFF');",
      "const n = db.pragma('user_version', { simple: true });",
    ].join('\n');
    expect(readerWrites(reader)).toEqual(['2: runs a statement that writes', '2: SQL that writes', '3: sets a pragma']);
    const service = [
      'store.read.jobs.lease(job.id, until, now);',
      "ctx.store.read.meta.set('demo', '1');",
      'ctx.store.read.backup.clearRestorePending();',
      'store.jobs.lease(id, u, n);',
      "store.read.meta.get('demo');",
    ].join('\n');
    expect(backDoors(service)).toEqual(['1: a write through the read door', '2: a write through the read door', '3: a write through the read door']);
  });

  it('finds each back door when there is one (the check can fail)', () => {
    const sample = [
      "import Database from 'better-sqlite3';",
      "import { sqliteOf } from '../../../db/core/handle';",
      'const rows = ctx.store.db.prepare(sql).all();',
      'const m = dispatchReader(db).manifest(id);',
      'const fine = ctx.store.read.dispatch.manifest(id);',
      "import { packReader, type PackLineRow } from '../../../db/pack/reader';",
      "import { type OperatorRow, operatorsReader } from '../../../db/operators/reader';",
      "import { type ShopifyReader, toJob } from '../../../db/shopify/reader';",
      "import type { DispatchReader } from '../../../db/dispatch/reader';",
    ].join('\n');
    expect(backDoors(sample)).toEqual([
      '1: better-sqlite3',
      "2: the store's connection (db/core/handle)",
      '3: the connection of a store',
      '4: a reader made outside the store',
      "6: a reader's factory imported (its type is `import type`)",
      "7: a reader's factory imported (its type is `import type`)",
    ]);
  });
});
