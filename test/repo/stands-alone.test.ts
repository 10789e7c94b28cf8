/**
 * The repository stands alone: no code, test, bench or config names a path outside the tree
 * (a clone with nothing beside it must start and pass). What the product and its tests need from
 * the shared reference is copied in: resources/shopify, docs/domain.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/station-process';
import { resourcePath } from '../../electron/core/paths';
import { defaultSchemaPath } from '../../electron/capabilities/shopify/emulator/schema';

const DIRS = ['electron', 'db', 'native', 'renderer', 'test', 'bench', 'scripts', 'resources'];
const FILES = ['package.json', 'electron-builder.yml', 'tsconfig.json', '.ci/run'];

function sources(): string[] {
  const out = FILES.map((f) => join(root, f)).filter(existsSync);
  for (const d of DIRS)
    for (const e of readdirSync(join(root, d), { withFileTypes: true, recursive: true }))
      if (e.isFile() && /\.(ts|tsx|mts|mjs|cjs|js|json|yml|yaml|html|sh)$/.test(e.name)) out.push(join(e.parentPath, e.name));
  return out;
}

describe('the repository stands alone', () => {
  it("no file names a path out of the tree (the shared folder beside the checkout, the machine's /work)", () => {
    const outside = /(\.\.[/\\]+)+shared\b|['"`]\/work\/|\/work\/shared|'\.\.',\s*'shared'|"\.\.",\s*"shared"/;
    const hits = sources()
      .filter((f) => !f.endsWith('stands-alone.test.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ f: f.slice(root.length), i: i + 1, line })),
      )
      .filter((x) => outside.test(x.line));
    expect(hits).toEqual([]);
  });

  it('the Shopify schema and the captured pairs are read from the tree, with their source noted', () => {
    expect(defaultSchemaPath()).toBe(join(root, 'resources', 'shopify', 'admin-2026-07.graphql'));
    expect(readdirSync(resourcePath('shopify', 'conformance')).filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(9);
    expect(readFileSync(resourcePath('shopify', 'README.md'), 'utf8')).toMatch(/Source: .*shopify-draft-proxy/);
    expect(existsSync(join(root, 'docs', 'domain', 'tracking-numbers.md'))).toBe(true);
  });
});
