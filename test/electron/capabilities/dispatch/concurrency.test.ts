import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqlite } from '../../../../db/core/open';
import { createStore } from '../../../../db/store';
import { dispatchScan } from '../../../../electron/capabilities/dispatch/load';
import { api } from '../../../support/app';
import { dispatchApp, MORNING, pickOn } from './fixtures';
import { sqliteOf } from '../../../../db/core/handle';
import { nodeArgs } from '../../../support/bundle';

const child = fileURLToPath(new URL('./load-child.ts', import.meta.url));

let app: Awaited<ReturnType<typeof dispatchApp>>;
beforeAll(async () => {
  app = await dispatchApp({ orders: 200 });
});
afterAll(async () => app?.dispose());

function station(name: string, manifestId: string, numbers: string[]) {
  const p = spawn(process.execPath, nodeArgs(child, [app.dir, name, manifestId, MORNING.toISOString(), ...numbers]), {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) => p.stdout.on('data', (d: Buffer) => ((out += d), out.startsWith('ready\n') && resolve())));
  const done = new Promise<string[]>((resolve, reject) => {
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.split('\n')[1])) : reject(new Error(`station ${name} exited ${code}`))));
  });
  return { ready, go: () => p.stdin.end('go\n'), done };
}

describe('two stations loading the same parcels at once', () => {
  it('second connection: a parcel loaded at one station is refused at the other, inside the write lock', async () => {
    const [p] = await pickOn(app, 'ups', 1);
    const a = await api(app, 'dispatch.open', { lineId: 'ups', pickupDate: '2026-11-27' });
    const b = await api(app, 'dispatch.open', { lineId: 'ups', pickupDate: '2026-11-28' });
    const db2 = openSqlite({ file: join(app.dir, 'firstscan.db') });
    try {
      const other = { store: createStore(db2, 'st-dock2'), clock: app.clock, stationId: 'st-dock2' };
      // Station 2 has read the parcel as free on its own connection before station 1 commits.
      expect(other.store.read.parcels.get(p.id)!.status).toBe('picked');
      expect((await api(app, 'dispatch.scan', { manifestId: a.id, code: p.trackingNumber })).outcome).toBe('loaded');
      expect(dispatchScan(other, b.id, p.trackingNumber)).toMatchObject({ outcome: 'refused', code: 'on_other_manifest' });
      const rows = sqliteOf(app.store).prepare('SELECT manifest_id FROM manifest_parcels WHERE parcel_id = ?').all(p.id);
      expect(rows).toEqual([{ manifest_id: a.id }]);
    } finally {
      db2.close();
    }
  });

  it('two processes race over 80 parcels: each parcel ends on exactly one manifest, nothing lost or doubled', async () => {
    const parcels = await pickOn(app, 'postal-s10', 80);
    const m1 = await api(app, 'dispatch.open', { lineId: 'postal-s10', pickupDate: '2026-11-27' });
    const m2 = await api(app, 'dispatch.open', { lineId: 'postal-s10', pickupDate: '2026-11-28' });
    const numbers = parcels.map((p) => p.trackingNumber);
    // Opposite orders meet in the middle; same order races parcel by parcel. Both halves run.
    const s1 = station('st-dock-a', m1.id, numbers);
    const s2 = station('st-dock-b', m2.id, [...numbers.slice(0, 40), ...numbers.slice(40).reverse()]);
    await Promise.all([s1.ready, s2.ready]);
    s1.go();
    s2.go();
    const [o1, o2] = await Promise.all([s1.done, s2.done]);

    const db = sqliteOf(app.store);
    const loaded = (o: string[]) => o.filter((x) => x === 'loaded').length;
    expect(loaded(o1) + loaded(o2)).toBe(80);
    expect([...o1, ...o2].filter((x) => x !== 'loaded').every((x) => x === 'on_other_manifest')).toBe(true);
    const placed = db.prepare(`SELECT parcel_id, manifest_id FROM manifest_parcels WHERE manifest_id IN (?, ?)`).all(m1.id, m2.id) as Array<{
      parcel_id: string;
    }>;
    expect(placed).toHaveLength(80);
    expect(new Set(placed.map((r) => r.parcel_id)).size).toBe(80);
    const loadEvents = db
      .prepare(`SELECT count(*) AS n FROM events WHERE type = 'parcel.loaded' AND json_extract(payload, '$.manifestId') IN (?, ?)`)
      .get(m1.id, m2.id) as { n: number };
    expect(loadEvents.n).toBe(80);
    const d1 = await api(app, 'dispatch.manifest', { manifestId: m1.id });
    const d2 = await api(app, 'dispatch.manifest', { manifestId: m2.id });
    expect(d1.manifest.parcels + d2.manifest.parcels).toBe(80);
    expect(d1.manifest.parcels).toBe(loaded(o1));
    expect(parcels.every((p) => app.store.read.parcels.get(p.id)!.status === 'loaded')).toBe(true);
  }, 60_000);
});
