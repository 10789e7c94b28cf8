import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { api, demoApp, tempDir } from '../../support/app';
import Database from 'better-sqlite3';
import { openSqlite } from '../../../db/core/open';
import { migrations } from '../../../db/migrations';
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

  it('a database an older version wrote (operator projected, schema 17) loses the row when it opens', () => {
    const file = join(tempDir('fs-op-gone-'), 'firstscan.db');
    const old = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 17)) old.exec(m.up);
    old.pragma('user_version = 17');
    old.prepare(`INSERT INTO settings (scope, key, value) VALUES ('st-old', 'operator', '"Maria"'), ('st-old', 'name', '"Pick 3"')`).run();
    old.close();
    const reopened = openSqlite({ file });
    try {
      expect(reopened.prepare(`SELECT key FROM settings WHERE scope = 'st-old' ORDER BY key`).all()).toEqual([{ key: 'name' }]);
      expect(reopened.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version);
    } finally {
      reopened.close();
    }
  });

  it('station.save refuses an operator field, saying which', async () => {
    app = await demoApp({ runJobs: false });
    const s = await api(app, 'station.get', {});
    const r = await invoke(app.handlers, 'station.save', { name: s.name, printerId: s.printerId, scanner: s.scanner, operator: 'Maria' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/operator/);
  });
});
