/**
 * Refresh predicates of screens test event types the compiler checks: `t === 'parcel.picked'` on the
 * `EventType` union, and families through `startsWith(t, 'parcel.')` (renderer/src/ui/event-family.ts),
 * whose prefix must begin some event type. String's own startsWith on an event type checks nothing:
 * a renamed family would silently stop a screen's refresh. This test finds that form.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/station-process';

/** Lines that test an event type with String's startsWith (or includes/endsWith/match). */
export function uncheckedEventTests(source: string): number[] {
  const re = /\b(?:t|type|types\[\w+\]|e\.type|ev\.type|event\.type)\.(?:startsWith|endsWith|includes|match)\(/;
  return source.split('\n').flatMap((line, i) => (re.test(line) ? [i + 1] : []));
}

describe('refresh predicates', () => {
  it('no screen tests an event type with a plain string method', () => {
    const dir = join(root, 'renderer/src');
    const found = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && e.name !== 'event-family.ts')
      .flatMap((e) => {
        const file = join(e.parentPath, e.name);
        return uncheckedEventTests(readFileSync(file, 'utf8')).map((n) => `${file.slice(root.length + 1)}:${n}`);
      });
    expect(found).toEqual([]);
  });

  it('finds one (the check can fail)', () => {
    const sample = [
      "const a = (t: EventType) => t.startsWith('parcel.');",
      "const b = (t: EventType) => startsWith(t, 'parcel.') || t === 'label.printed';",
      "events.filter((e) => e.type.startsWith('monitor.'));",
      "if (e.subject.startsWith('pcl_')) return;",
    ].join('\n');
    expect(uncheckedEventTests(sample)).toEqual([1, 3]);
  });
});
