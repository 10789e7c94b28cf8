/**
 * One door to the database: outside db/, code reads through `store.read.<cap>` and writes through
 * `store.write()`. The store's connection is private to db/ (db/core/handle.ts; .dependency-cruiser.cjs
 * forbids importing it, and better-sqlite3, from electron/, native/ and renderer/). This test adds what
 * the import graph cannot see: a connection reached through a store, a reader made by hand.
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
    [/from ['"]better-sqlite3['"]/, 'better-sqlite3'],
    [/from ['"][./]*db\/handle['"]/, "the store's connection (db/core/handle)"],
  ];
  return source.split('\n').flatMap((line, i) => rules.filter(([re]) => re.test(line)).map(([, what]) => `${i + 1}: ${what}`));
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

  it('finds each back door when there is one (the check can fail)', () => {
    const sample = [
      "import Database from 'better-sqlite3';",
      "import { sqliteOf } from '../../../db/handle';",
      'const rows = ctx.store.db.prepare(sql).all();',
      'const m = dispatchReader(db).manifest(id);',
      'const fine = ctx.store.read.dispatch.manifest(id);',
    ].join('\n');
    expect(backDoors(sample)).toEqual([
      '1: better-sqlite3',
      "2: the store's connection (db/core/handle)",
      '3: the connection of a store',
      '4: a reader made outside the store',
    ]);
  });
});
