import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp, tempDir } from '../../../support/app';
import type { App } from '../../../../electron/app/create';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { stageRestore } from '../../../../electron/capabilities/backup/restore';
import { secretStoreFor } from '../../../../electron/core/secrets';
import { DEMO_STORE } from '../../../../electron/capabilities/demo/data';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function drain(app: App) {
  for (let i = 0; i < 100; i++) {
    const started = app.runner.pass();
    await app.runner.idle();
    if (!started) break;
  }
}

async function pick(app: App, names: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const code of names) {
    const r = await api(app, 'pick.scan', { code });
    if (r.outcome !== 'issued') throw new Error(`${code}: ${r.outcome} ${'message' in r ? r.message : ''}`);
    out.push(r.parcel.trackingNumber);
  }
  await drain(app);
  return out;
}

const once = (fn: () => Promise<void>) => {
  let p: Promise<void> | null = null;
  return () => (p ??= fn());
};

const names = (from: number, n: number) => Array.from({ length: n }, (_, i) => `#${from + i}`);

/** Every tracking number in the printed-label record (the fake printer's files) and in the emulated store's fulfillments. */
function recorded(dataDir: string) {
  const labels = readdirSync(join(dataDir, 'fake-printer')).map((f) => readFileSync(join(dataDir, 'fake-printer', f), 'latin1'));
  const state = JSON.parse(readFileSync(join(dataDir, 'shopify-emulator', 'demo-store.json'), 'utf8')) as {
    fulfillments: Array<{ trackingInfo: Array<{ number: string | null }> }>;
  };
  return { labels: labels.join('\n'), shopify: new Set(state.fulfillments.flatMap((f) => f.trackingInfo.map((t) => t.number!))) };
}

describe('restore onto a new PC: no number is ever issued twice', () => {
  it('restores a backup onto a fresh data folder, refuses picks until the supervisor confirms the gap, then continues beyond every number on labels and in Shopify', async () => {
    const folder = tempDir('fs-backups-');
    const old = await demoApp({ runJobs: false, demoOrders: 30, demoShopify: true });
    cleanup.push(
      () => rmSync(folder, { recursive: true, force: true }),
      () => rmSync(old.dir, { recursive: true, force: true }),
    );
    await api(old, 'backup.settings.save', { folder, everyHours: 4, keep: 5 });
    const before = await pick(old, names(1001, 6));
    const backup = await new BackupRunner(old.ctx, old.dir).run('console');
    // Picked after the last backup: labels printed, fulfillments in Shopify; then the PC dies.
    const after = await pick(old, names(1007, 6));
    const token = secretStoreFor(old.dir).get(DEMO_STORE)!;
    await old.close();

    // The new PC: Shopify (the emulator's state) lives on; the store is connected again with its token.
    const dir = tempDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'shopify-emulator'), { recursive: true });
    copyFileSync(join(old.dir, 'shopify-emulator', 'demo-store.json'), join(dir, 'shopify-emulator', 'demo-store.json'));
    secretStoreFor(dir).set(DEMO_STORE, token);
    const preview = stageRestore(dir, join(folder, backup.file), new Date());
    expect(preview).toMatchObject({ ok: true, events: backup.events, parcels: 6 });
    // The preview names the last number of each range the backup knew: one of those picked before it.
    expect(preview.ranges.some((r) => r.lastIssued !== null && before.includes(r.lastIssued))).toBe(true);
    expect(preview.ranges.every((r) => r.lastIssued === null || !after.includes(r.lastIssued))).toBe(true);

    const app = await demoApp({ dataDir: dir, runJobs: false, demoOrders: 30, demoShopify: true });
    const close = once(() => app.close());
    cleanup.push(close);
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
    expect((await api(app, 'backup.status', {})).restorePending).toBeNull();

    const fresh = await pick(app, names(1013, 12));
    await close();
    const rec = recorded(old.dir);
    const recNew = recorded(dir);
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
