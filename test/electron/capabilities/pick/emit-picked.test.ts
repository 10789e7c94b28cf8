import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('one way a parcel is picked', () => {
  it('only emitPicked writes parcel.picked, and both the one-scan pick and the pack bench call it', () => {
    const root = join(__dirname, '../../../../electron/capabilities');
    const writers = files(root).filter((f) => /type: 'parcel\.picked'/.test(readFileSync(f, 'utf8')));
    expect(writers.map((f) => f.slice(root.length + 1))).toEqual(['pick/emit-picked.ts']);
    for (const caller of ['pick/scan.ts', 'pack/issue.ts']) expect(readFileSync(join(root, caller), 'utf8')).toMatch(/emitPicked\(ctx, emit, \{/);
  });
});
