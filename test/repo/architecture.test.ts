/**
 * The architecture rules, checked by a machine over the import graph (dependency-cruiser):
 * the rules themselves are in .dependency-cruiser.cjs (kernel imports no capability, db/ nothing from
 * electron/ but kernel types, only electron/shell imports electron, the renderer only types of the contract
 * and the pure scanner and time modules, capabilities only along declared edges); this test adds the check
 * that no two folders import each other in a loop.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root } from '../support/station-process';

type Cruised = {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string; dependencyTypes: string[] }> }>;
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
};

let cruised: Cruised | null = null;
function cruise(): Cruised {
  cruised ??= JSON.parse(
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'json',
        'electron',
        'db',
        'native',
        'renderer',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    ),
  ) as Cruised;
  return cruised;
}

/** The folder a file belongs to, as the rules speak of folders: a capability, a kernel area, a renderer area. */
export function folderOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] === 'electron') return parts[1] === 'capabilities' ? parts.slice(0, 3).join('/') : parts.length > 2 ? parts.slice(0, 2).join('/') : 'electron';
  if (parts[0] === 'db' || parts[0] === 'native') return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
  if (parts[0] === 'renderer') return parts.length > 3 ? parts.slice(0, 3).join('/') : 'renderer/src';
  return null;
}

/** Folders that import each other in a loop (strongly connected components of the folder graph, two or more). */
export function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out.map((c) => c).sort((a, b) => a[0].localeCompare(b[0]));
}

/** The capability edges .dependency-cruiser.cjs declares, read from its capability-edges-<cap> rules. */
export function declaredEdges(): string[] {
  const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as {
    forbidden: Array<{ name: string; to: { pathNot?: string | string[] } }>;
  };
  return config.forbidden.flatMap((r) => {
    const cap = r.name.match(/^capability-edges-(.+)$/)?.[1];
    if (!cap) return [];
    return [r.to.pathNot ?? []]
      .flat()
      .map((p) => p.match(/^\^electron\/capabilities\/([^/]+)\/$/)?.[1])
      .filter((to): to is string => !!to && to !== cap)
      .map((to) => `${cap} -> ${to}`);
  });
}

/**
 * No two folders import each other in a loop: electron/ + db/ + renderer/ are one capability per folder above a kernel.
 * Type-only imports vanish at build and are left out (capabilities name the app's types).
 */
const KNOWN_LOOPS: string[][] = [];

describe('architecture', () => {
  it('breaks none of the import rules of .dependency-cruiser.cjs', () => {
    const found = cruise().summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(found).toEqual([]);
  });

  it('has no loop between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const m of cruise().modules) {
      const a = folderOf(m.source);
      if (!a) continue;
      for (const d of m.dependencies) {
        if (d.dependencyTypes.includes('type-only')) continue;
        const b = folderOf(d.resolved);
        if (!b || a === b) continue;
        if (!edges.has(a)) edges.set(a, new Set());
        edges.get(a)!.add(b);
      }
    }
    expect(folderCycles(edges)).toEqual(KNOWN_LOOPS);
  });

  it('declares no capability edge the code does not use (type-only imports count: the edge rules see them)', () => {
    const used = new Set<string>();
    for (const m of cruise().modules) {
      const from = m.source.match(/^electron\/capabilities\/([^/]+)\//)?.[1];
      if (!from) continue;
      for (const d of m.dependencies) {
        const to = d.resolved.match(/^electron\/capabilities\/([^/]+)\//)?.[1];
        if (to && to !== from) used.add(`${from} -> ${to}`);
      }
    }
    expect(declaredEdges().filter((e) => !used.has(e))).toEqual([]);
  });

  it('finds a loop between folders when there is one (the check can fail)', () => {
    const edges = new Map([
      ['db/a', new Set(['db/b'])],
      ['db/b', new Set(['db/c'])],
      ['db/c', new Set(['db/a'])],
      ['db/d', new Set(['db/a'])],
    ]);
    expect(folderCycles(edges)).toEqual([['db/a', 'db/b', 'db/c']]);
    expect(folderOf('electron/capabilities/pick/scan.ts')).toBe('electron/capabilities/pick');
    expect(folderOf('electron/capabilities/monitor/sources/file.ts')).toBe('electron/capabilities/monitor');
    expect(folderOf('db/core/events.ts')).toBe('db/core');
    expect(folderOf('db/store.ts')).toBe('db');
  });
});
