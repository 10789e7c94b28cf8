import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { api, demoApp } from '../../support/app';
import { openSqlite } from '../../../db/core/open';
import { sqliteOf } from '../../../db/core/handle';
import { dumpStore, rebuildStore } from '../../../db/rebuild';
import { invoke } from '../../../electron/app/invoke';

// The station's free-text "operator" is gone (migration 0020): a database written by an older version
// still opens, and its old `station.configured` events still rebuild to the same state.
let app: Awaited<ReturnType<typeof demoApp>> | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe('the station operator setting is gone', () => {
  it('an old event with a free-text operator projects without it, and the rebuild agrees', async () => {
    app = await demoApp({ runJobs: false });
    const { store, ctx } = app;
    store.write('picker', ctx.clock.now(), (emit) =>
      emit({ type: 'station.configured', subject: ctx.stationId, payload: { stationId: ctx.stationId, settings: { name: 'Pick 7', operator: 'Maria' } } }),
    );
    expect(store.read.settings.scope(ctx.stationId)).not.toHaveProperty('operator');
    const station = await api(app, 'station.get', {});
    expect(station.name).toBe('Pick 7');
    expect(station).not.toHaveProperty('operator');
    const live = dumpStore(store);
    rebuildStore(store);
    expect(dumpStore(store)).toEqual(live);
  });

  it('a database an older version wrote (operator projected, schema 17) loses the row when it opens', async () => {
    app = await demoApp({ runJobs: false });
    const db = sqliteOf(app.store);
    db.prepare(`INSERT OR REPLACE INTO settings (scope, key, value) VALUES (?, 'operator', '"Maria"')`).run(app.ctx.stationId);
    db.pragma('user_version = 17');
    const file = db.name;
    await app.close();
    const reopened = openSqlite({ file });
    try {
      expect(reopened.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'operator'`).get()).toEqual({ n: 0 });
      expect(reopened.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(20);
    } finally {
      reopened.close();
    }
    app = await demoApp({ dataDir: join(file, '..'), runJobs: false });
    expect((await api(app, 'station.get', {})).name).toBe('Pick 1');
  });

  it('station.save refuses an operator field, saying which', async () => {
    app = await demoApp({ runJobs: false });
    const s = await api(app, 'station.get', {});
    const r = await invoke(app.handlers, 'station.save', { name: s.name, printerId: s.printerId, scanner: s.scanner, operator: 'Maria' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/operator/);
  });
});
