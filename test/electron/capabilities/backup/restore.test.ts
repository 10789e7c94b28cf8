import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '../../../support/app';
import { labelFiles, orderNames as names, pickOrders as pick, restoreBench } from '../../../support/restore';

const bench = restoreBench();

/** Every tracking number in the printed-label record (the fake printer's files) and in the emulated store's fulfillments. */
function recorded(dataDir: string) {
  const labels = labelFiles(dataDir);
  const state = JSON.parse(readFileSync(join(dataDir, 'shopify-emulator', 'demo-store.json'), 'utf8')) as {
    fulfillments: Array<{ trackingInfo: Array<{ number: string | null }> }>;
  };
  return { labels: labels.join('\n'), shopify: new Set(state.fulfillments.flatMap((f) => f.trackingInfo.map((t) => t.number!))) };
}

describe('restore onto a new PC: no number is ever issued twice', () => {
  it('restores a backup onto a fresh data folder, refuses picks until the supervisor confirms the gap, then continues beyond every number on labels and in Shopify', async () => {
    const station = await bench.station();
    const old = station.app;
    const before = await pick(old, names(1001, 6));
    const backup = await station.backup();
    // Picked after the last backup: labels printed, fulfillments in Shopify; then the PC dies.
    const after = await pick(old, names(1007, 6));

    // The new PC: Shopify (the emulator's state) lives on; the store is connected again with its token.
    const { app, preview } = await station.restore(backup, { dataDir: bench.dir() });
    expect(preview).toMatchObject({ ok: true, events: backup.events, parcels: 6 });
    // The preview names the last number of each range the backup knew: one of those picked before it.
    expect(preview.ranges.some((r) => r.lastIssued !== null && before.includes(r.lastIssued))).toBe(true);
    expect(preview.ranges.every((r) => r.lastIssued === null || !after.includes(r.lastIssued))).toBe(true);

    expect(app.ctx.stationId).toBe(old.ctx.stationId);
    const refused = await api(app, 'pick.scan', { code: '#1013' });
    expect(refused).toMatchObject({ outcome: 'refused', code: 'restore_unconfirmed' });
    expect(refused.outcome === 'refused' && refused.next).toMatch(/supervisor/);

    // Shopify alone already shows every number picked after the backup.
    const fromShopify = await api(app, 'backup.restore.check', {});
    expect(fromShopify.sources.find((s) => s.name === 'shopify')).toMatchObject({ ok: true });
    const seen = fromShopify.ranges.filter((r) => r.gap > 0);
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) {
      expect(after).toContain(r.highestSeen);
      expect(r.seenIn).toContain('shopify');
    }
    // The printed-label record of the dead PC (a print server's archive) says the same.
    const check = await api(app, 'backup.restore.check', { labelsDirs: [join(old.dir, 'fake-printer')] });
    expect(check.sources.find((s) => s.name === 'labels')!.note).toMatch(/^12 label files read/);
    expect(check.ranges.filter((r) => r.gap > 0).map((r) => r.to)).toEqual(seen.map((r) => r.to));
    await expect(api(app, 'backup.restore.confirm', { confirmGap: false })).rejects.toThrow(/issued after the backup/);
    const done = await api(app, 'backup.restore.confirm', { confirmGap: true, labelsDirs: [join(old.dir, 'fake-printer')] });
    expect(done.pending).toBeNull();
    const status = await api(app, 'backup.status', {});
    expect(status.restorePending).toBeNull();
    // The backup card says what the station was restored from and when the next backup is due, not "no good backup yet".
    expect(status.restoredFrom).toMatchObject({ file: backup.file, backupAt: preview.backupAt });
    expect(status.nextDue).not.toBeNull();

    const fresh = await pick(app, names(1013, 12));
    await station.close(app);
    const rec = recorded(old.dir);
    const recNew = recorded(app.dir);
    for (const n of fresh) {
      expect(before).not.toContain(n);
      expect(after).not.toContain(n);
      expect(rec.labels).not.toContain(n);
      expect(rec.shopify.has(n)).toBe(false);
    }
    // And the store now holds each of them exactly once, beside the old ones.
    for (const n of [...before, ...after, ...fresh]) expect(recNew.shopify.has(n)).toBe(true);
    expect(new Set([...before, ...after, ...fresh]).size).toBe(24);
  }, 120_000);
});
