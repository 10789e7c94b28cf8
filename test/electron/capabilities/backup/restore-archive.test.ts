import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '../../../support/app';
import { restoreBench } from '../../../support/restore';
import { sqliteOf } from '../../../../db/core/handle';
import { previewBackup } from '../../../../electron/capabilities/backup/restore';

const bench = restoreBench();

describe('a backup carries the archive file beside the database', () => {
  it('copies firstscan-archive.db online beside the copy, checks it, shows it in the preview and restores it onto a new PC', async () => {
    const station = await bench.station();
    const db = sqliteOf(station.app.store);
    // Old parcels' scans, moved into the archive by retention.
    const put = db.prepare(
      "INSERT INTO archive.monitor_scans (parcel_id, status, scanned_at, learned_at, source_id, via, location, detail, archived_at) VALUES (?, 'delivered', ?, ?, 'emu', 'poll', 'Leeds', 'Delivered', ?)",
    );
    for (let i = 0; i < 3; i++) put.run(`pcl_old${i}`, '2026-06-01T10:00:00Z', '2026-06-01T10:05:00Z', '2026-09-01T00:00:00Z');
    const backup = await station.backup();
    expect(backup.archiveRows).toBe(3);
    const archiveCopy = join(station.folder, backup.file.replace(/\.db$/, '-archive.db'));
    expect(existsSync(archiveCopy)).toBe(true);
    // Not a backup of its own in the list: the copy's companion.
    expect((await api(station.app, 'backup.status', {})).backups.map((b) => b.name)).toEqual([backup.file]);
    const preview = previewBackup(join(station.folder, backup.file));
    expect(preview).toMatchObject({ ok: true, archive: { file: backup.file.replace(/\.db$/, '-archive.db'), ok: true, rows: 3, problem: null } });

    const { app: back } = await station.restore(backup, { dataDir: bench.dir() });
    expect(existsSync(join(back.dir, 'firstscan-archive.db'))).toBe(true);
    const scans = sqliteOf(back.store).prepare('SELECT parcel_id FROM archive.monitor_scans ORDER BY parcel_id').all();
    expect(scans).toEqual([{ parcel_id: 'pcl_old0' }, { parcel_id: 'pcl_old1' }, { parcel_id: 'pcl_old2' }]);

    // Where no second connection may read the files (a full disk's exclusive lock), the station's own connection copies the archive.
    const file = join(bench.dir('fs-archive-copy-'), 'copy-archive.db');
    expect(await back.store.read.backup.copyArchive(file)).toEqual({ integrity: 'ok', rows: 3 });
  }, 120_000);
});
