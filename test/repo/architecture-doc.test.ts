/**
 * ARCHITECTURE.md stays true of the tree: its map names every capability and kernel folder that exists,
 * its Events section names every event type of the event map (and none that is gone), and each rule of
 * its rules table points at a check that exists.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/station-process';
import { SENTENCES } from '../../renderer/src/ui/timeline-words';
import { AFTER_RESTORE } from '../../electron/capabilities/backup/jobs';
import { channelNames } from '../../electron/contract/channels';

const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** The text of a `## ` section, up to the next one. */
function section(title: string): string {
  const at = doc.indexOf(`\n## ${title}`);
  if (at < 0) throw new Error(`ARCHITECTURE.md has no section "${title}"`);
  const end = doc.indexOf('\n## ', at + 1);
  return doc.slice(at, end < 0 ? undefined : end);
}

const folders = (dir: string) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** Backticked `family.name` words: what the Events section calls an event. */
export function eventNames(text: string): string[] {
  return [...new Set([...text.matchAll(/`([a-z][a-z_]*\.[a-z][a-z_]*)`/g)].map((m) => m[1]))].sort();
}

// The event map's types: SENTENCES is typed `{ [K in EventType]: ... }`, so the compiler keeps its keys
// exactly the event map's (a missing or extra key does not compile).
const EVENT_TYPES = Object.keys(SENTENCES).sort();
const FAMILIES = new Set(EVENT_TYPES.map((t) => t.slice(0, t.indexOf('.'))));

describe('ARCHITECTURE.md', () => {
  it('its map lists every capability (in the capability table) and every kernel and db/ folder (in the tree)', () => {
    const map = section('Map of the tree');
    const table = new Set([...map.matchAll(/^\| ([a-z]+) \|/gm)].map((m) => m[1]));
    expect(folders('electron/capabilities').filter((c) => !table.has(c))).toEqual([]);
    const missing = [
      ...folders('electron').map((f) => `electron/${f}`),
      ...folders('electron/core').map((f) => `electron/core/${f}`),
      ...folders('db').map((f) => `db/${f}`),
      ...folders('native').map((f) => `native/${f}`),
      ...folders('renderer/src').map((f) => `renderer/src/${f}`),
    ].filter((f) => {
      const name = f.slice(f.lastIndexOf('/') + 1);
      // db/<cap>/ and renderer/src/<cap>/ of a capability in the table are the `<cap>/` line of the tree.
      if ((f.startsWith('db/') || f.startsWith('renderer/src/')) && table.has(name)) return false;
      return !new RegExp(`(^|[\\s/\`(])${name}/`, 'm').test(map);
    });
    expect(missing).toEqual([]);
  });

  it('its Events section names every event type of the event map, and no event that does not exist', () => {
    expect(EVENT_TYPES.length).toBeGreaterThan(100);
    const named = eventNames(section('Events'));
    expect(EVENT_TYPES.filter((t) => !named.includes(t))).toEqual([]);
    // A backticked word of an event family that is no event: a renamed or removed event still listed.
    expect(named.filter((n) => FAMILIES.has(n.slice(0, n.indexOf('.'))) && !EVENT_TYPES.includes(n) && !NOT_EVENTS.includes(n))).toEqual([]);
  });

  it('each rule of the rules table points at a check that exists', () => {
    const rules = section('Rules, checked by a machine');
    const rows = [...rules.matchAll(/^\| (?!Rule \||---)(.+) \| (.+) \|$/gm)].map((m) => m[2]);
    expect(rows.length).toBeGreaterThan(10);
    const cruiser = readFileSync(join(root, '.dependency-cruiser.cjs'), 'utf8');
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const broken: string[] = [];
    for (const row of rows) {
      const checks = [...row.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      if (!checks.length) broken.push(`${row}: names no check`);
      for (const c of checks) {
        const file = c.match(/^([\w./-]+\.(?:ts|cjs|js|json))$/)?.[1] ?? c.match(/^(?:npm run |)[\w:-]+ \(`?([\w./-]+\.(?:ts|cjs|js|json))/)?.[1];
        if (file) {
          if (!existsSync(join(root, file))) broken.push(`${c}: no such file`);
        } else if (c.startsWith('npm run ')) {
          if (!scripts.includes(c.slice('npm run '.length).split(' ')[0])) broken.push(`${c}: no such npm script`);
        } else if (/^[a-z]+(-[a-z]+)+$/.test(c)) {
          // a rule of .dependency-cruiser.cjs, by name
          if (!cruiser.includes(`name: '${c}'`)) broken.push(`${c}: no such dependency-cruiser rule`);
        } else if (/^[a-z]+(-[a-z]+)*-(\*|<cap>)$/.test(c)) {
          // a family of rules: `renderer-*`, or one made per capability (`capability-edges-${cap}`)
          const prefix = c.replace(/(\*|<cap>)$/, '');
          if (!cruiser.includes(`name: '${prefix}`) && !cruiser.includes(`name: \`${prefix}`)) broken.push(`${c}: no such dependency-cruiser rules`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds an event missing from the Events section, and one listed that is gone (the check can fail)', () => {
    expect(eventNames('`parcel.picked` then `label.printed`, not `parcel.health`; `db/core` and `parcel.picked.shipBy` are no events')).toEqual([
      'label.printed',
      'parcel.health',
      'parcel.picked',
    ]);
  });
});

/**
 * Backticked words of the Events section that are no events: channels (`station.health`) and outbox job
 * kinds (`print.label`; AFTER_RESTORE is typed over every job kind, so its keys are exactly the job map's).
 */
const NOT_EVENTS: string[] = [...channelNames, ...Object.keys(AFTER_RESTORE)];
