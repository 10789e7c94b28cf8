import { afterAll, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../support/app';
import { DiskFullError } from '../../../db/core/disk';
import { sqliteOf } from '../../../db/core/handle';

let app: Awaited<ReturnType<typeof demoApp>>;
afterAll(async () => app?.dispose());

describe('faults the station survived', () => {
  it('are recorded as station.fault events a supervisor sees, once a minute per fault, and counted in station.health', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 2 });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      app.faults.record('printer poll', new Error('socket hang up'));
      app.faults.record('printer poll', new Error('socket hang up'));
      app.faults.record('wal checkpoint', new Error('database is locked'));
    } finally {
      console.error = quiet;
    }
    const events = sqliteOf(app.store).prepare("SELECT payload FROM events WHERE type = 'station.fault'").all() as Array<{ payload: string }>;
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      { where: 'printer poll', message: 'socket hang up' },
      { where: 'wal checkpoint', message: 'database is locked' },
    ]);
    const h = await api(app, 'station.health', {});
    expect(h.faults.count).toBe(3);
    expect(h.faults.recent[0]).toMatchObject({ where: 'wal checkpoint', message: 'database is locked' });
    expect(h.disk.full).toBe(false);
  });

  it('a full disk is not a fault: it is the disk state, which the next write finds cleared when there is room', async () => {
    app.faults.record('demo printer', Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    expect(app.store.disk.full).toBe(true);
    expect(app.faults.count).toBe(3);
    // This disk has room: the next write looks again and goes through (the tmpfs test covers a disk that stays full).
    expect(() => app.store.write('test', new Date(), () => undefined)).not.toThrow(DiskFullError);
    expect((await api(app, 'station.health', {})).disk.full).toBe(false);
  });
});
