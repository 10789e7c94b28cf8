import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp, signInAs, tempDir } from '../../../support/app';
import type { App } from '../../../../electron/app/create';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { stageRestore } from '../../../../electron/capabilities/backup/restore';

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

describe('after a restore, orders picked after the backup do not look open again', () => {
  it('holds each order Shopify shows fulfilled (or a label shows picked) after the backup; a picker cannot pick it; a supervisor checks it', async () => {
    const folder = tempDir('fs-backups-');
    const app = await demoApp({ runJobs: false, demoOrders: 30, demoShopify: true });
    cleanup.push(
      () => rmSync(folder, { recursive: true, force: true }),
      () => rmSync(app.dir, { recursive: true, force: true }),
    );
    await api(app, 'backup.settings.save', { folder, everyHours: 4, keep: 5 });
    await pick(app, ['#1001', '#1002']);
    const backup = await new BackupRunner(app.ctx, app.dir).run('console');
    // After the backup: three orders picked, their labels printed and their fulfillments in Shopify.
    const after = await pick(app, ['#1003', '#1004', '#1005']);
    await app.close();

    stageRestore(app.dir, join(folder, backup.file), new Date());
    const back = await demoApp({ dataDir: app.dir, runJobs: false, demoOrders: 30, demoShopify: true });
    let closed = false;
    cleanup.push(() => (closed ? undefined : back.close()));
    // The restored database has them open again; the check names them with where they were seen.
    expect((await api(back, 'parcels.list', { limit: 50 })).rows).toHaveLength(2);
    const check = await api(back, 'backup.restore.check', {});
    expect(check.pickedAfter.map((o) => o.orderName)).toEqual(['#1003', '#1004', '#1005']);
    for (const [i, o] of check.pickedAfter.entries()) {
      expect(o.numbers).toEqual([after[i]]);
      expect(o.seenIn.sort()).toEqual(['labels', 'shopify']);
      expect(o.fulfilled).toBe(true);
    }
    // #1006 was never picked: it stays open.
    const done = await api(back, 'backup.restore.confirm', { confirmGap: true });
    expect(done.pickedAfter).toHaveLength(3);
    const status = await api(back, 'backup.status', {});
    expect(status.heldOrders.map((o) => o.orderName)).toEqual(['#1003', '#1004', '#1005']);

    // A picker scans a held order: refused, saying why and who releases it; nothing is issued.
    await signInAs(back, 'picker');
    const refused = await api(back, 'pick.scan', { code: '#1003' });
    expect(refused).toMatchObject({ outcome: 'refused', code: 'on_hold' });
    expect(refused.outcome === 'refused' && refused.message).toMatch(
      /picked after the last backup: check before re-picking \(fulfilled in Shopify, a label printed: /,
    );
    expect(refused.outcome === 'refused' && refused.next).toMatch(/supervisor releases it/);
    await expect(api(back, 'backup.restore.release', { orderId: check.pickedAfter[0].orderId, decision: 'pick_again', note: '' })).rejects.toThrow(
      /supervisor/i,
    );
    const fresh = await pick(back, ['#1006']);
    expect(after).not.toContain(fresh[0]);

    // The supervisor checks them: #1003 was shipped (it stays closed), #1004's parcel never left (picked again).
    await signInAs(back, 'supervisor');
    expect(
      await api(back, 'backup.restore.release', { orderId: check.pickedAfter[0].orderId, decision: 'shipped', note: 'on the 14:00 manifest' }),
    ).toMatchObject({
      status: 'shipped',
    });
    expect(await api(back, 'pick.scan', { code: '#1003' })).toMatchObject({ outcome: 'refused', code: 'shipped' });
    await api(back, 'backup.restore.release', { orderId: check.pickedAfter[1].orderId, decision: 'pick_again', note: '' });
    const again = await api(back, 'pick.scan', { code: '#1004' });
    expect(again.outcome).toBe('issued');
    expect(again.outcome === 'issued' && [...after, ...fresh]).not.toContain(again.outcome === 'issued' ? again.parcel.trackingNumber : '');
    expect((await api(back, 'backup.status', {})).heldOrders.map((o) => o.orderName)).toEqual(['#1005']);
    await back.close();
    closed = true;
  }, 120_000);
});
